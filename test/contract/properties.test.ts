// Property tests, one per operation of the table: arbitrary path arguments
// and queries (unicode, "../", "%2F",
// "?", "#", 2,000-character strings, empty-ish values) through the client to
// the mock. FUZZ_RUNS sets the runs per property (`npm run fuzz`: 10,000).
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { type OperationId, operations, type QueryParameter } from '../../generated/operations.js';
import { ApigArgumentError, ApigError, createPurchasesClient } from '../../src/index.ts';
import { callOperation } from '../support/call-operation.ts';
import { documentedResponses, loadContract } from '../support/contract.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const documented = (operationId: string) =>
  new Set(
    documentedResponses(loadContract())
      .filter((p) => p.operationId === operationId)
      .map((p) => Number(p.status)),
  );

/** A client that records the URL and status of every request it sends. */
function recordingClient() {
  const sent: { url: string; status: number }[] = [];
  const client = createPurchasesClient({
    baseUrl: inject('mockUrl'),
    credentials: { token: 'property-test-token' },
    retry: false,
    fetch: async (request) => {
      const response = await fetch(request);
      sent.push({ url: request.url, status: response.status });
      return response;
    },
  });
  return { client, sent };
}

const awkwardPieces = [
  '../',
  '..',
  '.',
  '%2F',
  '%',
  '?',
  '#',
  '/',
  '&',
  '=',
  '+',
  ' ',
  '\t',
  'é',
  '组',
  '😀',
  '\uD800',
  '\0',
  'a',
  '~',
];
const awkwardString = fc.oneof(
  fc.string({ unit: fc.constantFrom(...awkwardPieces), maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '..', '.', '%2F', '?', '#', '../../etc/passwd'),
  fc.string({ minLength: 2_000, maxLength: 2_000 }),
);

/** Only the client's two documented error types may escape it. */
function expectOwnErrorsOnly(error: unknown): void {
  if (error instanceof ApigError || error instanceof ApigArgumentError) return;
  throw new Error(`the client threw something else: ${String(error)}`, { cause: error });
}

/** Most runs must really reach the mock, or the property proves little. */
function expectMostRunsSent(requests: number): void {
  expect(requests).toBeGreaterThan(RUNS / 2);
}

const specs = Object.values(operations);

describe.each(
  specs
    .filter((spec) => spec.pathParameters.length > 0)
    .map((spec) => [spec.operationId, spec] as const),
)('property: arbitrary path arguments of %s', (operationId, spec) => {
  const statuses = documented(operationId);
  // The template before and after the parameters, e.g. `/v1.0/apigw/purchases/groups/` and ``.
  const [prefix = '', suffix = ''] = spec.path.split(/\{[^}]+\}/);
  it(`${RUNS} runs: documented status, own errors only, one percent-encoded path segment`, async () => {
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(awkwardString, async (value) => {
        const { client, sent } = recordingClient();
        const path = Object.fromEntries(spec.pathParameters.map((p) => [p.name, value]));
        await callOperation(client, operationId as OperationId, { path }).catch(
          expectOwnErrorsOnly,
        );
        requests += sent.length;
        for (const { url, status } of sent) {
          expect(statuses).toContain(status);
          const pathname = new URL(url).pathname;
          expect(pathname.startsWith(prefix) && pathname.endsWith(suffix)).toBe(true);
          const segment = pathname.slice(prefix.length, pathname.length - suffix.length);
          expect(segment).not.toContain('/');
          expect(decodeURIComponent(segment)).toBe(value);
        }
      }),
      { numRuns: RUNS },
    );
    expectMostRunsSent(requests);
  });
});

/** Arbitrary values of one query parameter: any string, or mostly valid integers that probe the bounds. */
function arbitraryValue(parameter: QueryParameter): fc.Arbitrary<unknown> {
  if (parameter.type !== 'integer') return awkwardString;
  const min = parameter.minimum ?? 1;
  const max = parameter.maximum ?? 2 ** 31;
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.integer({ min: min - 3, max: max + 100 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5) },
    { weight: 1, arbitrary: fc.double() },
  );
}

describe.each(
  specs
    .filter((spec) => spec.queryParameters.length > 0)
    .map((spec) => [spec.operationId, spec] as const),
)('property: arbitrary query of %s', (operationId, spec) => {
  const statuses = documented(operationId);
  const query = fc.record(
    Object.fromEntries(spec.queryParameters.map((p) => [p.name, arbitraryValue(p)])),
    { requiredKeys: [] },
  );
  const strings = spec.queryParameters.filter((p) => p.type === 'string').map((p) => p.name);
  it(`${RUNS} runs: documented status, own errors only, string parameters arrive as sent`, async () => {
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(query, async (values) => {
        const { client, sent } = recordingClient();
        const method = (client as unknown as Record<string, (q: unknown) => Promise<unknown>>)[
          operationId
        ];
        await method?.(values).catch(expectOwnErrorsOnly);
        requests += sent.length;
        for (const { url, status } of sent) {
          expect(statuses).toContain(status);
          const params = new URL(url).searchParams;
          for (const name of strings) {
            expect(params.get(name) ?? undefined).toBe((values as Record<string, unknown>)[name]);
          }
        }
      }),
      { numRuns: RUNS },
    );
    expectMostRunsSent(requests);
  });
});
