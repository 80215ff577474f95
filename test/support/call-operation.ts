// Calls the client's method for any operation of the table, so a suite that
// enumerates the operations (or replays recorded requests) needs no case per
// operation: path parameters positionally, then the query (typed as the
// table says), then the call options.
import { type OperationId, operations } from '../../generated/operations.js';
import type { CallOptions, PurchasesClient } from '../../src/index.ts';
import { route } from '../../src/mock/routes.ts';

type Method = (...args: unknown[]) => Promise<unknown>;

export function callOperation(
  client: PurchasesClient,
  operationId: OperationId,
  input: { path?: Record<string, string>; query?: Record<string, string> },
  options: CallOptions = {},
): Promise<unknown> {
  const spec = operations[operationId];
  const method = (client as unknown as Record<string, Method>)[operationId];
  if (method === undefined) throw new Error(`the client has no method ${operationId}`);
  const pathArgs = spec.pathParameters.map((parameter) => input.path?.[parameter.name] ?? 'any-id');
  const query = Object.fromEntries(
    Object.entries(input.query ?? {}).map(([name, value]) => {
      const type = spec.queryParameters.find((parameter) => parameter.name === name)?.type;
      return [name, type === 'integer' ? Number(value) : value];
    }),
  );
  return method(...pathArgs, query, options);
}

/** The client call a recorded request (`/v1.0/…/groups/abc`, `page_size=2`) is. */
export function callForRequest(
  client: PurchasesClient,
  request: { path: string; query?: string },
  options: CallOptions = {},
): Promise<unknown> {
  const found = route(request.path);
  if (found.operation === undefined) throw new Error(`no operation has the path ${request.path}`);
  const query = Object.fromEntries(new URLSearchParams(request.query ?? ''));
  return callOperation(client, found.operation, { path: found.path, query }, options);
}
