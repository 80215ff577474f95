// The type of a response value, with oasdiff's ids and its three-way reading
// (changed, generalized, specialized), the body's own response-body-… ids,
// and "list of types" when either side wrote its types as oneOf/anyOf.
import type { Rule, SchemaPair } from '../change.ts';
import { describeTypes, valueTypes } from '../schema.ts';
import { type TypeChange, type TypeMove, typeChange, typeText } from './keywords.ts';
import { at } from './response-node.ts';

/**
 * oasdiff's reading of a response type move (checker/check_response_property_type_changed.go):
 * a move that can bring values clients did not parse is `generalized` when the
 * type set itself widened (integer → integer | string), `changed` otherwise
 * (a format gone, a type dropped, string → integer); one that cannot is
 * `specialized`. A list of types that gained any type widened.
 */
function responseTypeWay(pair: SchemaPair, found: TypeChange): TypeMove {
  const before = valueTypes(pair.base);
  const after = valueTypes(pair.head);
  if (found.move === 'specialized') return 'specialized';
  if (found.list) return 'generalized';
  const widened =
    before !== undefined &&
    after !== undefined &&
    before.length > 0 &&
    after.length > 0 &&
    before.every(
      (type) => after.includes(type) || (type === 'integer' && after.includes('number')),
    );
  return widened && describeTypes(before) !== describeTypes(after) ? 'generalized' : 'changed';
}

// The type of a response value: what clients parse must stay what it was,
// so widening breaks and narrowing does not (oasdiff's ids, the body's own
// ids for the body, and "list of types" when either side wrote its types as
// oneOf/anyOf branches that only name types).
export function typeRules(): Rule[] {
  const cases = [
    [
      'response-property-type-changed',
      'response-body-type-changed',
      'error',
      'ERR',
      false,
      'changed',
      'The type or format of a response value changed (string to integer, format `date` to `uuid`): clients parse it as promised before.',
    ],
    [
      'response-property-type-generalized',
      'response-body-type-generalized',
      'error',
      'ERR',
      false,
      'generalized',
      'A response value may be of more types, or its format widened or went away: clients get values they do not parse.',
    ],
    [
      'response-property-type-specialized',
      'response-body-type-specialized',
      'info',
      'INFO',
      false,
      'specialized',
      'A response value has fewer possible types, or gained or narrowed a format: still what clients parsed.',
    ],
    [
      'response-property-list-of-types-widened',
      'response-body-list-of-types-widened',
      'error',
      'ERR',
      true,
      'generalized',
      'A response value written as a list of types (oneOf/anyOf of types) may be of more types.',
    ],
    [
      'response-property-list-of-types-narrowed',
      'response-body-list-of-types-narrowed',
      'info',
      'INFO',
      true,
      'specialized',
      'A response value written as a list of types (oneOf/anyOf of types) is of fewer types.',
    ],
  ] as const;
  return cases.map(([id, bodyId, level, oasdiffLevel, list, move, description]) => ({
    id,
    bodyId,
    level,
    description,
    oasdiff: { id, level: oasdiffLevel },
    checks: {
      schema: {
        reads: ['type', 'format'],
        find: (pair) => {
          const found = typeChange(pair.base, pair.head);
          if (found === undefined || found.list !== list) return [];
          return responseTypeWay(pair, found) === move
            ? [at(pair, `: ${typeText(pair.base, pair.head)}`)]
            : [];
        },
      },
    },
  }));
}
