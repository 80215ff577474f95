// Property tests: arbitrary filters and purchase ids (unicode, "../", "%2F",
// "?", "#", 2,000-character strings, empty-ish values) through the client to
// the mock. FUZZ_RUNS sets the runs per property (`npm run fuzz`: 10,000).
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { ApigArgumentError, ApigError, createPurchasesClient } from '../../src/index.ts';
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

describe('property: arbitrary purchase ids', () => {
  const statuses = documented('getPurchasedGroup');
  it(`${RUNS} runs: documented status, own errors only, one percent-encoded path segment`, async () => {
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(awkwardString, async (purchaseId) => {
        const { client, sent } = recordingClient();
        await client.getPurchasedGroup(purchaseId).catch(expectOwnErrorsOnly);
        requests += sent.length;
        for (const { url, status } of sent) {
          expect(statuses).toContain(status);
          const path = new URL(url).pathname;
          expect(path.startsWith('/v1.0/apigw/purchases/groups/')).toBe(true);
          const segment = path.slice('/v1.0/apigw/purchases/groups/'.length);
          expect(segment).not.toContain('/');
          expect(decodeURIComponent(segment)).toBe(purchaseId);
        }
      }),
      { numRuns: RUNS },
    );
    expectMostRunsSent(requests);
  });
});

describe('property: arbitrary list filters and paging', () => {
  const statuses = documented('listPurchasedGroups');
  const query = fc.record(
    {
      id: awkwardString,
      group_id: awkwardString,
      group_name: awkwardString,
      // Mostly valid pages, so most runs reach the mock; the rest probe the bounds.
      page_size: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 500 }) },
        { weight: 1, arbitrary: fc.integer({ min: -3, max: 600 }) },
        { weight: 1, arbitrary: fc.double() },
      ),
      page_no: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 2 ** 31 }) },
        { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5) },
      ),
    },
    { requiredKeys: [] },
  );
  it(`${RUNS} runs: documented status, own errors only, filters arrive as sent`, async () => {
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(query, async (filters) => {
        const { client, sent } = recordingClient();
        await client.listPurchasedGroups(filters).catch(expectOwnErrorsOnly);
        requests += sent.length;
        for (const { url, status } of sent) {
          expect(statuses).toContain(status);
          const params = new URL(url).searchParams;
          for (const name of ['id', 'group_id', 'group_name'] as const) {
            expect(params.get(name) ?? undefined).toBe(filters[name]);
          }
        }
      }),
      { numRuns: RUNS },
    );
    expectMostRunsSent(requests);
  });
});
