// The type of a request parameter, read as oasdiff reads it (a value that
// travels as text) and held to what the generated client's query types allow.
import type { Rule } from '../change.ts';
import { valueTypes, viewSchema } from '../schema.ts';
import { type TypeChange, typeChange, typeText } from './keywords.ts';
import { at, type BothSides, onBoth } from './parameter-pair.ts';

/**
 * The type of a parameter, read as oasdiff reads it: a parameter's value is
 * text on the wire, so any type may become `string`, and a scalar may become
 * a form-exploded array of items that take it (`?a=1` is a one-item array);
 * a list of types (oneOf/anyOf of type-only branches) has ids of its own.
 * `wireOnly`: generalized on the wire only; the generated query type changes
 * (number → string, T → T[]), so typed callers stop compiling.
 */
function parameterTypeChange(pair: BothSides): (TypeChange & { wireOnly: boolean }) | undefined {
  const strict = typeChange(pair.baseSchema, pair.headSchema);
  if (strict === undefined) return undefined;
  if (strict.move === 'generalized') return { ...strict, wireOnly: false };
  const loose = typeChange(pair.baseSchema, pair.headSchema, true);
  if (loose?.move === 'generalized') return { ...loose, wireOnly: true };
  const before = valueTypes(pair.baseSchema);
  const after = valueTypes(pair.headSchema);
  const items = pair.headSchema.items;
  if (
    before !== undefined &&
    !before.includes('array') &&
    after?.length === 1 &&
    after[0] === 'array' &&
    pair.head.style === 'form' &&
    pair.head.explode === true &&
    items !== undefined
  ) {
    const item = viewSchema(pair.operation.headDocument, items);
    const itemTypes = valueTypes(item);
    const takes = (type: string) =>
      itemTypes === undefined ||
      itemTypes.includes(type) ||
      itemTypes.includes('string') ||
      (type === 'integer' && itemTypes.includes('number'));
    if (before.every(takes)) return { move: 'generalized', list: false, wireOnly: true };
  }
  return { ...strict, wireOnly: false };
}

export function parameterTypeRules(): Rule[] {
  const generalized = ['generalized'] as const;
  const narrowed = ['changed', 'specialized'] as const;
  const cases = [
    [
      'request-parameter-type-changed',
      'error',
      'ERR',
      false,
      false,
      narrowed,
      'The type or format of a parameter changed, narrowed or appeared (string to integer, format `uuid` added): values sent before may be refused.',
    ],
    [
      'request-parameter-type-generalized',
      'info',
      'INFO',
      false,
      false,
      generalized,
      'A parameter accepts more: more types, a wider format (int32 → int64) or none, no type at all.',
    ],
    [
      'request-parameter-type-loosened',
      'warning',
      'INFO',
      false,
      true,
      generalized,
      'A parameter accepts every value it did on the wire, but as another type: any type as `string`, a scalar as a form-exploded array.',
    ],
    [
      'request-parameter-list-of-types-narrowed',
      'error',
      'ERR',
      true,
      false,
      narrowed,
      'A parameter written as a list of types (oneOf/anyOf of types) takes fewer types.',
    ],
    [
      'request-parameter-list-of-types-widened',
      'info',
      'INFO',
      true,
      false,
      generalized,
      'A parameter written as a list of types (oneOf/anyOf of types) takes more types.',
    ],
  ] as const;
  return cases.map(([id, level, oasdiffLevel, list, wireOnly, moves, description]) => ({
    id,
    level,
    description,
    ...(wireOnly
      ? {
          oasdiff: { id: 'request-parameter-type-generalized', level: oasdiffLevel },
          differs:
            'a warning here (oasdiff: request-parameter-type-generalized, INFO): the wire takes the old values, but the generated query type changes (`number` → `string`, `T` → `T[]`), so code passing the old type stops compiling (review/test/client-compat.test.ts).',
        }
      : { oasdiff: { id, level: oasdiffLevel } }),
    checks: {
      parameter: {
        reads: ['schema.type', 'schema.format'],
        find: onBoth((pair) => {
          const found = parameterTypeChange(pair);
          return found !== undefined &&
            found.list === list &&
            found.wireOnly === wireOnly &&
            (moves as readonly string[]).includes(found.move)
            ? at(pair, `: ${typeText(pair.baseSchema, pair.headSchema)}`)
            : undefined;
        }),
      },
    },
  }));
}
