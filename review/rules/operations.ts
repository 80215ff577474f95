// Paths and operations: what exists, how clients name it (operationId), its
// tags, and which credentials it accepts. Removal and stability are in
// removals.ts, deprecation in lifecycle.ts.
import { code, finding, missingFrom, type Rule } from '../change.ts';
import { type Operation, pathVariables } from '../operations.ts';
import { removalRules, stabilityRules } from './removals.ts';

const tagsOf = (raw: Record<string, unknown>): string[] =>
  Array.isArray(raw.tags) ? raw.tags.map(String) : [];

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
