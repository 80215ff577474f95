// Constraints on a request parameter's value: its default, its bounds and
// the keys an object parameter admits. Accepting fewer values breaks requests
// that were valid; accepting more does not.
import { sameJson } from '../../lib/json.ts';
import type { Rule } from '../change.ts';
import type { RuleId } from '../rule-ids.ts';
import {
  type BoundKeyword,
  boundKeywords,
  boundMove,
  boundText,
  lowerBounds,
  openness,
  shown,
  valueMove,
} from './keywords.ts';
import { at, type BothSides, onBoth } from './parameter-pair.ts';

export function defaultRules(): Rule[] {
  const cases = [
    ['request-parameter-default-value-added', 'added', 'A default was added to a parameter'],
    [
      'request-parameter-default-value-removed',
      'removed',
      'The default of a parameter was removed',
    ],
    ['request-parameter-default-value-changed', 'changed', 'The default of a parameter changed'],
  ] as const;
  return cases.map(([id, way, what]) => ({
    id,
    level: 'error',
    description: `${what}: a request that leaves it out now means something else.`,
    oasdiff: { id, level: 'ERR' },
    checks: {
      parameter: {
        reads: ['schema.default'],
        find: onBoth((pair) => {
          const before = pair.baseSchema.merged.default;
          const after = pair.headSchema.merged.default;
          return valueMove(before, after) === way
            ? at(pair, `: default ${shown(before)} → ${shown(after)}`)
            : undefined;
        }),
      },
    },
  }));
}

/** Per bound, oasdiff's ids: narrowed, widened, and set where it has a separate one. */
const boundIds: Record<BoundKeyword, { narrowed: RuleId; widened: RuleId; set?: RuleId }> = {
  minimum: {
    narrowed: 'request-parameter-min-increased',
    widened: 'request-parameter-min-decreased',
    set: 'request-parameter-min-set',
  },
  exclusiveMinimum: {
    narrowed: 'request-parameter-exclusive-min-increased',
    widened: 'request-parameter-exclusive-min-decreased',
    set: 'request-parameter-exclusive-min-set',
  },
  minLength: {
    narrowed: 'request-parameter-min-length-increased',
    widened: 'request-parameter-min-length-decreased',
  },
  minItems: {
    narrowed: 'request-parameter-min-items-increased',
    widened: 'request-parameter-min-items-decreased',
    set: 'request-parameter-min-items-set',
  },
  maximum: {
    narrowed: 'request-parameter-max-decreased',
    widened: 'request-parameter-max-increased',
    set: 'request-parameter-max-set',
  },
  exclusiveMaximum: {
    narrowed: 'request-parameter-exclusive-max-decreased',
    widened: 'request-parameter-exclusive-max-increased',
    set: 'request-parameter-exclusive-max-set',
  },
  maxLength: {
    narrowed: 'request-parameter-max-length-decreased',
    widened: 'request-parameter-max-length-increased',
    set: 'request-parameter-max-length-set',
  },
  maxItems: {
    narrowed: 'request-parameter-max-items-decreased',
    widened: 'request-parameter-max-items-increased',
  },
};

/** Per bound: narrowed (error), widened (info) and, where oasdiff has it, set (error; oasdiff WARN). */
export function boundRules(): Rule[] {
  return boundKeywords.flatMap((bound) => {
    const { narrowed, widened, set } = boundIds[bound];
    const lower = lowerBounds.includes(bound);
    const rule = (
      id: RuleId,
      level: 'error' | 'info',
      moves: readonly string[],
      description: string,
      oasdiffLevel: 'ERR' | 'WARN' | 'INFO',
    ): Rule => ({
      id,
      level,
      description,
      oasdiff: { id, level: oasdiffLevel },
      ...(oasdiffLevel === 'WARN'
        ? {
            differs:
              'error here: a bound where there was none refuses values that were valid, which is breaking whatever the bound.',
          }
        : {}),
      checks: {
        parameter: {
          reads: [`schema.${bound}`],
          find: onBoth((pair) => {
            const move = boundMove(bound, pair.baseSchema.merged, pair.headSchema.merged);
            return move !== undefined && moves.includes(move)
              ? at(pair, `: ${boundText(bound, pair.baseSchema.merged, pair.headSchema.merged)}`)
              : undefined;
          }),
        },
      },
    });
    return [
      rule(
        narrowed,
        'error',
        set ? ['narrowed'] : ['narrowed', 'set'],
        `\`${bound}\` of a parameter ${lower ? 'rose' : 'fell'}${set ? '' : ' or appeared'}: values valid before are refused.`,
        'ERR',
      ),
      rule(
        widened,
        'info',
        ['widened'],
        `\`${bound}\` of a parameter ${lower ? 'fell' : 'rose'} or went away: more values are valid.`,
        'INFO',
      ),
      ...(set
        ? [
            rule(
              set,
              'error',
              ['set'],
              `A \`${bound}\` was set on a parameter that had none: values valid before may be refused.`,
              'WARN',
            ),
          ]
        : []),
    ];
  });
}

// An object-valued parameter (deepObject, form-exploded): admitting fewer
// keys refuses requests that were valid; admitting more refuses none. No
// oasdiff rule.
export function additionalPropertiesRules(): Rule[] {
  const move = (pair: BothSides): 'widened' | 'narrowed' | undefined => {
    const before = pair.baseSchema.merged.additionalProperties;
    const after = pair.headSchema.merged.additionalProperties;
    if (sameJson(before, after)) return undefined;
    const from = openness(pair.baseSchema.merged);
    const to = openness(pair.headSchema.merged);
    // Two value schemas: the walk compares the values (schema-children.ts).
    if (from === 1 && to === 1) return undefined;
    return to > from ? 'widened' : 'narrowed';
  };
  const text = (pair: BothSides) =>
    `: additionalProperties ${shown(pair.baseSchema.merged.additionalProperties)} → ${shown(pair.headSchema.merged.additionalProperties)}`;
  return (['narrowed', 'widened'] as const).map(
    (way): Rule => ({
      id:
        way === 'narrowed'
          ? 'request-parameter-additional-properties-narrowed'
          : 'request-parameter-additional-properties-widened',
      level: way === 'narrowed' ? 'error' : 'info',
      description:
        way === 'narrowed'
          ? 'An object parameter admits fewer (or other) keys than before: requests with them are refused.'
          : 'An object parameter admits more keys: old requests stay valid.',
      oasdiff: null,
      differs: 'oasdiff has no rule for additionalProperties.',
      checks: {
        parameter: {
          reads: ['schema.additionalProperties'],
          find: onBoth((pair) => (move(pair) === way ? at(pair, text(pair)) : undefined)),
        },
      },
    }),
  );
}
