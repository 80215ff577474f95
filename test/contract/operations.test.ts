// The client from src/ against the Prism mock of the contract: every
// (operation, status) pair the bundled contract documents is requested and
// its typed result or ApigError checked; every named example round-trips.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type OperationId, operations } from '../../generated/operations.js';
import { ApigError, createPurchasesClient, type PurchasesClient } from '../../src/index.ts';
import { callOperation } from '../support/call-operation.ts';
import {
  documentedResponses,
  isObject,
  type Json,
  loadContract,
  resolveRef,
} from '../support/contract.ts';
import { createContractValidator } from '../support/schema-validator.ts';

const contract = loadContract();
const pairs = documentedResponses(contract);
const validatorFor = createContractValidator(contract);
const observed = new Map<string, number>();
const key = (operationId: string, status: string | number) => `${operationId} ${status}`;

/** A client whose every response is counted against the operation it answers. */
function observingClient(operationId: string): PurchasesClient {
  return createPurchasesClient({
    baseUrl: inject('mockUrl'),
    credentials: { token: 'contract-test-token' },
    retry: false,
    fetch: async (request) => {
      const response = await fetch(request);
      const pair = key(operationId, response.status);
      observed.set(pair, (observed.get(pair) ?? 0) + 1);
      return response;
    },
  });
}

/** The named examples of one documented response, resolved. */
function examplesOf(response: Record<string, Json>): [string, Json][] {
  const media = isObject(response.content) ? response.content['application/json'] : undefined;
  if (!isObject(media) || !isObject(media.examples)) return [];
  return Object.entries(media.examples).map(([name, example]) => {
    const resolved = resolveRef(contract, example);
    return [name, isObject(resolved) ? (resolved.value ?? null) : null];
  });
}

/** What the client hands back for a call: the data, or the ApigError's fields. */
async function outcome(call: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    return { status: 200, body: await call };
  } catch (error) {
    if (!(error instanceof ApigError)) throw error;
    const body = {
      error_code: error.errorCode,
      error_msg: error.errorMsg,
      ...(error.requestId === undefined ? {} : { request_id: error.requestId }),
    };
    return { status: error.status, body };
  }
}

describe('every documented operation × status through the client', () => {
  it('reads the same pairs from the bundled contract as the operation table holds', () => {
    const fromTable = Object.values(operations).flatMap((spec) =>
      Object.keys(spec.statuses).map((status) => key(spec.operationId, status)),
    );
    expect(pairs.map((p) => key(p.operationId, p.status))).toEqual(fromTable);
    expect(fromTable).toContain('getPurchasedGroup 404');
  });

  it.each(pairs.map((p) => [key(p.operationId, p.status), p] as const))('%s', async (_, pair) => {
    const result = await outcome(
      callOperation(
        observingClient(pair.operationId),
        pair.operationId as OperationId,
        {},
        {
          headers: { Prefer: `code=${pair.status}` },
        },
      ),
    );
    expect(result.status).toBe(Number(pair.status));
    const [, firstExample] = examplesOf(pair.response)[0] ?? [];
    expect(result.body).toEqual(firstExample);
    const media = isObject(pair.response.content)
      ? pair.response.content['application/json']
      : undefined;
    const validate = validatorFor(isObject(media) ? (media.schema ?? null) : null);
    validate(result.body);
    expect(validate.errors ?? []).toEqual([]);
  });

  afterAll(() => {
    const rows = pairs.map(({ operationId, status }) => ({
      operation: operationId,
      status,
      requests: observed.get(key(operationId, status)) ?? 0,
    }));
    console.log('contract coverage (operation × documented status, as answered by the mock):');
    console.table(rows);
    const missing = rows
      .filter((row) => row.requests === 0)
      .map((row) => `${row.operation} ${row.status}`);
    const undocumented = [...observed.keys()].filter(
      (pair) => !rows.some((r) => key(r.operation, r.status) === pair),
    );
    expect({ missing, undocumented }).toEqual({ missing: [], undocumented: [] });
  });
});

describe('named examples round-trip through the client unchanged', () => {
  const cases = pairs.flatMap((pair) =>
    examplesOf(pair.response).map(
      ([name, value]) => [`${pair.operationId} ${pair.status} ${name}`, pair, name, value] as const,
    ),
  );
  it.each(cases)('%s', async (_, pair, name, value) => {
    const headers = { Prefer: `code=${pair.status}, example=${name}` };
    const client = observingClient(pair.operationId);
    const result = await outcome(
      callOperation(client, pair.operationId as OperationId, {}, { headers }),
    );
    expect(result).toEqual({ status: Number(pair.status), body: value });
  });
});

describe('invalid requests get the contract 400 with an APIG body', () => {
  const validateError = validatorFor({ $ref: '#/components/schemas/ApigError' });
  const client = createPurchasesClient({
    baseUrl: inject('mockUrl'),
    credentials: { token: 't' },
    retry: false,
  });
  // Sent through the raw openapi-fetch client: the typed methods refuse these
  // arguments before any request (see test/unit/client.test.ts).
  it.each([
    ['negative page_size', { page_size: -1 }],
    ['page_size above the maximum', { page_size: 501 }],
    ['non-numeric page_no', { page_no: 'abc' as unknown as number }],
    ['fractional page_no', { page_no: 1.5 }],
  ])('%s', async (_, query) => {
    const { error, response } = await client.raw.GET('/v1.0/apigw/purchases/groups', {
      params: { query },
    });
    expect(response.status).toBe(400);
    validateError(error);
    expect(validateError.errors ?? []).toEqual([]);
    expect((error as { error_code: string }).error_code).toMatch(/^APIG\.20(00|12)$/);
  });
});
