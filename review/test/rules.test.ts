// Every rule of the catalogue on its fixture: fixtures/base.yaml (patched
// by the file's `base:` steps, when it has any) against the same patched by
// one file of fixtures/changes/ must give exactly the changes that file
// expects, no more (so a non-breaking fixture also proves nothing breaking is
// reported) and no fewer. Every catalogue id has a fixture named after it,
// every fixture names the oasdiff rule it corresponds to, and every case that
// oasdiff calls ERR fails the review.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isObject, type Json, type JsonObject } from '../../lib/json.ts';
import { catalogue } from '../catalogue.ts';
import type { Change } from '../change.ts';
import { compareContracts } from '../compare.ts';
import { plainOf } from '../inert.ts';
import { judge } from '../verdict.ts';

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
  /** The oasdiff rule this case corresponds to, or null when oasdiff has none. */
  oasdiff: { id: string; level: 'ERR' | 'WARN' | 'INFO' } | null;
  expect: Expected[];
  /** Applied to base.yaml first, when the case needs a base that already has something (a deprecation). */
  base?: PatchOperation[];
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

const outcomes = new Map<string, Change[]>();
const outcome = (file: string): Change[] => {
  let changes = outcomes.get(file);
  if (changes === undefined) {
    const fixture = load(file);
    const before = applyPatch(base, fixture.base ?? []);
    changes = compareContracts(before, applyPatch(before, fixture.patch));
    outcomes.set(file, changes);
  }
  return changes;
};

describe('the comparer on each fixture', () => {
  it.each(files)('%s', (file) => {
    const fixture = load(file);
    const changes = outcome(file);
    expect(changes.map(identity).sort()).toEqual(fixture.expect.map(identity).sort());
    for (const expected of fixture.expect) {
      if (expected.says === undefined) continue;
      const messages = changes
        .filter((found) => identity(found) === identity(expected))
        .map((found) => plainOf(found.message));
      expect(messages).toEqual(expect.arrayContaining([expect.stringContaining(expected.says)]));
    }
  });
});

describe('the rule catalogue and its fixtures', () => {
  it.each(catalogue.map((rule) => [rule.id, rule] as const))(
    '%s has a fixture that finds it, at its level, naming its oasdiff counterpart',
    (id, rule) => {
      expect(files, `review/fixtures/changes/${id}.yaml`).toContain(`${id}.yaml`);
      const fixture = load(`${id}.yaml`);
      expect(fixture.oasdiff).toEqual(rule.oasdiff);
      const kind = { error: 'breaking', warning: 'warning', info: 'non-breaking' }[rule.level];
      expect(outcome(`${id}.yaml`)).toContainEqual(expect.objectContaining({ rule: id, kind }));
      if (
        rule.oasdiff &&
        rule.oasdiff.level !== { error: 'ERR', warning: 'WARN', info: 'INFO' }[rule.level]
      ) {
        expect(rule.differs, `${id} differs from oasdiff and must say why`).toBeTruthy();
      }
    },
  );

  it('every fixture states the oasdiff rule it corresponds to (or null)', () => {
    for (const file of files) expect(load(file), file).toHaveProperty('oasdiff');
  });

  it('fails the review on every case oasdiff calls ERR, and on every unclassified one', () => {
    for (const file of files) {
      const fixture = load(file);
      const changes = outcome(file);
      const verdict = judge({
        changes,
        baseVersion: '1.0.0',
        headVersion: '1.1.0',
        allowBreaking: false,
        allowUnclassified: false,
      });
      if (fixture.oasdiff?.level === 'ERR') expect(verdict.passed, file).toBe(false);
      if (changes.some((found) => found.kind === 'unclassified'))
        expect(verdict.passed, file).toBe(false);
    }
  });

  it('passes a clean tree and a description-only change', () => {
    for (const file of ['no-change.yaml', 'documentation-changed.yaml', 'allof-refactor.yaml']) {
      const verdict = judge({
        changes: outcome(file),
        baseVersion: '1.0.0',
        headVersion: '1.0.1',
        allowBreaking: false,
        allowUnclassified: false,
      });
      expect(verdict, file).toEqual({ passed: true, problems: [] });
    }
  });

  it('applies patches that fail loudly when a path is wrong', () => {
    expect(() => applyPatch(base, [{ op: 'remove', path: '/paths/~1nowhere' }])).toThrow(
      /nothing at/,
    );
  });

  afterAll(() => {
    const levelOf = { error: 'ERR', warning: 'WARN', info: 'INFO' } as const;
    const rows = files.map((file) => {
      const fixture = load(file);
      const ours = catalogue.find((rule) => rule.id === file.replace(/\.yaml$/, ''));
      const found = outcome(file);
      const fails = !judge({
        changes: found,
        baseVersion: '1.0.0',
        headVersion: '1.1.0',
        allowBreaking: false,
        allowUnclassified: false,
      }).passed;
      const severest = (['unclassified', 'breaking', 'warning', 'non-breaking'] as const).find(
        (kind) => found.some((c) => c.kind === kind),
      );
      const ourLevel = ours
        ? levelOf[ours.level]
        : severest === undefined
          ? '–'
          : {
              unclassified: 'UNCLASSIFIED',
              breaking: 'ERR',
              warning: 'WARN',
              'non-breaking': 'INFO',
            }[severest];
      return {
        case: file.replace(/\.yaml$/, ''),
        ours: ourLevel,
        oasdiff: fixture.oasdiff ? `${fixture.oasdiff.id} ${fixture.oasdiff.level}` : '(none)',
        agree:
          fixture.oasdiff === null
            ? '–'
            : ourLevel === fixture.oasdiff.level
              ? 'yes'
              : 'no (see differs)',
        review: fails ? 'FAILS' : 'passes',
      };
    });
    console.log('review rules against oasdiff (review/fixtures/changes):');
    console.table(rows);
  });
});
