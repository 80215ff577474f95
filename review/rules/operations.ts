// Paths and operations: what exists, how clients name it (operationId), its
// tags, deprecation, and which credentials it accepts.

import { type Json, type JsonObject, objectAt } from '../../lib/json.ts';
import {
  code,
  type DocumentPair,
  finding,
  missingFrom,
  type OperationPair,
  type Rule,
  type StabilityLevel,
} from '../change.ts';
import { type Operation, pathShape, pathVariables } from '../operations.ts';
import { shown } from './keywords.ts';
import { operationRemoval, type Removal, stabilityOf } from './sunset.ts';

/** The path shapes of a contract (see pathShape). */
const shapesOf = (document: JsonObject): Set<string> =>
  new Set(Object.keys(objectAt(document.paths)).map(pathShape));

const tagsOf = (raw: Record<string, unknown>): string[] =>
  Array.isArray(raw.tags) ? raw.tags.map(String) : [];

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

/**
 * Removal of an operation, by how it stands against its deprecation
 * (lifecycle.ts removalOf); oasdiff's ids, with our stricter level for a
 * removal after deprecation.
 */
function removalRules(): Rule[] {
  const rules: Rule[] = [];
  for (const scope of ['path', 'operation'] as const) {
    const stem = scope === 'path' ? 'api-path-removed' : 'api-removed';
    const what =
      scope === 'path'
        ? 'A path was removed: every operation on it'
        : 'An operation was removed from a path that is still there: it';
    const cases: [Removal, string, 'ERR' | 'INFO', string][] = [
      [
        'without-deprecation',
        `${stem}-without-deprecation`,
        'ERR',
        `${what} is gone for its clients, without a deprecation first.`,
      ],
      [
        'with-deprecation',
        `${stem}-with-deprecation`,
        'INFO',
        `${what} is gone after a deprecation (without a sunset date, or after it).`,
      ],
      [
        'before-sunset',
        `${stem}-before-sunset`,
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
function stabilityRules(): Rule[] {
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

export const operationRules: Rule[] = [
  ...removalRules(),
  ...stabilityRules(),
  {
    id: 'endpoint-added',
    level: 'info',
    description: 'A new operation: no client calls it yet.',
    oasdiff: { id: 'endpoint-added', level: 'INFO' },
    checks: {
      document: {
        reads: ['paths'],
        find: ({ baseOperations, headOperations }) =>
          missingFrom(headOperations.values(), {
            has: (operation: Operation) => baseOperations.has(operation.id),
          }).map(({ key }) => finding(key, `operation ${code(key)} added`)),
      },
    },
  },
  {
    id: 'request-path-parameter-renamed',
    level: 'info',
    description:
      'A path variable was renamed (`{purchase_id}` → `{purchaseId}`): the URL a client sends is the same; docs and generated argument names change.',
    oasdiff: null,
    differs:
      'oasdiff matches paths by shape and pairs the parameters, reporting nothing; the rename is listed so that the new name is seen.',
    checks: {
      operation: {
        reads: [],
        find: ({ base, head }) => {
          const before = pathVariables(base.path);
          const after = pathVariables(head.path);
          return before.flatMap((name, index) =>
            after[index] !== undefined && after[index] !== name
              ? [finding(head.key, `path parameter ${code(name)} renamed to ${code(after[index])}`)]
              : [],
          );
        },
      },
    },
  },
  {
    id: 'operation-id-changed',
    level: 'error',
    description:
      'The operationId changed: it is the method name of every generated client (`client.listPurchasedGroups()`).',
    oasdiff: { id: 'api-operation-id-removed', level: 'INFO' },
    differs:
      'error here: openapi-fetch and openapi-typescript clients call operations by their operationId, so renaming it breaks their code.',
    checks: {
      operation: {
        reads: ['operationId'],
        find: ({ base, head }) =>
          base.operationId === head.operationId
            ? []
            : [
                finding(
                  head.key,
                  `operationId ${code(String(base.operationId))} renamed to ${code(String(head.operationId))}`,
                ),
              ],
      },
    },
  },
  {
    id: 'api-tag-removed',
    level: 'info',
    description: 'A tag was removed from an operation (documentation grouping).',
    oasdiff: { id: 'api-tag-removed', level: 'INFO' },
    checks: {
      operation: {
        reads: ['tags'],
        find: ({ base, head }) =>
          missingFrom(tagsOf(base.raw), new Set(tagsOf(head.raw))).map((tag) =>
            finding(head.key, `tag ${code(tag)} removed`),
          ),
      },
    },
  },
  {
    id: 'api-tag-added',
    level: 'info',
    description: 'A tag was added to an operation (documentation grouping).',
    oasdiff: { id: 'api-tag-added', level: 'INFO' },
    checks: {
      operation: {
        reads: ['tags'],
        find: ({ base, head }) =>
          missingFrom(tagsOf(head.raw), new Set(tagsOf(base.raw))).map((tag) =>
            finding(head.key, `tag ${code(tag)} added`),
          ),
      },
    },
  },
  {
    id: 'api-security-removed',
    level: 'error',
    description:
      'An operation no longer accepts a way to authenticate (a security requirement alternative).',
    oasdiff: { id: 'api-security-removed', level: 'INFO' },
    differs:
      'error here: a client configured with the dropped credentials (IAM token or AK/SK) is refused.',
    checks: {
      operation: {
        reads: ['security'],
        find: ({ base, head }) =>
          // An operation open to anyone refuses no credentials.
          head.security.has('none')
            ? []
            : missingFrom(base.security, head.security)
                .filter((alternative) => alternative !== 'none')
                .map((alternative) => finding(head.key, `no longer accepts ${code(alternative)}`)),
      },
    },
  },
  {
    id: 'api-security-added',
    level: 'info',
    description: 'An operation also accepts another way to authenticate.',
    oasdiff: { id: 'api-security-added', level: 'INFO' },
    checks: {
      operation: {
        reads: ['security'],
        find: ({ base, head }) =>
          // An operation that let anyone in accepted every credential already.
          (base.security.has('none') ? [] : missingFrom(head.security, base.security))
            .filter((alternative) => alternative !== 'none')
            .map((alternative) => finding(head.key, `now also accepts ${code(alternative)}`)),
      },
    },
  },
  {
    id: 'api-anonymous-access-added',
    level: 'info',
    description:
      'An operation now lets clients in without credentials (`security: []` or `{}`): clients that send them still get in.',
    oasdiff: null,
    differs:
      'oasdiff reports the schemes no longer listed (api-security-removed, INFO); what changed for clients is that none are needed.',
    checks: {
      operation: {
        reads: ['security'],
        find: ({ base, head }) =>
          head.security.has('none') && !base.security.has('none')
            ? [finding(head.key, 'now accepts requests without credentials')]
            : [],
      },
    },
  },
  {
    id: 'api-anonymous-access-removed',
    level: 'error',
    description:
      'An operation that let clients in without credentials no longer does: those clients are refused.',
    oasdiff: null,
    differs:
      'oasdiff reports the schemes now listed (api-security-added, INFO); a client that called without credentials is refused, so error here.',
    checks: {
      operation: {
        reads: ['security'],
        find: ({ base, head }) =>
          base.security.has('none') && !head.security.has('none')
            ? [finding(head.key, 'no longer accepts requests without credentials')]
            : [],
      },
    },
  },
];
