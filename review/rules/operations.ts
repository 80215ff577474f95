// Rules on the set of operations and on an operation's own fields.
import { change, code, type DocumentRule, type OperationRule } from '../change.ts';
import { changedDocumentation, objectAt, sameJson } from '../json.ts';
import { operationsOf } from '../operations.ts';

/** Breaking: every operation of a removed path is gone for its clients. */
export const pathRemoved: DocumentRule = (base, head) => {
  const headPaths = new Set(Object.keys(objectAt(head.paths)));
  const removed = [...operationsOf(base).values()].filter(
    (operation) => !headPaths.has(operation.path),
  );
  return removed.map((operation) =>
    change('breaking', 'path-removed', operation.key, `path ${code(operation.path)} removed`),
  );
};

/** Breaking: a method removed from a path that is still there. */
export const operationRemoved: DocumentRule = (base, head) => {
  const headPaths = new Set(Object.keys(objectAt(head.paths)));
  const headOperations = operationsOf(head);
  return [...operationsOf(base).values()]
    .filter((operation) => headPaths.has(operation.path) && !headOperations.has(operation.key))
    .map((operation) =>
      change(
        'breaking',
        'operation-removed',
        operation.key,
        `operation ${code(operation.key)} removed`,
      ),
    );
};

/** Non-breaking: a new path or method; no client calls it yet. */
export const operationAdded: DocumentRule = (base, head) => {
  const baseOperations = operationsOf(base);
  return [...operationsOf(head).values()]
    .filter((operation) => !baseOperations.has(operation.key))
    .map((operation) =>
      change(
        'non-breaking',
        'operation-added',
        operation.key,
        `operation ${code(operation.key)} added`,
      ),
    );
};

/**
 * Breaking: the operationId names the method of every generated client
 * (`client.listPurchasedGroups()`), so renaming it breaks their code.
 */
export const operationIdChanged: OperationRule = ({ base, head }) =>
  base.operationId === head.operationId
    ? []
    : [
        change(
          'breaking',
          'operation-id-changed',
          head.key,
          `operationId ${code(String(base.operationId))} renamed to ${code(String(head.operationId))}`,
        ),
      ];

/** Non-breaking: summary, description, tags or deprecation of the operation. */
export const operationDocumentationChanged: OperationRule = ({ base, head }) => {
  const keys = changedDocumentation(base.raw, head.raw);
  for (const key of ['tags', 'deprecated']) {
    if (!sameJson(base.raw[key], head.raw[key])) keys.push(key);
  }
  return keys.length === 0
    ? []
    : [
        change(
          'non-breaking',
          'documentation-changed',
          head.key,
          `${keys.join(', ')} of the operation changed`,
        ),
      ];
};
