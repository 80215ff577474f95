// Plain JSON values and the few operations on them the review needs: follow a
// local `$ref`, inline every `$ref`, and compare two values whatever their
// key order.
import { spend } from './work-budget.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const objectAt = (value: Json | undefined): JsonObject => (isObject(value) ? value : {});

// A `$ref` is a URI fragment, so `%7B` may stand for `{`; a stray `%` is kept as is.
const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** A key as one token of a JSON pointer (RFC 6901): its one home is the package's. */
export { escapePointerToken } from '../src/shared/json-pointer.ts';

/** The key a JSON pointer token names. */
export const unescapePointerToken = (token: string): string =>
  token.replaceAll('~1', '/').replaceAll('~0', '~');

/** The key a token of a pointer in a URI fragment (`#/a%20b/c~1d`) names: percent-decoded, then unescaped. */
export const fragmentToken = (raw: string): string => unescapePointerToken(decodeSegment(raw));

const pointed = new WeakMap<JsonObject, Map<string, Json | undefined>>();

/** The value a local JSON pointer (`#/components/schemas/Item`) points at; looked up once per document. */
export function pointer(document: JsonObject, ref: string): Json | undefined {
  let known = pointed.get(document);
  if (known === undefined) {
    known = new Map();
    pointed.set(document, known);
  }
  if (!known.has(ref)) known.set(ref, walkPointer(document, ref));
  return known.get(ref);
}

function walkPointer(document: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  let current: Json | undefined = document;
  for (const raw of ref.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    const segment = fragmentToken(raw);
    current = isObject(current) ? current[segment] : undefined;
  }
  return current;
}

/**
 * Follows `$ref` chains. In OpenAPI 3.1 a reference may have siblings
 * (`description`, `summary`) that override the target's, so they are kept.
 */
export function deref(document: JsonObject, node: Json | undefined, depth = 0): Json | undefined {
  if (!isObject(node) || typeof node.$ref !== 'string' || depth > 32) return node;
  const { $ref, ...siblings } = node;
  const target = deref(document, pointer(document, $ref), depth + 1);
  if (!isObject(target)) return target;
  return Object.keys(siblings).length === 0 ? target : { ...target, ...siblings };
}

/**
 * The value with every `$ref` replaced by its target. A `$ref` met again
 * inside its own target (a recursive schema) stays a `$ref`, so a tree-shaped
 * schema is inlined once, not once per branch forever.
 */
export function inline(
  document: JsonObject,
  node: Json | undefined,
  refs: ReadonlySet<string> = new Set(),
): Json | undefined {
  spend();
  const ref = isObject(node) && typeof node.$ref === 'string' ? node.$ref : undefined;
  if (ref !== undefined && refs.has(ref)) return node;
  const inside = ref === undefined ? refs : new Set([...refs, ref]);
  const resolved = deref(document, node);
  if (Array.isArray(resolved))
    return resolved.map((item) => inline(document, item, inside) ?? null);
  if (!isObject(resolved)) return resolved;
  return Object.fromEntries(
    Object.entries(resolved).map(([key, value]) => [key, inline(document, value, inside) ?? null]),
  );
}

/** Whether two JSON values are equal, whatever their key order. */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameJson(item, b[index]))
    );
  }
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => key in b && sameJson(a[key], b[key]))
  );
}

/**
 * Whether two values are equal once their `$ref`s are followed, each in its
 * own document; what `sameJson(inline(a), inline(b))` says, without building
 * either copy (the review compares every node this way). Past `depth` 64 (a
 * recursive schema) the `$ref`s themselves are compared.
 */
export function sameResolved(
  baseDocument: JsonObject,
  base: Json | undefined,
  headDocument: JsonObject,
  head: Json | undefined,
  depth = 0,
): boolean {
  spend();
  const a = depth > 64 ? base : deref(baseDocument, base);
  const b = depth > 64 ? head : deref(headDocument, head);
  if (a === b) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  // Two nodes already compared below a first call (a $ref graph shares its
  // branches) are not compared again; a first call's own pair seldom repeats.
  if (depth === 0) return sameNodes(baseDocument, a, headDocument, b, depth);
  let known = compared.get(a);
  const before = known?.get(b);
  if (before !== undefined) return before;
  const same = sameNodes(baseDocument, a, headDocument, b, depth);
  if (known === undefined) {
    known = new WeakMap();
    compared.set(a, known);
  }
  known.set(b, same);
  return same;
}

const compared = new WeakMap<object, WeakMap<object, boolean>>();

function sameNodes(
  baseDocument: JsonObject,
  a: JsonObject | Json[],
  headDocument: JsonObject,
  b: JsonObject | Json[],
  depth: number,
): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameResolved(baseDocument, item, headDocument, b[index], depth + 1))
    );
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => key in b && sameResolved(baseDocument, a[key], headDocument, b[key], depth + 1),
  );
}

/** Keys that only document (a client can't break on them). */
export const documentationKeys = [
  'summary',
  'description',
  'title',
  'example',
  'examples',
  'externalDocs',
  '$comment',
] as const;

/** The documentation keys whose values differ between two nodes. */
export function changedDocumentation(a: JsonObject, b: JsonObject): string[] {
  return documentationKeys.filter((key) => !sameJson(a[key], b[key]));
}

// Keys whose value is a map of names (a property may well be called
// `description`), so documentation keys are stripped inside them, not from them.
const nameMaps = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

/** A copy without documentation keys, at every depth. */
export function withoutDocumentation(value: Json | undefined, isNameMap = false): Json | undefined {
  spend();
  if (Array.isArray(value)) return value.map((item) => withoutDocumentation(item) ?? null);
  if (!isObject(value)) return value;
  const kept = Object.entries(value).filter(
    ([key]) => isNameMap || !(documentationKeys as readonly string[]).includes(key),
  );
  return Object.fromEntries(
    kept.map(([key, item]) => [
      key,
      withoutDocumentation(item, !isNameMap && nameMaps.has(key)) ?? null,
    ]),
  );
}
