// Operations, paths and request parameters removed, by how the removal stands
// against their deprecation (oasdiff's check_api_removed.go and
// check_request_parameter_removed.go ids; our stricter level for an operation
// removed after deprecation), and their stability level moving
// (check_api_stability_level.go).
import { type Json, type JsonObject, objectAt } from '../../lib/json.ts';
import {
  code,
  type DocumentPair,
  finding,
  type OperationPair,
  type Rule,
  type StabilityLevel,
} from '../change.ts';
import { type Operation, pathShape } from '../operations.ts';
import type { RuleId } from '../rule-ids.ts';
import { shown } from './keywords.ts';
import { at, movedTo } from './parameter-pair.ts';
import { operationRemoval, parameterRemoval, type Removal, stabilityOf } from './sunset.ts';

/** The path shapes of a contract (see pathShape). */
const shapesOf = (document: JsonObject): Set<string> =>
  new Set(Object.keys(objectAt(document.paths)).map(pathShape));

type Scope = 'path' | 'operation';

/** Base operations gone from the head: with their whole path, or from a path that stays. */
function removedOperations(pair: DocumentPair, scope: Scope): Operation[] {
  const headPaths = shapesOf(pair.head);
  return [...pair.baseOperations.values()].filter((operation) =>
    scope === 'path'
      ? !headPaths.has(pathShape(operation.path))
      : headPaths.has(pathShape(operation.path)) && !pair.headOperations.has(operation.id),
  );
}

const unstable = (operation: Operation): boolean => {
  const level = stabilityOf(operation.raw);
  return level === 'draft' || level === 'alpha';
};

const removedText = (operation: Operation, scope: Scope): string =>
  scope === 'path'
    ? `path ${code(operation.path)} removed`
    : `operation ${code(operation.key)} removed`;

const strictRemoval =
  'error even after a deprecation or its sunset (oasdiff: INFO): a removal still breaks the clients that call it, so only a new major version may do it.';

const removalIds: Record<'path' | 'operation', Record<Exclude<Removal, 'sunset-parse'>, RuleId>> = {
  path: {
    'without-deprecation': 'api-path-removed-without-deprecation',
    'with-deprecation': 'api-path-removed-with-deprecation',
    'before-sunset': 'api-path-removed-before-sunset',
  },
  operation: {
    'without-deprecation': 'api-removed-without-deprecation',
    'with-deprecation': 'api-removed-with-deprecation',
    'before-sunset': 'api-removed-before-sunset',
  },
};

/**
 * Removal of an operation, by how it stands against its deprecation
 * (lifecycle.ts removalOf); oasdiff's ids, with our stricter level for a
 * removal after deprecation.
 */
export function removalRules(): Rule[] {
  const rules: Rule[] = [];
  for (const scope of ['path', 'operation'] as const) {
    const ids = removalIds[scope];
    const what =
      scope === 'path'
        ? 'A path was removed: every operation on it'
        : 'An operation was removed from a path that is still there: it';
    const cases: [Removal, RuleId, 'ERR' | 'INFO', string][] = [
      [
        'without-deprecation',
        ids['without-deprecation'],
        'ERR',
        `${what} is gone for its clients, without a deprecation first.`,
      ],
      [
        'with-deprecation',
        ids['with-deprecation'],
        'INFO',
        `${what} is gone after a deprecation (without a sunset date, or after it).`,
      ],
      [
        'before-sunset',
        ids['before-sunset'],
        'ERR',
        `${what} is gone before the x-sunset date its deprecation promised.`,
      ],
    ];
    for (const [removal, id, oasdiffLevel, description] of cases) {
      rules.push({
        id,
        level: 'error',
        description,
        oasdiff: { id, level: oasdiffLevel },
        ...(oasdiffLevel === 'INFO' ? { differs: strictRemoval } : {}),
        checks: {
          document: {
            reads: ['paths'],
            find: (pair) =>
              removedOperations(pair, scope)
                .filter(
                  (operation) =>
                    !(scope === 'path' && unstable(operation)) &&
                    operationRemoval(operation, pair.policy.today) === removal,
                )
                .map((operation) => finding(operation.key, removedText(operation, scope))),
          },
        },
      });
    }
  }
  rules.push(
    {
      id: 'api-path-sunset-parse',
      level: 'error',
      description:
        'A deprecated operation was removed whose x-sunset is not a date: nobody can tell whether its clients were given the notice.',
      oasdiff: { id: 'api-path-sunset-parse', level: 'ERR' },
      checks: {
        document: {
          reads: ['paths'],
          find: (pair) =>
            (['path', 'operation'] as const).flatMap((scope) =>
              removedOperations(pair, scope)
                .filter(
                  (operation) =>
                    !(scope === 'path' && unstable(operation)) &&
                    operationRemoval(operation, pair.policy.today) === 'sunset-parse',
                )
                .map((operation) =>
                  finding(
                    operation.key,
                    `${removedText(operation, scope)}, its x-sunset ${shown(operation.raw['x-sunset'] as Json)} not a date`,
                  ),
                ),
            ),
        },
      },
    },
    {
      id: 'api-path-removed-draft-or-alpha',
      level: 'warning',
      description:
        'A path was removed whose operations were marked x-stability-level draft or alpha: no promise was made to their clients, but the generated method is gone.',
      oasdiff: null,
      differs:
        'oasdiff reports nothing for such a removal (checker/check_api_removed.go); here a warning, since code that calls the generated method stops compiling (review/test/client-compat.test.ts).',
      checks: {
        document: {
          reads: ['paths'],
          find: (pair) =>
            removedOperations(pair, 'path')
              .filter(unstable)
              .map((operation) =>
                finding(
                  operation.key,
                  `${removedText(operation, 'path')} (x-stability-level ${shown(operation.raw['x-stability-level'] as Json)})`,
                ),
              ),
        },
      },
    },
  );
  return rules;
}

const stabilityOrder: readonly StabilityLevel[] = ['draft', 'alpha', 'beta', 'stable'];

/** oasdiff's stability rules: a level that went down (stable → beta) takes back a promise. */
export function stabilityRules(): Rule[] {
  const levelOf = (operation: Operation) => stabilityOf(operation.raw);
  const move = (pair: OperationPair) => {
    const before = levelOf(pair.base);
    const after = levelOf(pair.head);
    if (before === undefined || after === undefined || before === after) return undefined;
    return stabilityOrder.indexOf(after) < stabilityOrder.indexOf(before)
      ? 'decreased'
      : 'increased';
  };
  const text = (pair: OperationPair) =>
    `x-stability-level ${shown(pair.base.raw['x-stability-level'] as Json)} → ${shown(pair.head.raw['x-stability-level'] as Json)}`;
  return [
    {
      id: 'api-stability-decreased',
      level: 'error',
      description:
        "An operation's x-stability-level went down (stable → beta…): it may now change without notice.",
      oasdiff: { id: 'api-stability-decreased', level: 'ERR' },
      checks: {
        operation: {
          reads: ['x-stability-level'],
          find: (pair) => (move(pair) === 'decreased' ? [finding(pair.head.key, text(pair))] : []),
        },
      },
    },
    {
      id: 'api-stability-increased',
      level: 'info',
      description: "An operation's x-stability-level went up (beta → stable).",
      oasdiff: { id: 'api-stability-increased', level: 'INFO' },
      checks: {
        operation: {
          reads: ['x-stability-level'],
          find: (pair) => (move(pair) === 'increased' ? [finding(pair.head.key, text(pair))] : []),
        },
      },
    },
    {
      id: 'api-invalid-stability-level',
      level: 'error',
      description:
        "An operation's x-stability-level is not one of draft, alpha, beta, stable: the deprecation policy cannot be applied.",
      oasdiff: { id: 'api-invalid-stability-level', level: 'ERR' },
      checks: {
        operation: {
          reads: ['x-stability-level'],
          find: ({ head }) =>
            levelOf(head) === undefined
              ? [
                  finding(
                    head.key,
                    `x-stability-level ${shown(head.raw['x-stability-level'] as Json)} is not draft, alpha, beta or stable`,
                  ),
                ]
              : [],
        },
      },
    },
  ];
}

/** A parameter gone from the head (not moved elsewhere), by its deprecation: oasdiff's ids and levels. */
export function parameterRemovalRules(): Rule[] {
  const cases: [Removal, RuleId, Rule['level'], 'ERR' | 'WARN' | 'INFO', string][] = [
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
