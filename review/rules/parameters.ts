// Rules on request parameters, matched by location and name (`query page_size`).
// A request is breaking when a request that was valid before is not any more.
import {
  type Change,
  change,
  code,
  missingFrom,
  type OperationPair,
  type OperationRule,
} from '../change.ts';
import { changedDocumentation, type Json, type JsonObject, sameJson } from '../json.ts';
import { describeTypes, valueTypes, viewSchema } from '../schema.ts';

const label = (key: string): string => {
  const [location, ...name] = key.split(' ');
  return `${location} parameter ${code(name.join(' '))}`;
};

/** Parameters both sides have, with their resolved and allOf-merged schemas. */
function* commonParameters(pair: OperationPair) {
  for (const [key, base] of pair.base.parameters) {
    const head = pair.head.parameters.get(key);
    if (head === undefined) continue;
    yield {
      key,
      base,
      head,
      baseSchema: viewSchema(pair.baseDocument, base.schema),
      headSchema: viewSchema(pair.headDocument, head.schema),
    };
  }
}

/** Breaking when the new parameter is required (old requests lack it); non-breaking when optional. */
export const parameterAdded: OperationRule = ({ base, head }) =>
  missingFrom(head.parameters.keys(), base.parameters).map((key) =>
    head.parameters.get(key)?.required === true
      ? change('breaking', 'required-parameter-added', head.key, `required ${label(key)} added`)
      : change(
          'non-breaking',
          'optional-parameter-added',
          head.key,
          `optional ${label(key)} added`,
        ),
  );

/**
 * Non-breaking: the server no longer reads it; clients that still send it are
 * not refused by the contract (a removed path parameter shows as a path change).
 */
export const parameterRemoved: OperationRule = ({ base, head }) =>
  missingFrom(base.parameters.keys(), head.parameters).map((key) =>
    change('non-breaking', 'parameter-removed', head.key, `${label(key)} removed`),
  );

/** Breaking when optional becomes required; non-breaking the other way. */
export const parameterRequiredChanged: OperationRule = (pair) => {
  const changes: Change[] = [];
  for (const { key, base, head } of commonParameters(pair)) {
    const before = base.required === true;
    const after = head.required === true;
    if (before === after) continue;
    changes.push(
      after
        ? change(
            'breaking',
            'parameter-made-required',
            pair.head.key,
            `${label(key)} made required`,
          )
        : change(
            'non-breaking',
            'parameter-made-optional',
            pair.head.key,
            `${label(key)} made optional`,
          ),
    );
  }
  return changes;
};

/** Breaking unless the new types include every old one (`string` to `string | integer`). */
export const parameterTypeChanged: OperationRule = (pair) => {
  const changes: Change[] = [];
  for (const { key, baseSchema, headSchema } of commonParameters(pair)) {
    const before = valueTypes(baseSchema);
    const after = valueTypes(headSchema);
    if (describeTypes(before) === describeTypes(after)) continue;
    const widened = after === undefined || (before?.every((type) => after.includes(type)) ?? false);
    const text = `${label(key)}: type changed from ${code(describeTypes(before))} to ${code(describeTypes(after))}`;
    changes.push(
      widened
        ? change('non-breaking', 'parameter-type-widened', pair.head.key, text)
        : change('breaking', 'parameter-type-changed', pair.head.key, text),
    );
  }
  return changes;
};

// Lower bounds narrow when they rise, upper bounds when they fall; a bound
// that appears narrows, one that goes away widens.
const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'];
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'];

const asNumber = (value: Json | undefined): number | undefined =>
  typeof value === 'number' ? value : undefined;

function boundChange(
  keyword: string,
  base: JsonObject,
  head: JsonObject,
): 'narrowed' | 'widened' | undefined {
  const before = asNumber(base[keyword]);
  const after = asNumber(head[keyword]);
  if (before === after) return undefined;
  if (before === undefined) return 'narrowed';
  if (after === undefined) return 'widened';
  const rose = after > before;
  return lowerBounds.includes(keyword) === rose ? 'narrowed' : 'widened';
}

/** Breaking when a bound narrows (a valid value becomes invalid); non-breaking when it widens. */
export const parameterBoundsChanged: OperationRule = (pair) => {
  const changes: Change[] = [];
  for (const { key, baseSchema, headSchema } of commonParameters(pair)) {
    const base = baseSchema.merged;
    const head = headSchema.merged;
    for (const keyword of [...lowerBounds, ...upperBounds]) {
      const direction = boundChange(keyword, base, head);
      if (direction === undefined) continue;
      const text = `${label(key)}: ${keyword} ${String(base[keyword] ?? 'none')} → ${String(head[keyword] ?? 'none')}`;
      changes.push(
        direction === 'narrowed'
          ? change('breaking', 'parameter-bounds-narrowed', pair.head.key, text)
          : change('non-breaking', 'parameter-bounds-widened', pair.head.key, text),
      );
    }
    // A pattern can't be ordered: a new or different one may refuse old values.
    if (!sameJson(base.pattern, head.pattern)) {
      const text = `${label(key)}: pattern ${code(String(base.pattern ?? 'none'))} → ${code(String(head.pattern ?? 'none'))}`;
      changes.push(
        head.pattern === undefined
          ? change('non-breaking', 'parameter-bounds-widened', pair.head.key, text)
          : change('breaking', 'parameter-bounds-narrowed', pair.head.key, text),
      );
    }
  }
  return changes;
};

/** The values an `enum` or `const` allows, or `undefined` when any value goes. */
const allowedValues = (schema: JsonObject): string[] | undefined => {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value));
  if (schema.const !== undefined) return [JSON.stringify(schema.const)];
  return undefined;
};

const listed = (values: string[] | undefined): string =>
  values === undefined ? 'any' : code(values.join(', '));

/** Breaking when a value is no longer allowed; non-breaking when values are added. */
export const parameterEnumChanged: OperationRule = (pair) => {
  const changes: Change[] = [];
  for (const { key, baseSchema, headSchema } of commonParameters(pair)) {
    const before = allowedValues(baseSchema.merged);
    const after = allowedValues(headSchema.merged);
    if (sameJson(before, after)) continue;
    const dropped =
      after === undefined
        ? []
        : (before ?? ['any value']).filter((value) => !after.includes(value));
    const text = `${label(key)}: allowed values ${listed(before)} → ${listed(after)}`;
    changes.push(
      dropped.length > 0
        ? change('breaking', 'parameter-enum-narrowed', pair.head.key, text)
        : change('non-breaking', 'parameter-enum-widened', pair.head.key, text),
    );
  }
  return changes;
};

/** Non-breaking: the parameter's or its schema's description or examples. */
export const parameterDocumentationChanged: OperationRule = (pair) => {
  const changes: Change[] = [];
  for (const { key, base, head, baseSchema, headSchema } of commonParameters(pair)) {
    const keys = [
      ...changedDocumentation(base, head),
      ...changedDocumentation(baseSchema.merged, headSchema.merged).map((name) => `schema ${name}`),
    ];
    if (keys.length === 0) continue;
    changes.push(
      change(
        'non-breaking',
        'documentation-changed',
        pair.head.key,
        `${label(key)}: ${keys.join(', ')} changed`,
      ),
    );
  }
  return changes;
};

export const parameterRules: readonly OperationRule[] = [
  parameterAdded,
  parameterRemoved,
  parameterRequiredChanged,
  parameterTypeChanged,
  parameterBoundsChanged,
  parameterEnumChanged,
  parameterDocumentationChanged,
];
