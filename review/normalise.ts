// Normalisation: what both contracts are rewritten to before any rule runs,
// so that every rule (and the unclassified net) compares meanings, not
// spellings. The one home of every equivalence the review knows:
//
// - parameters: the serialisation defaults of their location made explicit
//   (`style`, `explode`, `allowReserved`), and `false` flags that are the
//   default (`deprecated`, `allowEmptyValue`, `required` off the path) left out;
// - media types: keyed by their essence (`application/json`), their
//   parameters (`charset=utf-8`) kept apart as the name they were written with;
// - schemas: `allOf` flattened, with bounds intersected (the tightest
//   maximum, the highest minimum…), `required` unioned and `type` intersected;
//   `oneOf` over branches of disjoint types read as `anyOf` (only one branch
//   can match either way); `anyOf`/`oneOf` of branches that only name types
//   read as a list of types; flags at their default (`readOnly: false`…) left out.
//
// `$ref` chains and component renames need nothing here: every reader
// resolves references before comparing.
import { deref, isObject, type Json, type JsonObject, sameJson } from '../lib/json.ts';
import { spend } from '../lib/work-budget.ts';

// --- parameters ---------------------------------------------------------------

/** The style OpenAPI 3.1 gives a parameter of each location when it names none. */
const defaultStyle: Record<string, string> = {
  query: 'form',
  cookie: 'form',
  path: 'simple',
  header: 'simple',
};

/** A parameter with its location's serialisation defaults written out. */
export function normaliseParameter(parameter: JsonObject): JsonObject {
  const location = String(parameter.in);
  const style = parameter.style ?? defaultStyle[location];
  const normal: JsonObject = {};
  for (const key in parameter) {
    const value = parameter[key] as Json;
    // `false` flags that are the default say nothing (`required` is true on a path).
    const defaultFlag =
      value === false &&
      (key === 'deprecated' ||
        key === 'allowEmptyValue' ||
        (key === 'required' && location !== 'path'));
    if (!defaultFlag) normal[key] = value;
  }
  if (style !== undefined) normal.style = style;
  normal.explode = parameter.explode ?? style === 'form';
  if (location === 'query') normal.allowReserved = parameter.allowReserved ?? false;
  return normal;
}

// --- media types ----------------------------------------------------------------

/** `Application/JSON; charset=UTF-8` → `application/json`. */
export const mediaEssence = (name: string): string =>
  (name.split(';')[0] ?? '').trim().toLowerCase();

const writtenAs = new WeakMap<JsonObject, string>();

/** The name a media type object was written under, parameters included. */
export const mediaTypeName = (media: Json | undefined, essence: string): string =>
  (isObject(media) ? writtenAs.get(media) : undefined) ?? essence;

/** A response's `content` keyed by essence (the first of two that share one wins). */
export function normaliseContent(content: Json | undefined): JsonObject | undefined {
  if (!isObject(content)) return undefined;
  const normal: JsonObject = {};
  for (const [name, media] of Object.entries(content)) {
    const essence = mediaEssence(name);
    if (essence in normal) continue;
    const copy = isObject(media) ? { ...media } : media;
    if (isObject(copy)) writtenAs.set(copy, name);
    normal[essence] = copy;
  }
  return normal;
}

// --- schemas --------------------------------------------------------------------

/** A `type` keyword as a list of names; undefined when there is none. */
export const typeList = (type: Json | undefined): string[] | undefined => {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((item): item is string => typeof item === 'string');
  return undefined;
};

/** Intersection of two `type` keywords: a value must satisfy both. */
const intersectTypes = (a: Json | undefined, b: Json | undefined): Json | undefined => {
  const left = typeList(a);
  const right = typeList(b);
  if (left === undefined) return b;
  if (right === undefined) return a;
  const both = left.filter(
    (type) => right.includes(type) || (type === 'integer' && right.includes('number')),
  );
  // `number` ∩ `integer` is `integer`.
  for (const type of right) if (type === 'integer' && left.includes('number')) both.push(type);
  const unique = [...new Set(both)];
  return unique.length === 1 ? (unique[0] as string) : unique;
};

export const requiredOf = (schema: JsonObject): string[] =>
  Array.isArray(schema.required)
    ? schema.required.filter((item): item is string => typeof item === 'string')
    : [];

const lower = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const upper = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
/** Flags that hold when either side sets them. */
const anyFlags = ['readOnly', 'writeOnly', 'deprecated', 'uniqueItems'];

/**
 * Both schemas at once, as `allOf: [outer, member]` means: bounds
 * intersected, `required` unioned, `type` and `enum` intersected, flags
 * and-ed or or-ed as the keyword reads; a property both define must satisfy
 * both (kept as an allOf of the two, flattened when viewed).
 */
function mergeTwo(outer: JsonObject, member: JsonObject): JsonObject {
  const merged: JsonObject = { ...member, ...outer };
  const properties: JsonObject = { ...(isObject(member.properties) ? member.properties : {}) };
  for (const [name, schema] of Object.entries(isObject(outer.properties) ? outer.properties : {})) {
    const other = properties[name];
    properties[name] = other === undefined ? schema : { allOf: [other, schema] };
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  const required = [...new Set([...requiredOf(member), ...requiredOf(outer)])];
  if (required.length > 0) merged.required = required;
  const type = intersectTypes(outer.type, member.type);
  if (type !== undefined) merged.type = type;
  for (const keyword of [...lower, ...upper]) {
    const a = outer[keyword];
    const b = member[keyword];
    if (typeof a === 'number' && typeof b === 'number') {
      merged[keyword] = lower.includes(keyword) ? Math.max(a, b) : Math.min(a, b);
    }
  }
  if (Array.isArray(outer.enum) && Array.isArray(member.enum)) {
    spend(outer.enum.length + member.enum.length);
    const theirs = new Set(member.enum.map((value) => JSON.stringify(value)));
    merged.enum = outer.enum.filter((value) => theirs.has(JSON.stringify(value)));
  }
  for (const flag of anyFlags) {
    if (outer[flag] === true || member[flag] === true) merged[flag] = true;
  }
  // 3.0's `nullable` stays the outer schema's: `{ nullable: true, allOf: [{ $ref }] }`
  // is the 3.0 idiom for a nullable reference.
  if (outer.additionalProperties === false || member.additionalProperties === false) {
    merged.additionalProperties = false;
  }
  bothApply(merged, outer, member);
  return merged;
}

/** Keywords whose value is a schema: when both sides give one, a value must satisfy both. */
const schemaKeywords = ['items', 'additionalProperties', 'contains', 'propertyNames'];
/** Keywords that cannot be combined into one value: both are kept, as a sorted list. */
const listedKeywords = ['pattern', 'format', 'multipleOf', 'contentMediaType', 'contentEncoding'];

/**
 * What both members say where one value cannot hold both: schemas become an
 * `allOf` of the two (flattened when viewed), prefixItems position by
 * position, `not` an `anyOf` of both, `const`s that differ an empty enum (no
 * value is valid), and patterns or formats both kept. Without this the
 * later member's keyword was dropped, and a change to it read as no change.
 */
function bothApply(merged: JsonObject, outer: JsonObject, member: JsonObject): void {
  const differ = (keyword: string) =>
    outer[keyword] !== undefined &&
    member[keyword] !== undefined &&
    !sameJson(outer[keyword], member[keyword]);
  for (const keyword of schemaKeywords) {
    if (differ(keyword) && isObject(outer[keyword]) && isObject(member[keyword])) {
      merged[keyword] = { allOf: [member[keyword] as Json, outer[keyword] as Json] };
    }
  }
  if (
    differ('prefixItems') &&
    Array.isArray(outer.prefixItems) &&
    Array.isArray(member.prefixItems)
  ) {
    const [a, b] = [outer.prefixItems, member.prefixItems];
    merged.prefixItems = Array.from({ length: Math.max(a.length, b.length) }, (_, i) =>
      a[i] !== undefined && b[i] !== undefined
        ? { allOf: [b[i] as Json, a[i] as Json] }
        : ((a[i] ?? b[i]) as Json),
    );
  }
  if (differ('not')) merged.not = { anyOf: [member.not as Json, outer.not as Json] };
  if (differ('const')) merged.enum = [];
  for (const keyword of listedKeywords) {
    if (differ(keyword)) {
      const values = [outer[keyword], member[keyword]].flat() as Json[];
      merged[keyword] = [...new Set(values.map((value) => JSON.stringify(value)))]
        .sort()
        .map((text) => JSON.parse(text) as Json);
    }
  }
}

const maxMergeDepth = 64;

// Each schema node is merged once per document: a $ref graph whose branches
// are shared (`A: allOf [B, B]`, `B: allOf [C, C]`…) would otherwise be
// expanded again on every path to a node, 2^n times. A merge cut short by a
// cycle depends on where it started and is not kept (the work budget bounds
// those); one cut past maxMergeDepth is kept as first computed, so a graph
// deeper than that is read the same, truncated, whichever way it is reached.
const merges = new WeakMap<JsonObject, WeakMap<JsonObject, JsonObject>>();
let cycleCuts = 0;

/** Merges `allOf` members into one schema (see mergeTwo), following `$ref`s. */
export function mergeAllOf(
  document: JsonObject,
  schema: Json | undefined,
  refs: ReadonlySet<string> = new Set(),
  depth = 0,
): JsonObject {
  spend();
  // A schema that is its own allOf member adds nothing the second time; past
  // maxMergeDepth nested members and branches (a contract built to run away),
  // a schema reads as unconstrained.
  const ref = isObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : undefined;
  if (ref !== undefined && refs.has(ref)) {
    cycleCuts++;
    return {};
  }
  if (depth > maxMergeDepth) return {};
  if (!isObject(schema)) {
    const resolved = deref(document, schema);
    return isObject(resolved) ? mergeAllOf(document, resolved, refs, depth) : {};
  }
  let known = merges.get(document);
  if (known === undefined) {
    known = new WeakMap();
    merges.set(document, known);
  }
  const found = known.get(schema);
  if (found !== undefined) return found;
  const cutsBefore = cycleCuts;
  const inside = ref === undefined ? refs : new Set([...refs, ref]);
  const resolved = deref(document, schema);
  if (!isObject(resolved)) return {};
  const { allOf, ...own } = resolved;
  let merged: JsonObject = own;
  if (Array.isArray(allOf)) {
    for (const member of allOf) {
      merged = mergeTwo(merged, mergeAllOf(document, member, inside, depth + 1));
    }
  }
  const alternatives = alternativesNormalised(document, merged, inside, depth);
  const normal = withoutDefaultFlags(alternatives);
  if (writtenAsList.has(alternatives)) writtenAsList.add(normal);
  if (cycleCuts === cutsBefore) known.set(schema, normal);
  return normal;
}

const defaultFlags: Record<string, Json> = {
  readOnly: false,
  writeOnly: false,
  deprecated: false,
  nullable: false,
  uniqueItems: false,
};

function withoutDefaultFlags(schema: JsonObject): JsonObject {
  let found = false;
  for (const flag in defaultFlags) if (schema[flag] === false) found = true;
  if (!found) return schema;
  const normal: JsonObject = {};
  for (const key in schema) {
    if (!(key in defaultFlags && schema[key] === false)) normal[key] = schema[key] as Json;
  }
  return normal;
}

// Schemas whose types were written as a list of type-only branches
// (`oneOf: [{type: string}, {type: integer}]`): the same meaning as a type
// list, but oasdiff names such a change "list of types" (diff/list_of_types_diff.go).
const writtenAsList = new WeakSet<JsonObject>();

/** Whether a merged schema's types came from oneOf/anyOf branches that only name types. */
export const typesWrittenAsList = (merged: JsonObject): boolean => writtenAsList.has(merged);

/** Documentation keys that a branch may carry and still "only name a type". */
const branchNotes = new Set(['title', 'description', '$comment']);

/** The types a branch allows, when it says nothing else (`{ type: string }`). */
function typeOnly(branch: JsonObject): string[] | undefined {
  const keys = Object.keys(branch).filter((key) => !branchNotes.has(key));
  return keys.length === 1 && keys[0] === 'type' ? typeList(branch.type) : undefined;
}

const disjoint = (a: readonly string[], b: readonly string[]): boolean =>
  !a.some(
    (type) =>
      b.includes(type) ||
      (type === 'integer' && b.includes('number')) ||
      (type === 'number' && b.includes('integer')),
  );

/** The `type`s a branch allows, when it names them; undefined for "any". */
function branchTypes(
  document: JsonObject,
  branch: Json,
  refs: ReadonlySet<string>,
  depth: number,
): string[] | undefined {
  // A branch that refers back to a schema being merged reads as "any type".
  const merged = mergeAllOf(document, branch, refs, depth + 1);
  return typeList(merged.type);
}

// `oneOf` of pairwise type-disjoint branches is an `anyOf`; either of
// them, when every branch only names types, is a list of types.
function alternativesNormalised(
  document: JsonObject,
  schema: JsonObject,
  refs: ReadonlySet<string>,
  depth: number,
): JsonObject {
  const key = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : '';
  if (key === '' || (Array.isArray(schema.oneOf) && Array.isArray(schema.anyOf))) return schema;
  const branches = schema[key] as Json[];
  if (branches.length === 0) return schema;
  const types = branches.map((branch) => branchTypes(document, branch, refs, depth));
  const allTyped = types.every((list): list is string[] => list !== undefined);
  const pairwiseDisjoint =
    allTyped && types.every((a, i) => types.slice(i + 1).every((b) => disjoint(a, b)));
  if (key === 'oneOf' && !pairwiseDisjoint) return schema;
  const only = branches.map((branch) => {
    const resolved = deref(document, branch);
    return isObject(resolved) && !Array.isArray(resolved.allOf) ? typeOnly(resolved) : undefined;
  });
  const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = schema;
  if (only.every((list): list is string[] => list !== undefined)) {
    const union = [...new Set(only.flat())];
    const type = intersectTypes(rest.type, union.length === 1 ? (union[0] as string) : union);
    const typed = type === undefined ? rest : { ...rest, type };
    writtenAsList.add(typed);
    return typed;
  }
  return { ...rest, anyOf: branches };
}
