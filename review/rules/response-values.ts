// Response values: their enum, const, pattern, default and bounds (their type
// is response-types.ts). What clients parse must stay what it was: widening
// breaks, narrowing does not (oasdiff's ids; the body itself has its own
// response-body-… ids).
import type { Rule } from '../change.ts';
import type { RuleId } from '../rule-ids.ts';
import {
  type BoundKeyword,
  boundKeywords,
  boundMove,
  boundText,
  enumMove,
  listed,
  shown,
  valueMove,
} from './keywords.ts';
import { at, keyword } from './response-node.ts';

/** Enum values that came or went. */
export const enumRules: Rule[] = [
  {
    id: 'response-property-enum-value-added',
    level: 'warning',
    description:
      'A response value may take a new enum value (or any value): clients that switch over the values may not handle it.',
    oasdiff: { id: 'response-property-enum-value-added', level: 'WARN' },
    differs:
      'a dropped enum is here too (oasdiff: response-property-enum-value-removed, INFO): any value may now come, and the generated type widens from the union of values to `string`, so code that assigns it to the union stops compiling (review/test/client-compat.test.ts).',
    checks: {
      schema: {
        reads: ['enum'],
        find: (pair) => {
          const move = enumMove(pair.base.merged, pair.head.merged, false);
          if (!move || move.became || pair.head.merged.writeOnly === true) return [];
          if (move.dropped) return [at(pair, ': enum dropped, any value may come')];
          return move.added.length > 0
            ? [at(pair, `: enum value ${listed(move.added)} added`)]
            : [];
        },
      },
    },
  },
  {
    id: 'response-write-only-property-enum-value-added',
    level: 'info',
    description: 'A writeOnly value may take a new enum value: it is not in answers.',
    oasdiff: { id: 'response-write-only-property-enum-value-added', level: 'INFO' },
    checks: {
      schema: {
        reads: ['enum'],
        find: (pair) => {
          const move = enumMove(pair.base.merged, pair.head.merged, false);
          if (!move || move.became || move.dropped || pair.head.merged.writeOnly !== true)
            return [];
          return move.added.length > 0
            ? [at(pair, `: enum value ${listed(move.added)} added`)]
            : [];
        },
      },
    },
  },
  {
    id: 'response-property-enum-value-removed',
    level: 'info',
    description:
      'A response value takes fewer enum values (a dropped enum is response-property-enum-value-added).',
    oasdiff: { id: 'response-property-enum-value-removed', level: 'INFO' },
    checks: {
      schema: {
        reads: ['enum'],
        find: (pair) => {
          const move = enumMove(pair.base.merged, pair.head.merged, false);
          if (!move || move.dropped) return [];
          if (move.became) return [at(pair, `: limited to ${listed(move.added)}`)];
          return move.removed.length > 0
            ? [at(pair, `: enum value ${listed(move.removed)} removed`)]
            : [];
        },
      },
    },
  },
];

// `const` on a response value, with oasdiff's ids and levels: a constant
// that appears narrows what comes (safe); one that changes or goes away
// breaks clients that relied on the value.
export function constRules(): Rule[] {
  const cases = [
    [
      'added',
      'response-property-const-added',
      'response-body-const-added',
      'info',
      'INFO',
      'A response value became a constant: it was one of those values already.',
    ],
    [
      'changed',
      'response-property-const-changed',
      'response-body-const-changed',
      'error',
      'ERR',
      'The constant a response value always had changed: clients that rely on it break.',
    ],
    [
      'removed',
      'response-property-const-removed',
      'response-body-const-removed',
      'error',
      'ERR',
      'A response value is no longer a constant: other values may come.',
    ],
  ] as const;
  return cases.map(([way, id, bodyId, level, oasdiffLevel, description]) => ({
    id,
    bodyId,
    level,
    description,
    oasdiff: { id, level: oasdiffLevel },
    checks: {
      schema: {
        reads: ['const'],
        find: (pair) => {
          const [before, after] = keyword(pair, 'const');
          return valueMove(before as never, after as never) === way
            ? [at(pair, `: const ${shown(before as never)} → ${shown(after as never)}`)]
            : [];
        },
      },
    },
  }));
}

export function patternRules(): Rule[] {
  const cases = [
    ['added', 'response-property-pattern-added'],
    ['changed', 'response-property-pattern-changed'],
    ['removed', 'response-property-pattern-removed'],
  ] as const;
  return cases.map(([way, id]) => ({
    id,
    level: 'info',
    description: `The pattern of a response value was ${way}: documentation of the values, not a promise clients check.`,
    oasdiff: { id, level: 'INFO' },
    checks: {
      schema: {
        reads: ['pattern'],
        find: (pair) => {
          const [before, after] = keyword(pair, 'pattern');
          return valueMove(before as never, after as never) === way
            ? [at(pair, `: pattern ${shown(before as never)} → ${shown(after as never)}`)]
            : [];
        },
      },
    },
  }));
}

export function defaultRules(): Rule[] {
  const cases = [
    ['added', 'response-property-default-value-added', 'response-body-default-value-added'],
    ['changed', 'response-property-default-value-changed', 'response-body-default-value-changed'],
    ['removed', 'response-property-default-value-removed', 'response-body-default-value-removed'],
  ] as const;
  return cases.map(([way, id, bodyId]) => ({
    id,
    bodyId,
    level: 'info',
    description: `The default of a response value was ${way}: a default says nothing about what a server sends.`,
    oasdiff: { id, level: 'INFO' },
    checks: {
      schema: {
        reads: ['default'],
        find: (pair) => {
          const [before, after] = keyword(pair, 'default');
          return valueMove(before as never, after as never) === way
            ? [at(pair, `: default ${shown(before as never)} → ${shown(after as never)}`)]
            : [];
        },
      },
    },
  }));
}

/**
 * oasdiff's ids for a response bound that widens (ERR: a client that trusted
 * the old bound may get a value outside it); oasdiff has none for maxItems.
 */
const wideningIds: Record<BoundKeyword, { id: RuleId; bodyId?: RuleId }> = {
  minimum: { id: 'response-property-min-decreased', bodyId: 'response-body-min-decreased' },
  exclusiveMinimum: {
    id: 'response-property-exclusive-min-decreased',
    bodyId: 'response-body-exclusive-min-decreased',
  },
  minLength: {
    id: 'response-property-min-length-decreased',
    bodyId: 'response-body-min-length-decreased',
  },
  minItems: {
    id: 'response-property-min-items-decreased',
    bodyId: 'response-body-min-items-decreased',
  },
  maximum: { id: 'response-property-max-increased', bodyId: 'response-body-max-increased' },
  exclusiveMaximum: {
    id: 'response-property-exclusive-max-increased',
    bodyId: 'response-body-exclusive-max-increased',
  },
  maxLength: {
    id: 'response-property-max-length-increased',
    bodyId: 'response-body-max-length-increased',
  },
  maxItems: { id: 'response-property-max-items-increased' },
};

export function boundRules(): Rule[] {
  const widening = boundKeywords.map(
    (bound): Rule => ({
      ...wideningIds[bound],
      level: 'error',
      description: `\`${bound}\` of a response value widened or went away: clients may get values outside what was promised.`,
      oasdiff: bound === 'maxItems' ? null : { id: wideningIds[bound].id, level: 'ERR' },
      checks: {
        schema: {
          reads: [bound],
          find: (pair) =>
            boundMove(bound, pair.base.merged, pair.head.merged) === 'widened'
              ? [at(pair, `: ${boundText(bound, pair.base.merged, pair.head.merged)}`)]
              : [],
        },
      },
    }),
  );
  const narrowing: Rule = {
    id: 'response-property-bounds-narrowed',
    level: 'info',
    description:
      'A bound of a response value narrowed or appeared: values stay within what clients expected.',
    oasdiff: null,
    differs:
      'oasdiff does not report a response bound that narrows; we list it so the change is seen.',
    checks: {
      schema: {
        reads: boundKeywords,
        find: (pair) =>
          boundKeywords
            .filter((bound) => {
              const move = boundMove(bound, pair.base.merged, pair.head.merged);
              return move === 'narrowed' || move === 'set';
            })
            .map((bound) => at(pair, `: ${boundText(bound, pair.base.merged, pair.head.merged)}`)),
      },
    },
  };
  return [...widening, narrowing];
}
