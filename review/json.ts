// Plain JSON values and the few operations on them the review needs: follow a
// local `$ref`, inline every `$ref`, and compare two values whatever their
// key order.
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

/** The value a local JSON pointer (`#/components/schemas/Item`) points at. */
export function pointer(document: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  let current: Json | undefined = document;
  for (const raw of ref.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    const segment = decodeSegment(raw).replaceAll('~1', '/').replaceAll('~0', '~');
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

/** JSON text with object keys sorted, so equal values give equal text. */
export function stableStringify(value: Json | undefined): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`).join(',')}}`;
}

export const sameJson = (a: Json | undefined, b: Json | undefined): boolean =>
  stableStringify(a) === stableStringify(b);

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
