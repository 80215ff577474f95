// Response shapes: alternatives (oneOf/anyOf, their branches matched first),
// maps (additionalProperties) and tuples (prefixItems).
import { sameResolved } from '../../lib/json.ts';
import type { Rule, SchemaPair } from '../change.ts';
import { alternativesOf, matchBranches } from '../schema-children.ts';
import { openness, shown } from './keywords.ts';
import { at } from './response-node.ts';

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
export function alternativeRules(): Rule[] {
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
export function additionalPropertiesRules(): Rule[] {
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

// A tuple (`prefixItems`) that gains positions promises values clients did
// not parse before; one that loses them promises less: oasdiff's ids.
export function prefixItemsRules(): Rule[] {
  const lengthOf = (view: SchemaPair['base']): number =>
    Array.isArray(view.merged.prefixItems) ? view.merged.prefixItems.length : 0;
  return (
    [
      [
        'added',
        'response-property-prefix-items-added',
        'response-body-prefix-items-added',
        'error',
        'ERR',
        'A response tuple (prefixItems) has new positions: values clients have not seen.',
      ],
      [
        'removed',
        'response-property-prefix-items-removed',
        'response-body-prefix-items-removed',
        'info',
        'INFO',
        'A response tuple (prefixItems) has fewer positions.',
      ],
    ] as const
  ).map(([way, id, bodyId, level, oasdiffLevel, description]) => ({
    id,
    bodyId,
    level,
    description,
    oasdiff: { id, level: oasdiffLevel },
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
