// The comparer: runs every rule over two bundled contracts. What no rule
// explains but still differs is reported as `unclassified`, so a change the
// rules do not know about is shown to a reviewer rather than passed silently.
import {
  type Change,
  change,
  type DocumentRule,
  type OperationPair,
  type OperationRule,
} from './change.ts';
import { inline, type JsonObject, objectAt, sameJson } from './json.ts';
import { operationsOf } from './operations.ts';
import {
  operationAdded,
  operationDocumentationChanged,
  operationIdChanged,
  operationRemoved,
  pathRemoved,
} from './rules/operations.ts';
import { parameterRules } from './rules/parameters.ts';
import { responseBodyChanges } from './rules/response-properties.ts';
import { responseDocumentationChanged, statusAdded, statusRemoved } from './rules/responses.ts';
import {
  securityRequirementChanged,
  securitySchemeAdded,
  securitySchemeChanged,
  securitySchemeRemoved,
} from './rules/security.ts';
import { infoChanged, serverAdded, serverUrlChanged } from './rules/servers.ts';

const documentRules: readonly DocumentRule[] = [
  pathRemoved,
  operationRemoved,
  operationAdded,
  serverUrlChanged,
  serverAdded,
  securitySchemeRemoved,
  securitySchemeChanged,
  securitySchemeAdded,
  infoChanged,
];

const operationRules: readonly OperationRule[] = [
  operationIdChanged,
  operationDocumentationChanged,
  statusRemoved,
  statusAdded,
  responseBodyChanges,
  responseDocumentationChanged,
  ...parameterRules,
  securityRequirementChanged,
];

export function compareContracts(base: JsonObject, head: JsonObject): Change[] {
  const changes = documentRules.flatMap((rule) => rule(base, head));
  if (changes.length === 0) changes.push(...unclassifiedContractChange(base, head));
  const headOperations = operationsOf(head);
  for (const baseOperation of operationsOf(base).values()) {
    const headOperation = headOperations.get(baseOperation.key);
    if (headOperation === undefined) continue;
    const pair = {
      base: baseOperation,
      head: headOperation,
      baseDocument: base,
      headDocument: head,
    };
    const found = operationRules.flatMap((rule) => rule(pair));
    changes.push(...(found.length > 0 ? found : unclassifiedOperationChange(pair)));
  }
  return withoutDuplicates(changes);
}

/** Everything an operation means to a client, with every `$ref` inlined. */
const operationMeaning = (operation: OperationPair['base'], document: JsonObject) =>
  inline(document, {
    operation: operation.raw,
    parameters: [...operation.parameters.values()],
    security: [...operation.security],
  });

function unclassifiedOperationChange(pair: OperationPair): Change[] {
  if (
    sameJson(
      operationMeaning(pair.base, pair.baseDocument),
      operationMeaning(pair.head, pair.headDocument),
    )
  ) {
    return [];
  }
  return [
    change(
      'unclassified',
      'unclassified',
      pair.head.key,
      'changed in a way no review rule classifies (a format, a default, a request body, examples of a schema…): read the diff',
    ),
  ];
}

/** The contract-level fields not reached through an operation (tags, webhooks, …). */
function contractMeaning(document: JsonObject) {
  const { paths: _paths, components, info, 'x-generated': _banner, ...rest } = document;
  const { version: _version, ...described } = objectAt(info);
  return inline(document, {
    ...rest,
    info: described,
    securitySchemes: objectAt(components).securitySchemes ?? null,
  });
}

function unclassifiedContractChange(base: JsonObject, head: JsonObject): Change[] {
  return sameJson(contractMeaning(base), contractMeaning(head))
    ? []
    : [
        change(
          'unclassified',
          'unclassified',
          null,
          'contract-level fields (tags, webhooks, …) changed: read the diff',
        ),
      ];
}

function withoutDuplicates(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((found) => {
    const key = JSON.stringify(found);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
