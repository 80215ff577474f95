// The `middleware` option: openapi-fetch's Middleware, run by the one sender
// on every attempt of the typed calls and of `raw`, in openapi-fetch's order,
// with the AK/SK signature made last, over what the middleware left.
import { describe, expect, it } from 'vitest';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import {
  ApigArgumentError,
  ApigNetworkError,
  createPurchasesClient,
  type Middleware,
  type PurchasesClientOptions,
  signHeaders,
} from '../../src/index.ts';

const AKSK = { accessKey: 'HPUAMIDDLEWARETEST01', secretKey: 'middleware-test-secret-0123456789' };
const BASE = 'http://127.0.0.1:4010';
const page = { total: 0, size: 0, purchases: [] };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function clientWith(middleware: Middleware[], options: Partial<PurchasesClientOptions> = {}) {
  const seen: Request[] = [];
  const client = createPurchasesClient({
    baseUrl: BASE,
    credentials: { token: 'middleware-test-token' },
    retry: false,
    fetch: async (request) => {
      seen.push(request);
      return json(page);
    },
    middleware,
    ...options,
  });
  return { client, seen };
}

describe('the middleware option', () => {
  it('runs onRequest in order and onResponse in reverse, on typed calls and raw alike', async () => {
    const order: string[] = [];
    const named = (name: string): Middleware => ({
      onRequest: ({ schemaPath, params }) => {
        order.push(`request ${name} ${schemaPath} ${JSON.stringify(params.query)}`);
      },
      onResponse: () => {
        order.push(`response ${name}`);
      },
    });
    const { client } = clientWith([named('a'), named('b')]);
    await client.listPurchasedGroups({ page_size: 2 });
    const typed = order.splice(0);
    await client.raw.GET('/v1.0/apigw/purchases/groups', { params: { query: { page_size: 2 } } });
    expect(typed).toEqual([
      'request a /v1.0/apigw/purchases/groups {"page_size":2}',
      'request b /v1.0/apigw/purchases/groups {"page_size":2}',
      'response b',
      'response a',
    ]);
    expect(order).toEqual(typed);
  });

  it('signs after every onRequest: a URL or header a middleware changed is what is signed', async () => {
    const { client, seen } = clientWith(
      [
        {
          onRequest: ({ request }) => {
            const url = new URL(request.url);
            url.searchParams.set('trace', 'on');
            const changed = new Request(url, request);
            changed.headers.set('Content-Type', 'application/json');
            return changed;
          },
        },
      ],
      { credentials: AKSK },
    );
    await client.listPurchasedGroups({ page_size: 3 });
    await client.raw.GET('/v1.0/apigw/purchases/groups', { params: { query: { page_size: 3 } } });
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      expect(request.url).toBe(`${BASE}/v1.0/apigw/purchases/groups?page_size=3&trace=on`);
      expect(request.redirect).toBe('manual');
      const date = request.headers.get(AUTH_HEADERS.sdkDate) ?? '';
      const at = new Date(
        date.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
      );
      const expected = await signHeaders(
        { method: 'GET', url: request.url, headers: { 'Content-Type': 'application/json' } },
        AKSK,
        at,
      );
      expect(request.headers.get(AUTH_HEADERS.authorization)).toBe(
        expected[AUTH_HEADERS.authorization],
      );
      expect(expected[AUTH_HEADERS.authorization]).toContain('SignedHeaders=content-type;host;');
    }
  });

  it('lets onRequest answer, onError recover and onResponse replace, as openapi-fetch does', async () => {
    const answered = clientWith([{ onRequest: () => json({ ...page, total: 7 }) }]);
    expect((await answered.client.listPurchasedGroups()).total).toBe(7);
    expect(answered.seen).toHaveLength(0);

    const recovered = createPurchasesClient({
      baseUrl: BASE,
      credentials: { token: 'middleware-test-token' },
      retry: false,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      middleware: [{ onError: () => json({ ...page, total: 9 }) }],
    });
    expect((await recovered.listPurchasedGroups()).total).toBe(9);

    const replaced = clientWith([{ onResponse: () => json({ ...page, total: 5 }) }]);
    expect((await replaced.client.listPurchasedGroups()).total).toBe(5);
  });

  it('an onError that returns an Error replaces the cause of the network error', async () => {
    const client = createPurchasesClient({
      baseUrl: BASE,
      credentials: { token: 'middleware-test-token' },
      retry: false,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      middleware: [{ onError: () => new Error('offline (from the middleware)') }],
    });
    const error = await client.listPurchasedGroups().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApigNetworkError);
    expect(String((error as Error).cause)).toContain('offline (from the middleware)');
  });

  it('raw.use() added later reaches raw alone, never the typed calls', async () => {
    const calls: string[] = [];
    const { client } = clientWith([]);
    client.raw.use({ onRequest: () => void calls.push('raw') });
    await client.listPurchasedGroups();
    expect(calls).toEqual([]);
    await client.raw.GET('/v1.0/apigw/purchases/groups');
    expect(calls).toEqual(['raw']);
  });

  it('refuses a middleware list that is not one, naming the entry', () => {
    const create = (middleware: unknown) => () =>
      createPurchasesClient({
        baseUrl: BASE,
        credentials: { token: 'middleware-test-token' },
        middleware: middleware as Middleware[],
      });
    expect(create({ onRequest() {} })).toThrow(ApigArgumentError);
    expect(create([{}])).toThrow(/middleware\[0\].*none of onRequest, onResponse, onError/);
    expect(create([{ onRequest: () => undefined }, { onResponse: 'no' }])).toThrow(
      /middleware\[1\]\.onResponse.*must be a function/,
    );
  });

  it('an onRequest that returns something else fails the call with a clear message', async () => {
    const { client } = clientWith([{ onRequest: () => 'oops' as unknown as Request }]);
    await expect(client.listPurchasedGroups()).rejects.toThrow(
      /onRequest must return a Request, a Response or nothing/,
    );
  });
});
