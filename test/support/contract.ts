// The bundled contract (generated/openapi.json) as tests read it. JSON and
// `$ref` handling is the review's (review/json.ts): one helper for both.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deref, isObject, type Json, type JsonObject } from '../../lib/json.ts';

export { isObject, type Json, type JsonObject };

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let cached: JsonObject | undefined;

/** Parsed once per test file; callers read it and never modify it. */
export function loadContract(): JsonObject {
  cached ??= JSON.parse(
    readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'),
  ) as JsonObject;
  return cached;
}

/** Follows a local `$ref` (`#/components/...`) inside the contract. */
export const resolveRef = (contract: JsonObject, node: Json | undefined): Json | undefined =>
  deref(contract, node);

export interface DocumentedResponse {
  operationId: string;
  method: string;
  path: string;
  status: string;
  response: JsonObject;
}

/** Every (operation, status) pair the contract documents. */
export function documentedResponses(contract: JsonObject): DocumentedResponse[] {
  const pairs: DocumentedResponse[] = [];
  const paths = isObject(contract.paths) ? contract.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const [method, operation] of Object.entries(pathItem)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        const resolved = resolveRef(contract, response);
        if (!isObject(resolved)) continue;
        pairs.push({
          operationId: String(operation.operationId),
          method,
          path,
          status,
          response: resolved,
        });
      }
    }
  }
  return pairs;
}

/** The `value` of a named example in components/examples. */
export function exampleValue(name: string): Json {
  const contract = loadContract();
  const example = resolveRef(contract, { $ref: `#/components/examples/${name}` });
  if (!isObject(example) || example.value === undefined)
    throw new Error(`no example named ${name}`);
  return example.value;
}
