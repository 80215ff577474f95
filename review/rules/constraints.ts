// The constraints without a bound-style rule family of their own:
// `multipleOf`, `uniqueItems`, `minProperties` and `maxProperties`. Each
// narrows or widens what is valid; as for bounds, a narrowing refuses
// requests that were valid (error) and keeps answers within what was promised
// (info), a widening does the opposite. oasdiff has no rule for them.
import type { JsonObject } from '../../lib/json.ts';
import {
  finding,
  type ParameterPair,
  parameterLabel,
  type Rule,
  type SchemaPair,
} from '../change.ts';
import type { RuleId } from '../rule-ids.ts';
import { type BoundMove, boundMove, shown } from './keywords.ts';
import { subject } from './response-node.ts';

type Move = 'narrowed' | 'widened';

const numberOrUndefined = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : undefined;

/** A bound that appears narrows what is valid. */
const asMove = (move: BoundMove | undefined): Move | undefined =>
  move === 'set' ? 'narrowed' : move;

/** Per keyword: how it moved between two schemas, if it did. */
const moves: Record<string, (base: JsonObject, head: JsonObject) => Move | undefined> = {
  multipleOf: (base, head) => {
    const before = numberOrUndefined(base.multipleOf);
    const after = numberOrUndefined(head.multipleOf);
    if (before === after) return undefined;
    if (after === undefined) return 'widened';
    // Every multiple of `after` is one of `before` when `after` is a multiple of it.
    return before === undefined || Number.isInteger(after / before) ? 'narrowed' : 'widened';
  },
  uniqueItems: (base, head) =>
    (base.uniqueItems === true) === (head.uniqueItems === true)
      ? undefined
      : head.uniqueItems === true
        ? 'narrowed'
        : 'widened',
  // Bounds on the number of keys, read as the other bounds are.
  minProperties: (base, head) => asMove(boundMove('minProperties', base, head, true)),
  maxProperties: (base, head) => asMove(boundMove('maxProperties', base, head, false)),
};

type Way = 'narrowed' | 'widened';
/** Each keyword's ids: for a request parameter, then for a response value. */
const ids: Record<string, Record<Way, readonly [RuleId, RuleId]>> = {
  multipleOf: {
    narrowed: ['request-parameter-multiple-of-narrowed', 'response-property-multiple-of-narrowed'],
    widened: ['request-parameter-multiple-of-widened', 'response-property-multiple-of-widened'],
  },
  uniqueItems: {
    narrowed: [
      'request-parameter-unique-items-narrowed',
      'response-property-unique-items-narrowed',
    ],
    widened: ['request-parameter-unique-items-widened', 'response-property-unique-items-widened'],
  },
  minProperties: {
    narrowed: [
      'request-parameter-min-properties-narrowed',
      'response-property-min-properties-narrowed',
    ],
    widened: [
      'request-parameter-min-properties-widened',
      'response-property-min-properties-widened',
    ],
  },
  maxProperties: {
    narrowed: [
      'request-parameter-max-properties-narrowed',
      'response-property-max-properties-narrowed',
    ],
    widened: [
      'request-parameter-max-properties-widened',
      'response-property-max-properties-widened',
    ],
  },
};

const text = (keyword: string, base: JsonObject, head: JsonObject) =>
  `: ${keyword} ${shown(base[keyword] as never)} → ${shown(head[keyword] as never)}`;

function rulesFor([keyword, byWay]: [string, Record<Way, readonly [RuleId, RuleId]>]): Rule[] {
  const move = moves[keyword] as (base: JsonObject, head: JsonObject) => Move | undefined;
  const differs = 'oasdiff has no rule for this keyword.';
  return (['narrowed', 'widened'] as const).flatMap((way): Rule[] => [
    {
      id: byWay[way][0],
      level: way === 'narrowed' ? 'error' : 'info',
      description:
        way === 'narrowed'
          ? `\`${keyword}\` of a parameter narrowed or appeared: requests that were valid may be refused.`
          : `\`${keyword}\` of a parameter widened or went away: old requests stay valid.`,
      oasdiff: null,
      differs,
      checks: {
        parameter: {
          reads: [`schema.${keyword}`],
          find: (pair: ParameterPair) => {
            if (!pair.baseSchema || !pair.headSchema) return [];
            const [base, head] = [pair.baseSchema.merged, pair.headSchema.merged];
            return move(base, head) === way
              ? [
                  finding(
                    pair.operation.head.key,
                    `${parameterLabel(pair)}${text(keyword, base, head)}`,
                  ),
                ]
              : [];
          },
        },
      },
    },
    {
      id: byWay[way][1],
      level: way === 'narrowed' ? 'info' : 'error',
      description:
        way === 'narrowed'
          ? `\`${keyword}\` of a response value narrowed or appeared: values stay within what clients expected.`
          : `\`${keyword}\` of a response value widened or went away: clients may get values outside what was promised.`,
      oasdiff: null,
      differs,
      checks: {
        schema: {
          reads: [keyword],
          find: (pair: SchemaPair) => {
            const [base, head] = [pair.base.merged, pair.head.merged];
            return move(base, head) === way
              ? [finding(pair.operation, `${subject(pair)}${text(keyword, base, head)}`)]
              : [];
          },
        },
      },
    },
  ]);
}

export const constraintRules: Rule[] = Object.entries(ids).flatMap(rulesFor);
