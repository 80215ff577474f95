// What a client sees of a schema: its JSON types, whether it may be null, its
// properties and which are required. The schema is normalised first
// (normalise.ts: `$ref`s followed, `allOf` flattened, alternatives read by
// meaning), so moving a property between an allOf member and its parent, or
// spelling "nullable" one way or another, is not a change.
import { isObject, type Json, type JsonObject } from '../lib/json.ts';
import { mergeAllOf, requiredOf, typeList } from './normalise.ts';

export interface SchemaView {
  /** JSON types the value may have, `null` included; `undefined` when unconstrained. */
  types: ReadonlySet<string> | undefined;
  nullable: boolean;
  /** Child schemas, still raw: the walker views them when it gets there. */
  properties: ReadonlyMap<string, Json>;
  required: ReadonlySet<string>;
  items: Json | undefined;
  /** The merged schema itself, for bounds, enums and documentation. */
  merged: JsonObject;
}

const isNullOnly = (schema: JsonObject): boolean => {
  const types = typeList(schema.type);
  return (
    (types !== undefined && types.length > 0 && types.every((type) => type === 'null')) ||
    schema.const === null
  );
};

// Alternatives are viewed inside alternatives; a schema that is its own
// branch (`A: { oneOf: [{ $ref: A }, …] }`) would never end. Past this depth a
// branch reads as unconstrained, far beyond any schema written by hand.
const maxAlternativeDepth = 32;

/** The view of a schema; see SchemaView. */
export function viewSchema(document: JsonObject, schema: Json | undefined, depth = 0): SchemaView {
  if (depth > maxAlternativeDepth) {
    return {
      types: undefined,
      nullable: false,
      properties: new Map(),
      required: new Set(),
      items: undefined,
      merged: {},
    };
  }
  const merged = mergeAllOf(document, schema);
  const alternatives = [
    ...(Array.isArray(merged.oneOf) ? merged.oneOf : []),
    ...(Array.isArray(merged.anyOf) ? merged.anyOf : []),
  ].map((branch) => mergeAllOf(document, branch));
  const ownTypes = typeList(merged.type) ?? inferredTypes(merged);
  // OpenAPI 3.1 spells "nullable" as a `null` type or a null branch; 3.0's
  // `nullable: true` is read too, for base contracts from before 3.1.
  let nullable =
    ownTypes?.includes('null') === true ||
    merged.nullable === true ||
    alternatives.some(isNullOnly);
  const valued = alternatives.filter((branch) => !isNullOnly(branch));
  if (valued.length === 1 && valued[0] !== undefined && ownTypes === undefined) {
    // `oneOf: [X, {type: 'null'}]` is X made nullable: compare it as X.
    const inner = viewSchema(document, { ...valued[0], ...withoutAlternatives(merged) }, depth + 1);
    return { ...inner, nullable: nullable || inner.nullable };
  }
  let types: Set<string> | undefined = ownTypes ? new Set(ownTypes) : undefined;
  if (types === undefined && valued.length > 1) types = unionOfTypes(document, valued, depth);
  if (types !== undefined && nullable) types.add('null');
  nullable = types?.has('null') ?? nullable;
  return {
    types,
    nullable,
    properties: new Map(Object.entries(isObject(merged.properties) ? merged.properties : {})),
    required: new Set(requiredOf(merged)),
    items: merged.items,
    merged,
  };
}

function withoutAlternatives(schema: JsonObject): JsonObject {
  const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = schema;
  return rest;
}

function inferredTypes(schema: JsonObject): string[] | undefined {
  if (isObject(schema.properties)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return undefined;
}

function unionOfTypes(
  document: JsonObject,
  branches: JsonObject[],
  depth: number,
): Set<string> | undefined {
  const union = new Set<string>();
  for (const branch of branches) {
    const view = viewSchema(document, branch, depth + 1);
    if (view.types === undefined) return undefined;
    for (const type of view.types) union.add(type);
  }
  return union;
}

/** The types other than `null`, as a client checks them; `undefined` for "any". */
export const valueTypes = (view: SchemaView): string[] | undefined =>
  view.types === undefined ? undefined : [...view.types].filter((type) => type !== 'null').sort();

export const describeTypes = (types: string[] | undefined): string =>
  types === undefined ? 'any' : types.length === 0 ? 'null' : types.join(' | ');
