// Response bodies, node by node from the body down (properties and array
// items, after `$ref`s are followed and `allOf` members merged). A change is
// breaking when a value the client could read and parse before may now be
// missing, null, of another type or outside what it was promised. Each id
// also covers the body itself (oasdiff spells those `response-body-…`).
import { sameResolved } from '../../lib/json.ts';
import { code, type Finding, finding, missingFrom, type Rule, type SchemaPair } from '../change.ts';
import { mergeAllOf } from '../normalise.ts';
import { describeTypes, valueTypes } from '../schema.ts';
import { alternativesOf, matchBranches } from '../schema-children.ts';
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
  type TypeMove,
  typeChange,
  typeText,
  valueMove,
} from './keywords.ts';

const join = (where: string, name: string): string => (where === '' ? name : `${where}.${name}`);

export const subject = (pair: SchemaPair, where = pair.where): string =>
  where === ''
    ? `status ${code(pair.response)}: the response body`
    : `status ${code(pair.response)}: response property ${code(where)}`;

const at = (pair: SchemaPair, text: string, where = pair.where): Finding =>
  finding(pair.operation, `${subject(pair, where)}${text}`);

/** Properties one side has and the other not, with whether they were required. */
function propertiesOnlyIn(pair: SchemaPair, side: 'base' | 'head') {
  const [these, those] = side === 'base' ? [pair.base, pair.head] : [pair.head, pair.base];
  return missingFrom(these.properties.keys(), those.properties).map((name) => ({
    name,
    required: these.required.has(name),
  }));
}

const keyword = (pair: SchemaPair, name: string): [before: unknown, after: unknown] => [
  pair.base.merged[name],
  pair.head.merged[name],
];

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
function typeRules(): Rule[] {
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

// `const` on a response value, with oasdiff's ids and levels: a constant
// that appears narrows what comes (safe); one that changes or goes away
// breaks clients that relied on the value.
function constRules(): Rule[] {
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

function patternRules(): Rule[] {
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

function defaultRules(): Rule[] {
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

function boundRules(): Rule[] {
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

/** Whether a child property is writeOnly on one side: never in answers (OpenAPI 3.1, Schema Object). */
const writeOnlyChild = (pair: SchemaPair, side: 'base' | 'head', name: string): boolean => {
  const [view, document] =
    side === 'base' ? [pair.base, pair.baseDocument] : [pair.head, pair.headDocument];
  return mergeAllOf(document, view.properties.get(name)).writeOnly === true;
};

/**
 * Properties that came or went, by whether they were required and whether
 * they were writeOnly (oasdiff's ids: a writeOnly property is not in
 * answers, so its coming and going is information).
 */
function existenceRules(): Rule[] {
  const cases = [
    [
      'base',
      true,
      false,
      'response-required-property-removed',
      'error',
      'ERR',
      'A required response property was removed: clients that read it find nothing.',
    ],
    [
      'base',
      false,
      false,
      'response-optional-property-removed',
      'warning',
      'WARN',
      'An optional response property was removed: clients that read it when sent find nothing.',
    ],
    [
      'base',
      true,
      true,
      'response-required-write-only-property-removed',
      'info',
      'INFO',
      'A required writeOnly property was removed: it was never in answers.',
    ],
    [
      'base',
      false,
      true,
      'response-optional-write-only-property-removed',
      'info',
      'INFO',
      'An optional writeOnly property was removed: it was never in answers.',
    ],
    [
      'head',
      true,
      false,
      'response-required-property-added',
      'info',
      'INFO',
      'A required response property was added: clients ignore what they do not know.',
    ],
    [
      'head',
      false,
      false,
      'response-optional-property-added',
      'info',
      'INFO',
      'An optional response property was added.',
    ],
    [
      'head',
      true,
      true,
      'response-required-write-only-property-added',
      'info',
      'INFO',
      'A required writeOnly property was added: it is not in answers.',
    ],
    [
      'head',
      false,
      true,
      'response-optional-write-only-property-added',
      'info',
      'INFO',
      'An optional writeOnly property was added: it is not in answers.',
    ],
  ] as const;
  return cases.map(([side, required, writeOnly, id, level, oasdiffLevel, description]) => ({
    id,
    level,
    description,
    oasdiff: { id, level: oasdiffLevel },
    checks: {
      schema: {
        reads: side === 'base' ? ['properties'] : ['properties', 'required'],
        find: (pair) =>
          propertiesOnlyIn(pair, side)
            .filter(
              (property) =>
                property.required === required &&
                writeOnlyChild(pair, side, property.name) === writeOnly,
            )
            .map(({ name }) =>
              at(pair, side === 'base' ? ' removed' : ' added', join(pair.where, name)),
            ),
      },
    },
  }));
}

/** A property's `required` moved; for a writeOnly one (on the side oasdiff reads) it is information. */
function requirednessRules(): Rule[] {
  const cases = [
    [
      'optional',
      false,
      'response-property-became-optional',
      'error',
      'ERR',
      'A response property may now be missing: clients that rely on it break.',
    ],
    [
      'required',
      false,
      'response-property-became-required',
      'info',
      'INFO',
      'A response property is now always sent.',
    ],
    [
      'optional',
      true,
      'response-write-only-property-became-optional',
      'info',
      'INFO',
      'A writeOnly property became optional: it is not in answers.',
    ],
    [
      'required',
      true,
      'response-write-only-property-became-required',
      'info',
      'INFO',
      'A writeOnly property became required: it is not in answers.',
    ],
  ] as const;
  return cases.map(([became, writeOnly, id, level, oasdiffLevel, description]) => ({
    id,
    level,
    description,
    oasdiff: { id, level: oasdiffLevel },
    checks: {
      schema: {
        reads: ['required'],
        find: (pair) => {
          const [from, to] =
            became === 'optional' ? [pair.base, pair.head] : [pair.head, pair.base];
          return [...from.required]
            .filter((name) => to.properties.has(name) && !to.required.has(name))
            .filter(
              (name) =>
                (writeOnlyChild(pair, 'head', name) || writeOnlyChild(pair, 'base', name)) ===
                writeOnly,
            )
            .map((name) => at(pair, ` became ${became}`, join(pair.where, name)));
        },
      },
    },
  }));
}

export const responseSchemaRules: Rule[] = [
  ...existenceRules(),
  ...requirednessRules(),
  {
    id: 'response-property-became-nullable',
    bodyId: 'response-body-became-nullable',
    level: 'error',
    description: 'A response value may now be null: clients that use it as a value break.',
    oasdiff: { id: 'response-property-became-nullable', level: 'ERR' },
    checks: {
      schema: {
        reads: ['nullable'],
        find: (pair) =>
          !pair.base.nullable && pair.head.nullable ? [at(pair, ' became nullable')] : [],
      },
    },
  },
  {
    id: 'response-property-became-not-nullable',
    bodyId: 'response-body-became-not-nullable',
    level: 'info',
    description: 'A response value is no longer null.',
    oasdiff: { id: 'response-property-became-not-nullable', level: 'INFO' },
    checks: {
      schema: {
        reads: ['nullable'],
        find: (pair) =>
          pair.base.nullable && !pair.head.nullable ? [at(pair, ' no longer nullable')] : [],
      },
    },
  },
  ...typeRules(),
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
  ...constRules(),
  ...patternRules(),
  ...defaultRules(),
  ...boundRules(),
  ...mutabilityRules(),
  ...alternativeRules(),
  ...additionalPropertiesRules(),
  ...prefixItemsRules(),
];

// A tuple (`prefixItems`) that gains positions promises values clients did
// not parse before; one that loses them promises less: oasdiff's ids.
function prefixItemsRules(): Rule[] {
  const lengthOf = (view: SchemaPair['base']): number =>
    Array.isArray(view.merged.prefixItems) ? view.merged.prefixItems.length : 0;
  return (
    [
      [
        'added',
        'error',
        'ERR',
        'A response tuple (prefixItems) has new positions: values clients have not seen.',
      ],
      ['removed', 'info', 'INFO', 'A response tuple (prefixItems) has fewer positions.'],
    ] as const
  ).map(([way, level, oasdiffLevel, description]) => ({
    id: `response-property-prefix-items-${way}`,
    bodyId: `response-body-prefix-items-${way}`,
    level,
    description,
    oasdiff: { id: `response-property-prefix-items-${way}`, level: oasdiffLevel },
    checks: {
      schema: {
        reads: ['prefixItems'],
        find: (pair) => {
          const before = lengthOf(pair.base);
          const after = lengthOf(pair.head);
          const moved = way === 'added' ? after > before : after < before;
          return moved ? [at(pair, `: prefixItems ${before} → ${after} positions`)] : [];
        },
      },
    },
  }));
}

// readOnly / writeOnly on a response property, by whether the parent
// requires it: oasdiff's ids and levels. A writeOnly property is not sent in
// answers (OpenAPI 3.1, Schema Object), so a required one that becomes
// writeOnly may vanish from them as a removal would: there we differ.
function mutabilityRules(): Rule[] {
  const flags = [
    ['readOnly', 'read-only'],
    ['writeOnly', 'write-only'],
  ] as const;
  return (['optional', 'required'] as const).flatMap((need) =>
    flags.flatMap(([flag, stem]) =>
      ([true, false] as const).map((set): Rule => {
        const id = `response-${need}-property-became-${set ? '' : 'not-'}${stem}`;
        const hides = need === 'required' && flag === 'writeOnly' && set;
        const oasdiffLevel = need === 'required' && flag === 'writeOnly' && !set ? 'WARN' : 'INFO';
        return {
          id,
          level: hides || oasdiffLevel === 'WARN' ? 'warning' : 'info',
          description: `A${need === 'optional' ? 'n optional' : ' required'} response property ${set ? 'became' : 'is no longer'} ${flag}.`,
          oasdiff: { id, level: oasdiffLevel },
          ...(hides
            ? {
                differs:
                  'warning here: a writeOnly property is not sent in answers, so a required one that becomes writeOnly may vanish from them.',
              }
            : {}),
          checks: {
            schema: {
              reads: [flag],
              find: (pair) => {
                const required = pair.requiredIn?.head ?? false;
                if ((need === 'required') !== required) return [];
                const before = pair.base.merged[flag] === true;
                const after = pair.head.merged[flag] === true;
                return before !== after && after === set
                  ? [at(pair, ` ${set ? 'became' : 'is no longer'} ${flag}`)]
                  : [];
              },
            },
          },
        };
      }),
    ),
  );
}

/** The branches one side has that no branch of the other matches (schema-children.ts matchBranches). */
function branchesOnlyIn(pair: SchemaPair, side: 'base' | 'head'): number[] {
  const match = matchBranches(pair.base, pair.head, {
    base: pair.baseDocument,
    head: pair.headDocument,
  });
  return side === 'base' ? match.removed : match.added;
}

// oneOf / anyOf (after normalisation: a nullable X is X, type-only branches
// are a type list). Wrapping a value in alternatives takes away what it
// promised; a new branch is a shape clients have not seen.
function alternativeRules(): Rule[] {
  const reads = ['oneOf', 'anyOf'];
  const has = (view: SchemaPair['base']) => alternativesOf(view).length > 0;
  return [
    {
      id: 'response-body-wrapped-in-one-of',
      level: 'error',
      description:
        'A response value (the body or a property) was restructured into a oneOf or anyOf: what it guaranteed may no longer be there.',
      oasdiff: { id: 'response-body-wrapped-in-one-of', level: 'ERR' },
      checks: {
        schema: {
          reads,
          find: (pair) =>
            !has(pair.base) && has(pair.head)
              ? [
                  at(
                    pair,
                    `: wrapped in ${Array.isArray(pair.head.merged.oneOf) ? 'oneOf' : 'anyOf'}`,
                  ),
                ]
              : [],
        },
      },
    },
    {
      id: 'response-body-unwrapped-from-one-of',
      level: 'info',
      description:
        'A response value is no longer a oneOf or anyOf: its one shape is compared as usual, property by property.',
      oasdiff: { id: 'response-body-one-of-removed', level: 'INFO' },
      checks: {
        schema: {
          reads,
          find: (pair) =>
            has(pair.base) && !has(pair.head) ? [at(pair, ': no longer a oneOf or anyOf')] : [],
        },
      },
    },
    {
      id: 'response-property-one-of-added',
      bodyId: 'response-body-one-of-added',
      level: 'error',
      description:
        'A branch was added to the oneOf or anyOf of a response value (branches are matched first: equal, same $ref name, most alike; a matched branch that changed is compared as a value): a shape clients have not seen.',
      oasdiff: { id: 'response-property-one-of-added', level: 'ERR' },
      differs:
        'oasdiff calls an anyOf branch added INFO (response-property-any-of-added); for a client a new anyOf branch is a new shape too, so error here.',
      checks: {
        schema: {
          reads,
          find: (pair) => {
            const added = has(pair.base) && has(pair.head) ? branchesOnlyIn(pair, 'head') : [];
            return added.length > 0
              ? [
                  at(
                    pair,
                    `: ${added.length} branch(es) added (${added.map((i) => `branch ${i + 1}`).join(', ')})`,
                  ),
                ]
              : [];
          },
        },
      },
    },
    {
      id: 'response-property-one-of-removed',
      bodyId: 'response-body-one-of-removed',
      level: 'info',
      description: 'A branch of the oneOf or anyOf of a response value was removed: fewer shapes.',
      oasdiff: { id: 'response-property-one-of-removed', level: 'INFO' },
      checks: {
        schema: {
          reads,
          find: (pair) => {
            const gone = has(pair.base) && has(pair.head) ? branchesOnlyIn(pair, 'base') : [];
            return gone.length > 0
              ? [
                  at(
                    pair,
                    `: ${gone.length} branch(es) removed (${gone.map((i) => `branch ${i + 1}`).join(', ')} of the base)`,
                  ),
                ]
              : [];
          },
        },
      },
    },
  ];
}

// No oasdiff rule. Responses: an object that admits more keys breaks only
// clients that validate strictly (code generated with additionalProperties
// false rejects the answer), so a warning; one that admits fewer is safe.
function additionalPropertiesRules(): Rule[] {
  const move = (pair: SchemaPair): 'widened' | 'narrowed' | undefined => {
    const before = pair.base.merged.additionalProperties;
    const after = pair.head.merged.additionalProperties;
    if (sameResolved(pair.baseDocument, before, pair.headDocument, after)) return undefined;
    const from = openness(pair.base.merged);
    const to = openness(pair.head.merged);
    // Two value schemas: the walk compares the values (schema-children.ts).
    if (from === 1 && to === 1) return undefined;
    return to < from ? 'narrowed' : 'widened';
  };
  const text = (pair: SchemaPair) =>
    `: additionalProperties ${shown(pair.base.merged.additionalProperties)} → ${shown(pair.head.merged.additionalProperties)}`;
  return [
    {
      id: 'response-property-additional-properties-widened',
      level: 'warning',
      description:
        'A response object admits more (or other) keys than it listed: clients that validate strictly reject the answer; tolerant readers ignore them.',
      oasdiff: null,
      differs: 'oasdiff has no rule for additionalProperties.',
      checks: {
        schema: {
          reads: ['additionalProperties'],
          find: (pair) => (move(pair) === 'widened' ? [at(pair, text(pair))] : []),
        },
      },
    },
    {
      id: 'response-property-additional-properties-narrowed',
      level: 'info',
      description:
        'A response object admits fewer keys it does not list: nothing new reaches clients.',
      oasdiff: null,
      differs: 'oasdiff has no rule for additionalProperties.',
      checks: {
        schema: {
          reads: ['additionalProperties'],
          find: (pair) => (move(pair) === 'narrowed' ? [at(pair, text(pair))] : []),
        },
      },
    },
  ];
}
