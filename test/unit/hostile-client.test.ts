// The client against hostile servers (node:http on 127.0.0.1): redirects to
// another origin, answers that echo every request header back, bodies over
// the size cap. Credentials never leave for another origin, and no secret
// ever reaches an error.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApigArgumentError,
  ApigError,
  ApigNetworkError,
  ApigRedirectError,
  ApigResponseTooLargeError,
  type Credentials,
  createPurchasesClient,
} from '../../src/index.ts';

const TOKEN = 'MIIZ-iam-token-0123456789-secret';
const AK = 'AKEXAMPLEACCESSKEY01';
const SK = 'sk-very-secret-key-0123456789abcdef';
const SECURITY_TOKEN = 'temporary-security-token-0123456789';
const credentialSets: [string, Credentials][] = [
  ['IAM token', { token: TOKEN }],
  ['AK/SK with a security token', { accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN }],
];
const secrets = [TOKEN, AK, SK, SECURITY_TOKEN];

async function serve(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closeAll = (...servers: Server[]) => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
};

describe('redirects are never followed', () => {
  let gateway: Server;
  let elsewhere: Server;
  let gatewayUrl = '';
  const arrivedElsewhere: IncomingHttpHeaders[] = [];
  let gatewayHits = 0;

  beforeAll(async () => {
    const target = await serve((request, response) => {
      arrivedElsewhere.push(request.headers);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"total":0,"size":0,"purchases":[]}');
    });
    elsewhere = target.server;
    const source = await serve((request, response) => {
      gatewayHits += 1;
      const status = request.url?.includes('page_no=7') ? 307 : 302;
      response.writeHead(status, { Location: `${target.url}${request.url}` });
      response.end();
    });
    gateway = source.server;
    gatewayUrl = source.url;
  });
  afterAll(() => closeAll(gateway, elsewhere));

  it.each(credentialSets)(
    'with %s: a 3xx to another origin is an error, on every attempt',
    async (_, credentials) => {
      gatewayHits = 0;
      const client = createPurchasesClient({ baseUrl: gatewayUrl, credentials });
      for (const call of [
        () => client.listPurchasedGroups(),
        () => client.listPurchasedGroups({ page_no: 7 }),
        () => client.getPurchasedGroup('abc'),
        () => client.raw.GET('/v1.0/apigw/purchases/groups'),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ApigRedirectError);
        const redirect = error as ApigRedirectError;
        expect([302, 307]).toContain(redirect.status);
        expect(redirect.locationOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(redirect.message).toContain(redirect.locationOrigin);
      }
      expect(arrivedElsewhere).toEqual([]);
      expect(gatewayHits).toBe(4); // not retried
    },
  );
});

describe('no secret in any error', () => {
  let echo: Server;
  let url = '';
  beforeAll(async () => {
    // Echoes every request header into every text it can (the body, the
    // reason phrase, X-Request-Id); `group_name` (or the purchase id) picks
    // the status, an HTML page, a dropped connection or no answer at all.
    const started = await serve((request, response) => {
      const target = new URL(request.url ?? '/', 'http://x');
      const how = target.searchParams.get('group_name') ?? target.pathname.split('/').at(-1) ?? '';
      if (how === 'drop') return request.socket.destroy();
      if (how === 'stall') return;
      const headers = JSON.stringify(request.headers);
      const html = how.startsWith('html');
      const status = Number(/\d{3}/.exec(how)?.[0] ?? 401);
      response.statusMessage = `Echo ${String(request.headers['x-auth-token'] ?? request.headers['x-security-token'])}`;
      response.writeHead(status, {
        'Content-Type': html ? 'text/html' : 'application/json',
        'X-Request-Id': String(request.headers.authorization ?? request.headers['x-auth-token']),
      });
      response.end(
        html
          ? `<html>${headers}</html>`
          : JSON.stringify({
              error_code: `APIG.1002 ${String(request.headers['x-auth-token'] ?? request.headers['x-security-token'])}`,
              error_msg: `You sent ${headers}`,
            }),
      );
    });
    echo = started.server;
    url = started.url;
  });
  afterAll(() => closeAll(echo));

  /** Every text of an error a caller or a logger could see. */
  const texts = (error: unknown): string[] => {
    const all = [String(error), inspect(error, { depth: 10 }), JSON.stringify(error)];
    let current: unknown = error;
    while (current instanceof Error) {
      all.push(current.message, current.stack ?? '', String(current));
      current = current.cause;
    }
    if (error instanceof ApigError) {
      all.push(String(error.errorMsg), String(error.errorCode), String(error.requestId));
    }
    return all;
  };

  const cases: [
    what: string,
    call: 'list' | 'detail',
    how: string,
    type: new (...args: never[]) => Error,
  ][] = [
    ['401 JSON echo', 'list', 'status-401', ApigError],
    ['404 JSON echo (detail)', 'detail', 'status-404', ApigError],
    ['503 retried, then reported', 'list', 'status-503', ApigError],
    ['502 HTML echo', 'list', 'html-502', ApigError],
    ['200 that is not JSON', 'list', 'html-200', ApigError],
    ['connection dropped', 'list', 'drop', ApigNetworkError],
    ['timeout', 'detail', 'stall', ApigNetworkError],
  ];

  it.each(credentialSets)('with %s, on every error path', async (_, credentials) => {
    const client = createPurchasesClient({
      baseUrl: url,
      credentials,
      timeoutMs: 300,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    });
    for (const [what, call, how, type] of cases) {
      const error = await (call === 'list'
        ? client.listPurchasedGroups({ group_name: how })
        : client.getPurchasedGroup(how)
      ).catch((e: unknown) => e);
      expect(error, what).toBeInstanceOf(type);
      for (const text of texts(error)) {
        for (const secret of secrets) {
          expect(text, `${what}: ${text.slice(0, 160)}`).not.toContain(secret);
        }
        expect(text, what).not.toMatch(/Signature=[0-9a-f]{16,}/);
      }
    }
  });

  it('still says what the gateway said, around the redacted parts', async () => {
    const client = createPurchasesClient({
      baseUrl: url,
      credentials: { token: TOKEN },
      retry: false,
    });
    const error = (await client
      .listPurchasedGroups({ group_name: 'status-401' })
      .catch((e: unknown) => e)) as ApigError;
    expect(error.errorMsg).toContain('"x-auth-token":"[redacted]"');
    expect(error.errorCode).toBe('APIG.1002 [redacted]');
    expect(error.requestId).toBe('[redacted]');
  });
});

const gzipBomb = gzipSync(`{"total":1,"size":1,"purchases":[],"x":"${'x'.repeat(50_000_000)}"}`);

describe('a response size cap (maxResponseBytes), counting decoded bytes', () => {
  let big: Server;
  let url = '';
  let requests = 0;
  let cancelled = 0;
  beforeAll(async () => {
    const started = await serve((request, response) => {
      requests += 1;
      const how = new URL(request.url ?? '/', 'http://x').searchParams.get('group_name');
      response.on('close', () => {
        if (!response.writableFinished) cancelled += 1;
      });
      if (how === 'gzip-bomb') {
        // 50 MB decoded, about 50 kB on the wire, with an honest Content-Length.
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Content-Length': gzipBomb.length,
        });
        return response.end(gzipBomb);
      }
      if (how === 'announced') {
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': 50_000_000,
        });
        response.write('{"total":1,');
        return;
      }
      // Chunked, without end: the client must stop reading by itself.
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"total":1,"size":1,"purchases":[');
      const chunk = `${JSON.stringify({ group_remark: 'x'.repeat(16_000) })},`;
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    big = started.server;
    url = started.url;
  });
  afterAll(() => closeAll(big));

  it.each(['announced', 'chunked', 'gzip-bomb'])(
    'stops a %s body past the cap, cancels it and does not retry',
    async (how) => {
      requests = 0;
      const client = createPurchasesClient({
        baseUrl: url,
        credentials: { token: TOKEN },
        maxResponseBytes: 1_000_000,
        retry: { attempts: 3, baseDelayMs: 1 },
      });
      const started = Date.now();
      const error = await client.listPurchasedGroups({ group_name: how }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApigResponseTooLargeError);
      expect((error as Error).message).toContain('maxResponseBytes (1000000)');
      expect(requests).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect.poll(() => cancelled, { timeout: 2_000 }).toBeGreaterThan(0);
    },
  );

  it('defaults to 10 MB and refuses a nonsense cap by name', () => {
    expect(() =>
      createPurchasesClient({ baseUrl: url, credentials: { token: 't' }, maxResponseBytes: 0 }),
    ).toThrow(/^maxResponseBytes must be a positive whole number of bytes$/);
  });
});

describe('header values that would split a request', () => {
  it.each([
    ['CR LF', 'a\r\nX-Injected: 1'],
    ['a lone LF', 'a\nb'],
    ['NUL', 'a\0b'],
  ])('refuses %s in CallOptions.headers by name, before any request', async (_, value) => {
    let requests = 0;
    const client = createPurchasesClient({
      baseUrl: 'http://127.0.0.1:9',
      credentials: { token: TOKEN },
      fetch: async () => {
        requests += 1;
        return new Response('{}');
      },
    });
    for (const call of [
      () => client.listPurchasedGroups({}, { headers: { 'X-Trace': value } }),
      () => client.getPurchasedGroup('id', undefined, { headers: { 'X-Trace': value } }),
      async () => client.iteratePurchasedGroups({}, { headers: { 'X-Trace': value } }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApigArgumentError);
      expect((error as Error).message).toBe('headers.X-Trace must not contain CR, LF or NUL');
    }
    expect(requests).toBe(0);
  });

  it('refuses a header name that is not a token, and a value that is not a string', async () => {
    const client = createPurchasesClient({
      baseUrl: 'http://127.0.0.1:9',
      credentials: { token: 't' },
      retry: false,
    });
    await expect(client.listPurchasedGroups({}, { headers: { 'Bad Name': 'x' } })).rejects.toThrow(
      'headers["Bad Name"] is not a valid header name',
    );
    await expect(
      client.listPurchasedGroups({}, { headers: { 'X-N': 1 as unknown as string } }),
    ).rejects.toThrow('headers.X-N must be a string, got number');
  });
});
