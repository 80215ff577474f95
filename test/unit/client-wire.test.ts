// The one sender (src/transport/send-attempt.ts) sends straight to the global
// fetch, or builds a Request when a `fetch` option or a middleware is given.
// Every way must put the same bytes on the wire as openapi-fetch itself
// (`raw`, which signs in its last middleware): request line, every header
// (AK/SK signature included) and their order, for generated arguments of
// every operation of the table.
import { createServer, type Server, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type OperationSpec, operations } from '../../generated/operations.js';
import { type Credentials, createPurchasesClient, type PurchasesClient } from '../../src/index.ts';

const body = '{"total":0,"size":0,"purchases":[],"apis":[]}';
const answer = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

/** A TCP server that keeps each request head as it arrived, byte for byte. */
let server: Server;
let baseUrl: string;
const heads: string[] = [];
const sockets = new Set<Socket>();
beforeAll(async () => {
  server = createServer((socket: Socket) => {
    sockets.add(socket);
    let pending = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      pending += chunk;
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        heads.push(pending.slice(0, end));
        pending = pending.slice(end + 4);
        socket.write(answer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
const id = text.filter((value) => value !== '.' && value !== '..');

/** Arguments of `spec` as its method takes them: path ids, then a query. */
function argumentsOf(spec: OperationSpec) {
  const query = fc.record(
    Object.fromEntries(
      spec.queryParameters.map((parameter) => [
        parameter.name,
        parameter.type === 'integer'
          ? fc.integer({ min: parameter.minimum ?? -1e6, max: parameter.maximum ?? 1e6 })
          : text,
      ]),
    ),
    { requiredKeys: [] },
  );
  return fc.tuple(
    fc.array(id, { minLength: spec.pathParameters.length, maxLength: spec.pathParameters.length }),
    query,
  );
}

const credentials: fc.Arbitrary<Credentials> = fc.oneof(
  fc.constant({ token: 'token-for-the-wire-test' }),
  fc.constant({ accessKey: 'HPUAWIRETESTACCESS01', secretKey: 'wire-test-secret-key-0123456789' }),
  fc.constant({
    accessKey: 'HPUAWIRETESTACCESS01',
    secretKey: 'wire-test-secret-key-0123456789',
    securityToken: 'temporary-security-token',
  }),
);
// Caller headers, including one that overrides auth in another case.
const headers = fc.option(
  fc.dictionary(
    fc.constantFrom('X-Trace', 'Prefer', 'x-auth-token', 'Accept-Language'),
    fc.stringMatching(/^[!-~]{1,16}$/),
  ),
  { nil: undefined },
);

async function callOf(
  client: PurchasesClient,
  spec: OperationSpec,
  ids: string[],
  query: object,
  extra?: Record<string, string>,
) {
  const method = client[spec.operationId as keyof PurchasesClient] as (
    ...args: unknown[]
  ) => Promise<unknown>;
  const args = [...ids, query];
  await method(...args, extra === undefined ? {} : { headers: extra });
  return heads.pop();
}

/** What openapi-fetch itself sends for the same call, through `raw`. */
async function rawCallOf(
  client: PurchasesClient,
  spec: OperationSpec,
  ids: string[],
  query: object,
  extra?: Record<string, string>,
) {
  const path = Object.fromEntries(spec.pathParameters.map((p, index) => [p.name, ids[index]]));
  const get = client.raw.GET as unknown as (path: string, init: object) => Promise<unknown>;
  await get(spec.path, { params: { path, query }, headers: extra ?? {}, parseAs: 'text' });
  return heads.pop();
}

describe('the one sender', () => {
  it('sends what openapi-fetch sends, with or without a fetch option or a middleware', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T10:20:30Z') });
    try {
      const specs = Object.values(operations) as OperationSpec[];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...specs).chain((spec) => fc.tuple(fc.constant(spec), argumentsOf(spec))),
          credentials,
          headers,
          async ([spec, [ids, query]], creds, extra) => {
            const options = { baseUrl, credentials: creds, retry: false as const };
            const direct = createPurchasesClient(options);
            const withFetch = createPurchasesClient({ ...options, fetch: (r) => fetch(r) });
            const withMiddleware = createPurchasesClient({
              ...options,
              middleware: [{ onRequest: () => undefined }],
            });
            const expected = await rawCallOf(direct, spec, ids, query, extra);
            expect(expected).toBeDefined();
            expect(await callOf(direct, spec, ids, query, extra)).toBe(expected);
            expect(await callOf(withFetch, spec, ids, query, extra)).toBe(expected);
            expect(await callOf(withMiddleware, spec, ids, query, extra)).toBe(expected);
          },
        ),
        { numRuns: 100 },
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('signs what it sends: the AK/SK headers are on the wire', async () => {
    const client = createPurchasesClient({
      baseUrl,
      credentials: {
        accessKey: 'HPUAWIRETESTACCESS01',
        secretKey: 'wire-test-secret-key-0123456789',
      },
    });
    const head = await callOf(client, operations.listPurchasedGroups, [], { page_size: 5 });
    expect(head).toMatch(/^GET \/v1\.0\/apigw\/purchases\/groups\?page_size=5 HTTP\/1\.1\r\n/);
    expect(head).toMatch(
      /\r\nauthorization: SDK-HMAC-SHA256 Access=HPUAWIRETESTACCESS01, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}(\r\n|$)/i,
    );
    expect(head).toMatch(/\r\nx-sdk-date: \d{8}T\d{6}Z(\r\n|$)/i);
  });
});
