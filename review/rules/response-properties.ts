// Rules on response bodies, property by property. A walker pairs the base and
// head schema of every status and media type both sides document, then goes
// down properties and array items both sides have; each rule reads one pair.
import { type Change, change, code, missingFrom, type OperationPair } from '../change.ts';
import {
  changedDocumentation,
  inline,
  isObject,
  type Json,
  type JsonObject,
  objectAt,
  stableStringify,
  withoutDocumentation,
} from '../json.ts';
import { describeTypes, type SchemaView, valueTypes, viewSchema } from '../schema.ts';

export interface SchemaPair {
  operation: string;
  /** `200`, or `200 application/xml` when the media type is not JSON. */
  response: string;
  /** Dotted path of the property (`purchases[].app_key`), `''` for the body. */
  where: string;
  base: SchemaView;
  head: SchemaView;
  baseDocument: JsonObject;
  headDocument: JsonObject;
}

type PropertyRule = (pair: SchemaPair) => Change[];

export function* schemaPairs(pair: OperationPair): Generator<SchemaPair> {
  for (const [status, baseResponse] of pair.base.responses) {
    const headResponse = pair.head.responses.get(status);
    if (headResponse === undefined) continue;
    const headContent = objectAt(headResponse.content);
    for (const [mediaType, baseMedia] of Object.entries(objectAt(baseResponse.content))) {
      const headMedia = headContent[mediaType];
      if (headMedia === undefined) continue;
      const response = mediaType === 'application/json' ? status : `${status} ${mediaType}`;
      yield* walk(
        pair,
        response,
        '',
        objectAt(baseMedia).schema,
        objectAt(headMedia).schema,
        new Set(),
      );
    }
  }
}

const refOf = (schema: Json | undefined): string =>
  isObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : '';

function* walk(
  pair: OperationPair,
  response: string,
  where: string,
  baseSchema: Json | undefined,
  headSchema: Json | undefined,
  visiting: ReadonlySet<string>,
): Generator<SchemaPair> {
  // A recursive schema (a tree node's children) is compared once per pair of
  // $refs on the way down; going round again would find the same changes.
  const refs = `${refOf(baseSchema)} ${refOf(headSchema)}`;
  if (refs !== ' ' && visiting.has(refs)) return;
  const inside = refs === ' ' ? visiting : new Set([...visiting, refs]);
  const base = viewSchema(pair.baseDocument, baseSchema);
  const head = viewSchema(pair.headDocument, headSchema);
  const { baseDocument, headDocument } = pair;
  yield { operation: pair.head.key, response, where, base, head, baseDocument, headDocument };
  for (const [name, baseChild] of base.properties) {
    const headChild = head.properties.get(name);
    if (headChild === undefined) continue;
    yield* walk(pair, response, join(where, name), baseChild, headChild, inside);
  }
  if (base.items !== undefined && head.items !== undefined) {
    yield* walk(pair, response, `${where}[]`, base.items, head.items, inside);
  }
}

const join = (where: string, name: string): string => (where === '' ? name : `${where}.${name}`);

const subject = (pair: SchemaPair, where = pair.where): string =>
  where === ''
    ? `status ${code(pair.response)}: the response body`
    : `status ${code(pair.response)}: response property ${code(where)}`;

/** What a property's schema says once documentation is set aside. */
const signature = (document: JsonObject, schema: Json | undefined): string =>
  stableStringify(withoutDocumentation(inline(document, schema)));

/**
 * Removed names matched to added names whose schema is the same apart from
 * documentation: for a client that is one property renamed.
 */
export function renames(pair: SchemaPair): Map<string, string> {
  const added = missingFrom(pair.head.properties.keys(), pair.base.properties);
  const matched = new Map<string, string>();
  for (const name of missingFrom(pair.base.properties.keys(), pair.head.properties)) {
    const before = signature(pair.baseDocument, pair.base.properties.get(name));
    const target = added.find(
      (candidate) =>
        ![...matched.values()].includes(candidate) &&
        signature(pair.headDocument, pair.head.properties.get(candidate)) === before,
    );
    if (target !== undefined) matched.set(name, target);
  }
  return matched;
}

/** Breaking: clients that read the property find nothing. */
export const responsePropertyRemoved: PropertyRule = (pair) => {
  const renamed = renames(pair);
  return missingFrom(pair.base.properties.keys(), pair.head.properties)
    .filter((name) => !renamed.has(name))
    .map((name) =>
      change(
        'breaking',
        'response-property-removed',
        pair.operation,
        `${subject(pair, join(pair.where, name))} removed`,
      ),
    );
};

/** Breaking: the same value under a new name is still gone under the old one. */
export const responsePropertyRenamed: PropertyRule = (pair) =>
  [...renames(pair)].map(([from, to]) =>
    change(
      'breaking',
      'response-property-renamed',
      pair.operation,
      `${subject(pair, join(pair.where, from))} renamed to ${code(join(pair.where, to))}`,
    ),
  );

/** Non-breaking: clients ignore properties they do not know. */
export const responsePropertyAdded: PropertyRule = (pair) => {
  const renamedTo = new Set(renames(pair).values());
  return missingFrom(pair.head.properties.keys(), pair.base.properties)
    .filter((name) => !renamedTo.has(name))
    .map((name) =>
      change(
        'non-breaking',
        'response-property-added',
        pair.operation,
        `${subject(pair, join(pair.where, name))} added`,
      ),
    );
};

/** Breaking: a client parses the value as the type it was promised. */
export const responsePropertyTypeChanged: PropertyRule = (pair) => {
  const before = valueTypes(pair.base);
  const after = valueTypes(pair.head);
  if (describeTypes(before) === describeTypes(after)) return [];
  return [
    change(
      'breaking',
      'response-property-type-changed',
      pair.operation,
      `${subject(pair)}: type changed from ${code(describeTypes(before))} to ${code(describeTypes(after))}`,
    ),
  ];
};

/** Breaking when a property may now be missing; non-breaking the other way. */
export const responsePropertyRequiredChanged: PropertyRule = (pair) =>
  [...pair.base.properties.keys()]
    .filter((name) => pair.head.properties.has(name))
    .filter((name) => pair.base.required.has(name) !== pair.head.required.has(name))
    .map((name) =>
      pair.base.required.has(name)
        ? change(
            'breaking',
            'response-property-made-optional',
            pair.operation,
            `${subject(pair, join(pair.where, name))} made optional`,
          )
        : change(
            'non-breaking',
            'response-property-made-required',
            pair.operation,
            `${subject(pair, join(pair.where, name))} made required`,
          ),
    );

/** Breaking when a value may now be `null`; non-breaking the other way. */
export const responsePropertyNullableChanged: PropertyRule = (pair) => {
  if (pair.base.nullable === pair.head.nullable) return [];
  return [
    pair.head.nullable
      ? change(
          'breaking',
          'response-property-made-nullable',
          pair.operation,
          `${subject(pair)} made nullable`,
        )
      : change(
          'non-breaking',
          'response-property-made-non-nullable',
          pair.operation,
          `${subject(pair)} no longer nullable`,
        ),
  ];
};

/** Non-breaking: description, title or examples of a property. */
export const responsePropertyDocumentationChanged: PropertyRule = (pair) => {
  const keys = changedDocumentation(pair.base.merged, pair.head.merged);
  return keys.length === 0
    ? []
    : [
        change(
          'non-breaking',
          'documentation-changed',
          pair.operation,
          `${subject(pair)}: ${keys.join(', ')} changed`,
        ),
      ];
};

export const propertyRules: readonly PropertyRule[] = [
  responsePropertyRemoved,
  responsePropertyRenamed,
  responsePropertyAdded,
  responsePropertyTypeChanged,
  responsePropertyRequiredChanged,
  responsePropertyNullableChanged,
  responsePropertyDocumentationChanged,
];

/** Every property rule on every schema pair of one operation. */
export const responseBodyChanges = (pair: OperationPair): Change[] =>
  [...schemaPairs(pair)].flatMap((schemaPair) => propertyRules.flatMap((rule) => rule(schemaPair)));
