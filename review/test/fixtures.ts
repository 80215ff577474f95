// The rule fixtures: fixtures/base.yaml, and one file of fixtures/changes/
// per case with the JSON Patch steps that make its base (when it needs one)
// and its head, the changes it expects and its oasdiff counterpart. Read by
// the rules test and by the client compatibility check.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { isObject, type Json, type JsonObject } from '../../lib/json.ts';
import { type Change, defaultPolicy, type ReviewPolicy } from '../change.ts';

const fixtures = new URL('../fixtures/', import.meta.url);
export const base = parse(readFileSync(new URL('base.yaml', fixtures), 'utf8')) as JsonObject;

export interface Expected {
  kind: Change['kind'];
  rule: string;
  operation: string | null;
  /** A piece of the message, when the wording matters. */
  says?: string;
}

interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move';
  path: string;
  value?: Json;
  /** For `move`: where the value is taken from. */
  from?: string;
}

export interface Fixture {
  /** The oasdiff rule this case corresponds to, or null when oasdiff has none. */
  oasdiff: { id: string; level: 'ERR' | 'WARN' | 'INFO' } | null;
  expect: Expected[];
  /** The review's deprecation policy for this case, when not the default (0 days). */
  policy?: { deprecationDays?: Partial<ReviewPolicy['deprecationDays']> };
  /** Applied to base.yaml first, when the case needs a base that already has something (a deprecation). */
  base?: PatchOperation[];
  patch: PatchOperation[];
}

/** The value a JSON pointer names in `document`. */
function valueAt(document: Json, path: string): Json | undefined {
  let node: Json | undefined = document;
  for (const segment of path.split('/').slice(1)) {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
  }
  return node;
}

/** The subset of JSON Patch (RFC 6902) the fixtures use: add, remove, replace, move. */
export function applyPatch(document: JsonObject, patch: readonly PatchOperation[]): JsonObject {
  let copy = structuredClone(document);
  for (const step of patch) {
    if (step.op === 'move') {
      const from = step.from ?? '';
      const value = valueAt(copy, from);
      if (value === undefined) throw new Error(`move: nothing at ${from}`);
      copy = applyPatch(copy, [
        { op: 'remove', path: from },
        { op: 'add', path: step.path, value },
      ]);
      continue;
    }
    const { op, path, value } = step;
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

export const files = readdirSync(new URL('changes/', fixtures))
  .filter((file) => file.endsWith('.yaml'))
  .sort();

export function load(file: string): Fixture {
  return parse(readFileSync(new URL(`changes/${file}`, fixtures), 'utf8')) as Fixture;
}

/** The two contracts of a fixture: base.yaml with its `base:` steps, and that with its patch. */
export function contractsOf(fixture: Fixture): { before: JsonObject; after: JsonObject } {
  const before = applyPatch(base, fixture.base ?? []);
  return { before, after: applyPatch(before, fixture.patch) };
}

/** The day the fixtures are reviewed on, whatever the date: their sunsets are written against it. */
export const fixtureToday = '2026-06-15';

/** The policy a fixture is compared under: its own deprecation days, on fixtureToday. */
export function policyOf(fixture: Fixture): ReviewPolicy {
  const policy = defaultPolicy();
  return {
    today: fixtureToday,
    deprecationDays: { ...policy.deprecationDays, ...fixture.policy?.deprecationDays },
  };
}
