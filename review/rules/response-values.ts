// Response values: their type, enum, const, pattern, default and bounds. What
// clients parse must stay what it was: widening breaks, narrowing does not
// (oasdiff's ids; the body itself has its own response-body-… ids).
import type { Rule, SchemaPair } from '../change.ts';
import { describeTypes, valueTypes } from '../schema.ts';
import {
  type BoundKeyword,
  boundKeywords,
  boundMove,
  boundStems,
  boundText,
  enumMove,
  listed,
  lowerBounds,
  shown,
  type TypeChange,
  type TypeMove,
  typeChange,
  typeText,
  valueMove,
} from './keywords.ts';
import { at, keyword } from './response-node.ts';

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
      'type-changed',
      'error',
      'ERR',
      false,
      'changed',
      'The type or format of a response value changed (string to integer, format `date` to `uuid`): clients parse it as promised before.',
    ],
    [
      'type-generalized',
      'error',
      'ERR',
      false,
      'generalized',
      'A response value may be of more types, or its format widened or went away: clients get values they do not parse.',
    ],
    [
      'type-specialized',
      'info',
      'INFO',
      false,
      'specialized',
      'A response value has fewer possible types, or gained or narrowed a format: still what clients parsed.',
    ],
    [
      'list-of-types-widened',
      'error',
      'ERR',
      true,
      'generalized',
      'A response value written as a list of types (oneOf/anyOf of types) may be of more types.',
    ],
    [
      'list-of-types-narrowed',
      'info',
      'INFO',
      true,
      'specialized',
      'A response value written as a list of types (oneOf/anyOf of types) is of fewer types.',
    ],
  ] as const;
  return cases.map(([stem, level, oasdiffLevel, list, move, description]) => ({
    id: `response-property-${stem}`,
    bodyId: `response-body-${stem}`,
    level,
    description,
    oasdiff: { id: `response-property-${stem}`, level: oasdiffLevel },
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
      'info',
      'INFO',
      'A response value became a constant: it was one of those values already.',
    ],
    [
      'changed',
      'error',
      'ERR',
      'The constant a response value always had changed: clients that rely on it break.',
    ],
    ['removed', 'error', 'ERR', 'A response value is no longer a constant: other values may come.'],
  ] as const;
  return cases.map(([way, level, oasdiffLevel, description]) => ({
    id: `response-property-const-${way}`,
    bodyId: `response-body-const-${way}`,
    level,
    description,
    oasdiff: { id: `response-property-const-${way}`, level: oasdiffLevel },
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
  const ways = ['added', 'changed', 'removed'] as const;
  return ways.map((way) => ({
    id: `response-property-pattern-${way}`,
    level: 'info',
    description: `The pattern of a response value was ${way}: documentation of the values, not a promise clients check.`,
    oasdiff: { id: `response-property-pattern-${way}`, level: 'INFO' },
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
  const ways = ['added', 'changed', 'removed'] as const;
  return ways.map((way) => ({
    id: `response-property-default-value-${way}`,
    bodyId: `response-body-default-value-${way}`,
    level: 'info',
    description: `The default of a response value was ${way}: a default says nothing about what a server sends.`,
    oasdiff: { id: `response-property-default-value-${way}`, level: 'INFO' },
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

/** oasdiff's id for a response bound that widens (ERR: a client that trusted the old bound may get a value outside it). */
const wideningId = (bound: BoundKeyword): string =>
  `response-property-${boundStems[bound]}-${lowerBounds.includes(bound) ? 'decreased' : 'increased'}`;

export function boundRules(): Rule[] {
  const widening = boundKeywords.map(
    (bound): Rule => ({
      id: wideningId(bound),
      ...(bound === 'maxItems'
        ? {}
        : { bodyId: wideningId(bound).replace('response-property-', 'response-body-') }),
      level: 'error',
      description: `\`${bound}\` of a response value widened or went away: clients may get values outside what was promised.`,
      // oasdiff has every widening id but max-items.
      oasdiff: bound === 'maxItems' ? null : { id: wideningId(bound), level: 'ERR' },
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
