// Response properties: which exist, which are required, which may be null,
// which are read- or write-only. A property that may be missing or null where
// it was not breaks the clients that read it; writeOnly properties are never
// in answers (oasdiff's ids and levels throughout).

import type { Rule, SchemaPair } from '../change.ts';
import { mergeAllOf } from '../normalise.ts';
import type { RuleId } from '../rule-ids.ts';
import { at, join, propertiesOnlyIn } from './response-node.ts';

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
export function existenceRules(): Rule[] {
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
            .map(({ name }) => ({
              ...at(pair, side === 'base' ? ' removed' : ' added', join(pair.where, name)),
              below: ['properties', name],
            })),
      },
    },
  }));
}

/** A property's `required` moved; for a writeOnly one (on the side oasdiff reads) it is information. */
export function requirednessRules(): Rule[] {
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

/** A value that may now be null, or no longer. */
export const nullableRules: Rule[] = [
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
];

// readOnly / writeOnly on a response property, by whether the parent
// requires it: oasdiff's ids and levels. A writeOnly property is not sent in
// answers (OpenAPI 3.1, Schema Object), so a required one that becomes
// writeOnly may vanish from them as a removal would: there we differ.
export function mutabilityRules(): Rule[] {
  // Per requirement, flag, and whether the flag was set (true) or cleared.
  const ids = {
    optional: {
      readOnly: [
        'response-optional-property-became-read-only',
        'response-optional-property-became-not-read-only',
      ],
      writeOnly: [
        'response-optional-property-became-write-only',
        'response-optional-property-became-not-write-only',
      ],
    },
    required: {
      readOnly: [
        'response-required-property-became-read-only',
        'response-required-property-became-not-read-only',
      ],
      writeOnly: [
        'response-required-property-became-write-only',
        'response-required-property-became-not-write-only',
      ],
    },
  } as const satisfies Record<string, Record<string, readonly [RuleId, RuleId]>>;
  return (['optional', 'required'] as const).flatMap((need) =>
    (['readOnly', 'writeOnly'] as const).flatMap((flag) =>
      ([true, false] as const).map((set): Rule => {
        const id = ids[need][flag][set ? 0 : 1];
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
