// Every rule of the comparer on its fixture: test/fixtures/review/base.yaml
// patched by one file of changes/ must give exactly the changes that file
// expects, no more (so a non-breaking fixture also proves nothing breaking is
// reported) and no fewer.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Change } from '../change.ts';
import { compareContracts } from '../compare.ts';
import { isObject, type Json, type JsonObject } from '../json.ts';

const fixtures = new URL('../fixtures/', import.meta.url);
const base = parse(readFileSync(new URL('base.yaml', fixtures), 'utf8')) as JsonObject;

interface Expected {
  kind: Change['kind'];
  rule: string;
  operation: string | null;
  /** A piece of the message, when the wording matters. */
  says?: string;
}

interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path: string;
  value?: Json;
}

interface Fixture {
  expect: Expected[];
  patch: PatchOperation[];
}

/** The subset of JSON Patch (RFC 6902) the fixtures use: add, remove, replace. */
function applyPatch(document: JsonObject, patch: readonly PatchOperation[]): JsonObject {
  const copy = structuredClone(document);
  for (const { op, path, value } of patch) {
    const segments = path
      .split('/')
      .slice(1)
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
    const last = segments.pop();
    let parent: Json | undefined = copy;
    for (const segment of segments) {
      parent = Array.isArray(parent)
        ? parent[Number(segment)]
        : isObject(parent)
          ? parent[segment]
          : undefined;
    }
    if (last === undefined || (parent === undefined && op !== 'remove'))
      throw new Error(`bad patch path ${path}`);
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (op === 'add') parent.splice(index, 0, value ?? null);
      else if (op === 'remove') parent.splice(index, 1);
      else parent[index] = value ?? null;
    } else if (isObject(parent)) {
      if (op !== 'add' && !(last in parent)) throw new Error(`${op}: nothing at ${path}`);
      if (op === 'remove') delete parent[last];
      else parent[last] = value ?? null;
    } else {
      throw new Error(`bad patch path ${path}`);
    }
  }
  return copy;
}

const identity = (found: { kind: string; rule: string; operation: string | null }) =>
  `${found.kind} ${found.rule} ${found.operation ?? '(contract)'}`;

const files = readdirSync(new URL('changes/', fixtures))
  .filter((file) => file.endsWith('.yaml'))
  .sort();

function load(file: string): Fixture {
  return parse(readFileSync(new URL(`changes/${file}`, fixtures), 'utf8')) as Fixture;
}

describe('the comparer on each fixture', () => {
  it.each(files)('%s', (file) => {
    const fixture = load(file);
    const changes = compareContracts(base, applyPatch(base, fixture.patch));
    expect(changes.map(identity).sort()).toEqual(fixture.expect.map(identity).sort());
    for (const expected of fixture.expect) {
      if (expected.says === undefined) continue;
      const messages = changes
        .filter((found) => identity(found) === identity(expected))
        .map((found) => found.message);
      expect(messages).toEqual(expect.arrayContaining([expect.stringContaining(expected.says)]));
    }
  });
});

describe('the fixture set', () => {
  // The list: each rule keeps a fixture of its own.
  const required = {
    breaking: [
      'path-removed',
      'operation-removed',
      'status-removed',
      'response-property-removed',
      'response-property-renamed',
      'response-property-type-changed',
      'response-property-made-optional',
      'response-property-made-nullable',
      'required-parameter-added',
      'parameter-made-required',
      'parameter-type-changed',
      'parameter-bounds-narrowed',
      'parameter-enum-narrowed',
      'security-scheme-removed',
      'security-scheme-changed',
      'server-url-changed',
    ],
    'non-breaking': [
      'optional-parameter-added',
      'response-property-added',
      'status-added',
      'parameter-bounds-widened',
      'description-changed',
    ],
  } as const;

  it.each(Object.entries(required))(
    'has a %s fixture for every rule, expecting only that kind',
    (kind, names) => {
      for (const name of names) {
        expect(files).toContain(`${name}.yaml`);
        expect(load(`${name}.yaml`).expect.map((found) => found.kind)).toEqual(
          expect.arrayContaining([kind]),
        );
        expect(new Set(load(`${name}.yaml`).expect.map((found) => found.kind))).toEqual(
          new Set([kind]),
        );
      }
    },
  );

  it('applies patches that fail loudly when a path is wrong', () => {
    expect(() => applyPatch(base, [{ op: 'remove', path: '/paths/~1nowhere' }])).toThrow(
      /nothing at/,
    );
  });
});
