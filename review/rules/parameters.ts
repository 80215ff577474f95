// Request parameters, matched by location and name (`query page_size`). A
// change is breaking when a request that was valid before is refused now, or
// means something else.

import { type JsonObject, sameJson } from '../../lib/json.ts';
import {
  code,
  type Finding,
  finding,
  type ParameterPair,
  parameterLabel,
  type Rule,
} from '../change.ts';
import { type SchemaView, valueTypes, viewSchema } from '../schema.ts';
import {
  type BoundKeyword,
  boundKeywords,
  boundMove,
  boundStems,
  boundText,
  enumMove,
  listed,
  lowerBounds,
  openness,
  shown,
  type TypeChange,
  typeChange,
  typeText,
  valueMove,
} from './keywords.ts';
import { parameterRemoval, type Removal } from './lifecycle.ts';

const nameOf = (key: string): string => key.split(' ').slice(1).join(' ');

/** The other location under which the same name appears on the other side: a move. */
function movedTo(pair: ParameterPair): string | undefined {
  const name = nameOf(pair.key);
  const others = pair.base === undefined ? pair.operation.base : pair.operation.head;
  return [...others.parameters.keys()].find(
    (key) => key !== pair.key && nameOf(key) === name && !others.parameters.has(pair.key),
  );
}

type BothSides = ParameterPair & {
  base: JsonObject;
  head: JsonObject;
  baseSchema: SchemaView;
  headSchema: SchemaView;
};

/** Runs `find` on parameters both sides have. */
const onBoth =
  (find: (pair: BothSides) => Finding | Finding[] | undefined) =>
  (pair: ParameterPair): Finding[] => {
    if (!pair.base || !pair.head || !pair.baseSchema || !pair.headSchema) return [];
    const found = find(pair as BothSides);
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  };

const at = (pair: ParameterPair, text: string): Finding =>
  finding(pair.operation.head.key, `${parameterLabel(pair)}${text}`);

const added = (pair: ParameterPair) => pair.base === undefined && movedTo(pair) === undefined;

function defaultRules(): Rule[] {
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

// The bounds for which oasdiff has a separate "-set" id.
const withSetId: ReadonlySet<BoundKeyword> = new Set([
  'minimum',
  'exclusiveMinimum',
  'minItems',
  'maximum',
  'exclusiveMaximum',
  'maxLength',
]);

/** Per bound: narrowed (error), widened (info) and, where oasdiff has it, set (error; oasdiff WARN). */
function boundRules(): Rule[] {
  return boundKeywords.flatMap((bound) => {
    const stem = boundStems[bound];
    const set = withSetId.has(bound);
    const lower = lowerBounds.includes(bound);
    const narrowed = `request-parameter-${stem}-${lower ? 'increased' : 'decreased'}`;
    const widened = `request-parameter-${stem}-${lower ? 'decreased' : 'increased'}`;
    const rule = (
      id: string,
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
              `request-parameter-${stem}-set`,
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

export const parameterRules: Rule[] = [
  {
    id: 'new-required-request-parameter',
    level: 'error',
    description: 'A required query or header parameter was added: requests without it are refused.',
    oasdiff: { id: 'new-required-request-parameter', level: 'ERR' },
    checks: {
      parameter: {
        reads: [],
        find: (pair) =>
          added(pair) && pair.head?.required === true && pair.head.in !== 'path'
            ? [at(pair, ' added, required')]
            : [],
      },
    },
  },
  {
    id: 'new-request-path-parameter',
    level: 'error',
    description: 'A path parameter was added: the URL itself changed.',
    oasdiff: { id: 'new-request-path-parameter', level: 'ERR' },
    checks: {
      parameter: {
        reads: [],
        find: (pair) => (added(pair) && pair.head?.in === 'path' ? [at(pair, ' added')] : []),
      },
    },
  },
  {
    id: 'new-optional-request-parameter',
    level: 'info',
    description: 'An optional parameter was added: requests without it stay valid.',
    oasdiff: { id: 'new-optional-request-parameter', level: 'INFO' },
    checks: {
      parameter: {
        reads: [],
        find: (pair) =>
          added(pair) && pair.head?.required !== true && pair.head?.in !== 'path'
            ? [at(pair, ' added, optional')]
            : [],
      },
    },
  },
  ...parameterRemovalRules(),
  {
    id: 'request-parameter-location-changed',
    level: 'error',
    description:
      'A parameter moved to another location (query to header, …): clients send it where it is no longer read.',
    oasdiff: null,
    differs:
      'oasdiff reports a move as request-parameter-removed (WARN) plus new-…-request-parameter; one line says what happened, at the level the move deserves.',
    checks: {
      parameter: {
        reads: [],
        find: (pair) => {
          const other = pair.head === undefined ? movedTo(pair) : undefined;
          return other === undefined
            ? []
            : [at(pair, ` moved to ${other.split(' ')[0]} (${code(other)})`)];
        },
      },
    },
  },
  {
    id: 'request-parameter-became-required',
    level: 'error',
    description: 'An optional parameter became required: requests without it are refused.',
    oasdiff: { id: 'request-parameter-became-required', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['required'],
        find: onBoth((pair) =>
          pair.base.required !== true && pair.head.required === true
            ? at(pair, ' became required')
            : undefined,
        ),
      },
    },
  },
  {
    id: 'request-parameter-became-optional',
    level: 'info',
    description: 'A required parameter became optional: every request that was valid stays valid.',
    oasdiff: { id: 'request-parameter-became-optional', level: 'INFO' },
    checks: {
      parameter: {
        reads: ['required'],
        find: onBoth((pair) =>
          pair.base.required === true && pair.head.required !== true
            ? at(pair, ' became optional')
            : undefined,
        ),
      },
    },
  },
  ...parameterTypeRules(),
  {
    id: 'request-parameter-became-not-nullable',
    level: 'error',
    description: 'A parameter no longer accepts null.',
    oasdiff: { id: 'request-parameter-became-not-nullable', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['schema.nullable'],
        find: onBoth((pair) =>
          pair.baseSchema.nullable && !pair.headSchema.nullable
            ? at(pair, ' no longer accepts null')
            : undefined,
        ),
      },
    },
  },
  {
    id: 'request-parameter-became-nullable',
    level: 'info',
    description: 'A parameter now also accepts null.',
    oasdiff: { id: 'request-parameter-became-nullable', level: 'INFO' },
    checks: {
      parameter: {
        reads: ['schema.nullable'],
        find: onBoth((pair) =>
          !pair.baseSchema.nullable && pair.headSchema.nullable
            ? at(pair, ' now accepts null')
            : undefined,
        ),
      },
    },
  },
  {
    id: 'request-parameter-became-enum',
    level: 'error',
    description: 'A parameter that took any value is now limited to an enum (or a const).',
    oasdiff: { id: 'request-parameter-became-enum', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['schema.enum', 'schema.const'],
        find: onBoth((pair) => {
          const move = enumMove(pair.baseSchema.merged, pair.headSchema.merged);
          return move?.became ? at(pair, ` limited to ${listed(move.added)}`) : undefined;
        }),
      },
    },
  },
  {
    id: 'request-parameter-enum-value-removed',
    level: 'error',
    description: 'A value was removed from the enum of a parameter: requests with it are refused.',
    oasdiff: { id: 'request-parameter-enum-value-removed', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['schema.enum', 'schema.const'],
        find: onBoth((pair) => {
          const move = enumMove(pair.baseSchema.merged, pair.headSchema.merged);
          return move && !move.became && !move.dropped && move.removed.length > 0
            ? at(pair, `: enum value ${listed(move.removed)} removed`)
            : undefined;
        }),
      },
    },
  },
  {
    id: 'request-parameter-enum-value-added',
    level: 'info',
    description: 'A parameter accepts more enum values, or any value: old requests stay valid.',
    oasdiff: { id: 'request-parameter-enum-value-added', level: 'INFO' },
    checks: {
      parameter: {
        reads: ['schema.enum', 'schema.const'],
        find: onBoth((pair) => {
          const move = enumMove(pair.baseSchema.merged, pair.headSchema.merged);
          if (!move || move.became) return undefined;
          if (move.dropped) return at(pair, ': enum removed, any value accepted');
          return move.added.length > 0
            ? at(pair, `: enum value ${listed(move.added)} added`)
            : undefined;
        }),
      },
    },
  },
  {
    id: 'request-parameter-pattern-added',
    level: 'error',
    description: 'A pattern was added to a parameter: values that do not match it are refused.',
    oasdiff: { id: 'request-parameter-pattern-added', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['schema.pattern'],
        find: onBoth((pair) =>
          pair.baseSchema.merged.pattern === undefined &&
          pair.headSchema.merged.pattern !== undefined
            ? at(pair, `: pattern ${shown(pair.headSchema.merged.pattern)} added`)
            : undefined,
        ),
      },
    },
  },
  {
    id: 'request-parameter-pattern-changed',
    level: 'error',
    description:
      'The pattern of a parameter changed: values valid before may not match the new one.',
    oasdiff: { id: 'request-parameter-pattern-changed', level: 'WARN' },
    differs:
      'error here: nobody can prove that two regular expressions accept the same values, so the reviewer must allow it explicitly (--allow-breaking).',
    checks: {
      parameter: {
        reads: ['schema.pattern'],
        find: onBoth((pair) => {
          const before = pair.baseSchema.merged.pattern;
          const after = pair.headSchema.merged.pattern;
          return before !== undefined && after !== undefined && !sameJson(before, after)
            ? at(pair, `: pattern ${shown(before)} → ${shown(after)}`)
            : undefined;
        }),
      },
    },
  },
  {
    id: 'request-parameter-pattern-removed',
    level: 'info',
    description: 'The pattern of a parameter was removed: every value is accepted.',
    oasdiff: { id: 'request-parameter-pattern-removed', level: 'INFO' },
    checks: {
      parameter: {
        reads: ['schema.pattern'],
        find: onBoth((pair) =>
          pair.baseSchema.merged.pattern !== undefined &&
          pair.headSchema.merged.pattern === undefined
            ? at(pair, `: pattern ${shown(pair.baseSchema.merged.pattern)} removed`)
            : undefined,
        ),
      },
    },
  },
  ...defaultRules(),
  ...boundRules(),
  ...additionalPropertiesRules(),
];

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

function parameterTypeRules(): Rule[] {
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

/** A parameter gone from the head (not moved elsewhere), by its deprecation: oasdiff's ids and levels. */
function parameterRemovalRules(): Rule[] {
  const cases: [Removal, string, Rule['level'], 'ERR' | 'WARN' | 'INFO', string][] = [
    [
      'without-deprecation',
      'request-parameter-removed',
      'warning',
      'WARN',
      'A parameter was removed without a deprecation first: clients that still send it are no longer understood (the server ignores it).',
    ],
    [
      'with-deprecation',
      'request-parameter-removed-with-deprecation',
      'info',
      'INFO',
      'A deprecated parameter was removed (it had no sunset date, or the date has passed).',
    ],
    [
      'before-sunset',
      'request-parameter-removed-before-sunset',
      'error',
      'ERR',
      'A deprecated parameter was removed before the x-sunset date its deprecation promised.',
    ],
  ];
  return cases.map(([removal, id, level, oasdiffLevel, description]) => ({
    id,
    level,
    description,
    oasdiff: { id, level: oasdiffLevel },
    checks: {
      parameter: {
        reads: [],
        find: (pair) =>
          pair.head === undefined &&
          movedTo(pair) === undefined &&
          parameterRemoval(pair) === removal
            ? [
                at(
                  pair,
                  removal === 'before-sunset'
                    ? ` removed before its sunset ${shown(pair.base?.['x-sunset'] ?? pair.baseSchema?.merged['x-sunset'])}`
                    : ' removed',
                ),
              ]
            : [],
      },
    },
  }));
}

// An object-valued parameter (deepObject, form-exploded): admitting fewer
// keys refuses requests that were valid; admitting more refuses none. No
// oasdiff rule.
function additionalPropertiesRules(): Rule[] {
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
      id: `request-parameter-additional-properties-${way}`,
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
