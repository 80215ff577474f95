// Property tests, one per operation of the table: arbitrary path arguments
// and queries (unicode, "../", "%2F",
// "?", "#", 2,000-character strings, empty-ish values) through the client to
// the mock's answers. Two routes: in process, through the answer core the
// HTTP mock and the MSW handlers share (300 runs each in `npm test`), and
// through the HTTP mock (gateway, Prism in process, data layer: a sample of 30 in
// `npm test`). FUZZ_RUNS sets the runs of both (`npm run fuzz`: 10,000).
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { type OperationId, operations, type QueryParameter } from '../../generated/operations.js';
import { ApigArgumentError, ApigError, createPurchasesClient } from '../../src/index.ts';
import { answer } from '../../src/mock/answer-request.ts';
import { defaultData } from '../../src/mock/msw.ts';
import { callOperation } from '../support/call-operation.ts';
import { documentedResponses, loadContract } from '../support/contract.ts';

const fuzzRuns = process.env.FUZZ_RUNS === undefined ? undefined : Number(process.env.FUZZ_RUNS);

/** The mock's answer to a request, computed in this process by the shared answer core. */
const inProcess = async (request: Request): Promise<Response> => {
  const { status, headers, body } = answer(
    { url: new URL(request.url), headers: request.headers },
    { data: defaultData },
  );
  return Response.json(body, { status, headers });
};

// The HTTP sample is drawn from a fixed seed: 30 random runs vary too much
// for "most runs reach the mock" to hold every time (14 of 30 was seen), and
// the random exploration is the in-process route's and `npm run fuzz`'s.
const routes = [
  {
    route: 'in process',
    runs: fuzzRuns ?? 300,
    seed: undefined,
    send: inProcess,
    baseUrl: () => 'http://mock.test',
  },
  {
    route: 'HTTP mock',
    runs: fuzzRuns ?? 30,
    seed: fuzzRuns === undefined ? 20_261_207 : undefined,
    send: fetch,
    baseUrl: () => inject('mockUrl'),
  },
] as const;
type Route = (typeof routes)[number];
const documented = (operationId: string) =>
  new Set(
    documentedResponses(loadContract())
      .filter((p) => p.operationId === operationId)
      .map((p) => Number(p.status)),
  );

/** A client that records the URL and status of every request it sends by `route`. */
function recordingClient(route: Route) {
  const sent: { url: string; status: number }[] = [];
  const client = createPurchasesClient({
    baseUrl: route.baseUrl(),
    credentials: { token: 'property-test-token' },
    retry: false,
    fetch: async (request) => {
      const response = await route.send(request);
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
function expectMostRunsSent(requests: number, runs: number): void {
  expect(requests).toBeGreaterThan(runs / 2);
}

const specs = Object.values(operations);

describe.each(
  specs
    .filter((spec) => spec.pathParameters.length > 0)
    .flatMap((spec) =>
      routes.map((route) => [spec.operationId, route.route, spec, route] as const),
    ),
)('property: arbitrary path arguments of %s (%s)', (operationId, _, spec, route) => {
  const statuses = documented(operationId);
  // The template before and after the parameters, e.g. `/v1.0/apigw/purchases/groups/` and ``.
  const [prefix = '', suffix = ''] = spec.path.split(/\{[^}]+\}/);
  it(`${route.runs} runs: documented status, own errors only, one percent-encoded path segment`, async () => {
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(awkwardString, async (value) => {
        const { client, sent } = recordingClient(route);
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
      { numRuns: route.runs, ...(route.seed === undefined ? {} : { seed: route.seed }) },
    );
    expectMostRunsSent(requests, route.runs);
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
    .flatMap((spec) =>
      routes.map((route) => [spec.operationId, route.route, spec, route] as const),
    ),
)('property: arbitrary query of %s (%s)', (operationId, _, spec, route) => {
  const statuses = documented(operationId);
  const query = fc.record(
    Object.fromEntries(spec.queryParameters.map((p) => [p.name, arbitraryValue(p)])),
    { requiredKeys: [] },
  );
  const strings = spec.queryParameters.filter((p) => p.type === 'string').map((p) => p.name);
  it(`${route.runs} runs: documented status, own errors only, string parameters arrive as sent`, async () => {
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(query, async (values) => {
        const { client, sent } = recordingClient(route);
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
      { numRuns: route.runs, ...(route.seed === undefined ? {} : { seed: route.seed }) },
    );
    expectMostRunsSent(requests, route.runs);
  });
});
