// The contract's defaults of an operation's query parameters, read from the
// generated operation table: the paginator and the mock page alike.
import type { OperationSpec } from '../../generated/operations.js';

/** A query parameter's contract default (`page_size` 20), for the paginator. */
export function defaultOf(spec: OperationSpec, name: string): number {
  const fallback = spec.queryParameters.find((parameter) => parameter.name === name)?.default;
  if (typeof fallback !== 'number') {
    throw new Error(`${spec.operationId}: the contract gives ${name} no numeric default`);
  }
  return fallback;
}
