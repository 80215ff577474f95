// The operations of a bundled contract, as the comparer reads them: one entry
// per method and path, with path-level parameters merged in, parameters and
// responses resolved and normalised (normalise.ts), and the security that
// applies to it.
import { deref, isObject, type Json, type JsonObject, objectAt } from '../lib/json.ts';
import { normaliseContent, normaliseParameter } from './normalise.ts';

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface Operation {
  /** `GET /v1.0/apigw/purchases/groups/{purchase_id}`: how the report names it. */
  key: string;
  /** `GET /v1.0/apigw/purchases/groups/{}`: what identifies it (see pathShape). */
  id: string;
  path: string;
  method: string;
  operationId: string | undefined;
  /** Keyed by `in` and name (`query page_size`): the pair that identifies a parameter. */
  parameters: ReadonlyMap<string, JsonObject>;
  /** Keyed by status (`200`, `4XX`, `default`). */
  responses: ReadonlyMap<string, JsonObject>;
  /** One entry per alternative: the schemes it needs, with scopes, sorted. */
  security: ReadonlySet<string>;
  raw: JsonObject;
}

export const operationKey = (method: string, path: string): string =>
  `${method.toUpperCase()} ${path}`;

/**
 * A path template with its variables unnamed (`/groups/{purchase_id}` →
 * `/groups/{}`): renaming a variable changes no URL a client sends, so
 * operations are matched by shape, as oasdiff does (diff/path.go).
 */
export const pathShape = (path: string): string => path.replace(/\{[^}/]*\}/g, '{}');

/** The variables of a path template, in order (`['purchase_id']`). */
export const pathVariables = (path: string): string[] =>
  [...path.matchAll(/\{([^}/]*)\}/g)].map((match) => match[1] ?? '');

/** The operations of a contract, by id (method and path shape). */
export function operationsOf(document: JsonObject): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const [path, item] of Object.entries(objectAt(document.paths))) {
    const pathItem = objectAt(deref(document, item));
    for (const method of httpMethods) {
      const raw = pathItem[method];
      if (!isObject(raw)) continue;
      const key = operationKey(method, path);
      const id = operationKey(method, pathShape(path));
      // Two paths of one shape (`/a/{x}` and `/a/{y}`) are one endpoint for a
      // server; the first keeps the id, the second is compared under its own name.
      operations.set(operations.has(id) ? key : id, {
        key,
        id: operations.has(id) ? key : id,
        path,
        method,
        operationId: typeof raw.operationId === 'string' ? raw.operationId : undefined,
        parameters: parametersOf(document, pathItem.parameters, raw.parameters),
        responses: responsesOf(document, raw.responses),
        security: securityOf(raw.security ?? document.security),
        raw,
      });
    }
  }
  return operations;
}

function parametersOf(
  document: JsonObject,
  pathLevel: Json | undefined,
  operationLevel: Json | undefined,
): Map<string, JsonObject> {
  const parameters = new Map<string, JsonObject>();
  // Operation-level parameters override path-level ones with the same name and location.
  for (const list of [pathLevel, operationLevel]) {
    for (const entry of Array.isArray(list) ? list : []) {
      const parameter = deref(document, entry);
      if (!isObject(parameter)) continue;
      parameters.set(
        `${String(parameter.in)} ${String(parameter.name)}`,
        normaliseParameter(parameter),
      );
    }
  }
  return parameters;
}

function responsesOf(document: JsonObject, responses: Json | undefined): Map<string, JsonObject> {
  const resolved = new Map<string, JsonObject>();
  for (const [status, response] of Object.entries(objectAt(responses))) {
    const raw = objectAt(deref(document, response));
    const content = normaliseContent(raw.content);
    resolved.set(status, content === undefined ? raw : { ...raw, content });
  }
  return resolved;
}

function securityOf(requirements: Json | undefined): Set<string> {
  const alternatives = new Set<string>();
  // `security: []` lets anyone in: the same as the one alternative `{}`.
  if (Array.isArray(requirements) && requirements.length === 0) alternatives.add('none');
  for (const requirement of Array.isArray(requirements) ? requirements : []) {
    if (!isObject(requirement)) continue;
    const schemes = Object.entries(requirement).map(([name, scopes]) =>
      Array.isArray(scopes) && scopes.length > 0 ? `${name}(${scopes.join(', ')})` : name,
    );
    // `{}` is the "no authentication" alternative.
    alternatives.add(schemes.length === 0 ? 'none' : schemes.sort().join(' + '));
  }
  return alternatives;
}

export interface ContractStats {
  operations: number;
  statuses: number;
  schemas: number;
}

export function contractStats(document: JsonObject): ContractStats {
  const operations = [...operationsOf(document).values()];
  return {
    operations: operations.length,
    statuses: operations.reduce((sum, operation) => sum + operation.responses.size, 0),
    schemas: Object.keys(objectAt(objectAt(document.components).schemas)).length,
  };
}
