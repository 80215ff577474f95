// The client against an injected fetch: what it sends, what it returns, and
// the errors users catch.
import { describe, expect, it, vi } from 'vitest';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import {
  ApigArgumentError,
  ApigError,
  createPurchasesClient,
  type PurchasesClientOptions,
} from '../../src/index.ts';
import { exampleValue } from '../support/contract.ts';

const seedList = exampleValue('seedList');
const seedDetail = exampleValue('seedDetail');
const TOKEN = 'MIIEhQYJKoZIhvcNAQcCoIIEdjCCBHICAQExDTALBglghkgBZQMEAgEwggLXBgkqhkiG9w0B';
const SECRET_KEY = 'sk-very-secret-0123456789abcdef';

function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function clientWith(
  respond: (request: Request) => Response,
  options: Partial<PurchasesClientOptions> = {},
) {
  const seen: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    seen.push(request.clone());
    return respond(request);
  });
  const client = createPurchasesClient({
    baseUrl: 'http://127.0.0.1:4010',
    credentials: { token: TOKEN },
    retry: false,
    fetch,
    ...options,
  });
  return { client, seen, fetch };
}

/** A one-attempt error message without its `after 1 attempt in N ms` ending (checked). */
function oneAttempt(message: string): string {
  expect(message).toMatch(/ after 1 attempt in \d+ ms$/);
  return message.replace(/ after 1 attempt in \d+ ms$/, '');
}

describe('requests', () => {
  it('lists with X-Auth-Token and the query as given', async () => {
    const { client, seen } = clientWith(() => jsonResponse(200, seedList));
    const page = await client.listPurchasedGroups({
      group_name: 'api group 1',
      page_size: 50,
      page_no: 2,
    });
    expect(page).toEqual(seedList);
    const request = seen[0];
    expect(request?.headers.get(AUTH_HEADERS.token)).toBe(TOKEN);
    const url = new URL(request?.url ?? '');
    expect(url.pathname).toBe('/v1.0/apigw/purchases/groups');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      group_name: 'api group 1',
      page_size: '50',
      page_no: '2',
    });
  });

  it('passes page_size 0 (every item) and any integer page_no on, as documented', async () => {
    const { client, seen } = clientWith(() => jsonResponse(200, seedList));
    await client.listPurchasedGroups({ page_size: 0, page_no: 0 });
    const url = new URL(seen[0]?.url ?? '');
    expect(Object.fromEntries(url.searchParams)).toEqual({ page_size: '0', page_no: '0' });
  });

  it('builds the regional host from `region`', async () => {
    const { client, seen } = clientWith(() => jsonResponse(200, seedDetail), {
      baseUrl: undefined as never,
      region: 'cn-north-4',
    });
    await client.getPurchasedGroup('3f30d49b-220f-4b11-9e94-c2fd3c1cc587');
    expect(seen[0]?.url).toBe(
      'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/purchases/groups/3f30d49b-220f-4b11-9e94-c2fd3c1cc587',
    );
  });

  it('sends a purchase id with reserved characters as one percent-encoded segment', async () => {
    const { client, seen } = clientWith(() => jsonResponse(200, seedDetail));
    await client.getPurchasedGroup('a/b?c#d %2F ../é');
    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname).toBe('/v1.0/apigw/purchases/groups/a%2Fb%3Fc%23d%20%252F%20..%2F%C3%A9');
    expect(url.search).toBe('');
    expect(decodeURIComponent(url.pathname.split('/').at(-1) ?? '')).toBe('a/b?c#d %2F ../é');
  });

  it('signs with AK/SK: Authorization and X-Sdk-Date, no token header', async () => {
    const { client, seen } = clientWith(() => jsonResponse(200, seedList), {
      credentials: { accessKey: 'AK', secretKey: SECRET_KEY },
    });
    await client.listPurchasedGroups();
    const headers = seen[0]?.headers;
    expect(headers?.get(AUTH_HEADERS.authorization)).toMatch(
      /^SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(headers?.get(AUTH_HEADERS.sdkDate)).toMatch(/^\d{8}T\d{6}Z$/);
    expect(headers?.has('X-Auth-Token')).toBe(false);
  });

  it('passes extra headers (e.g. Prefer for the mock)', async () => {
    const { client, seen } = clientWith(() => jsonResponse(200, seedList));
    await client.listPurchasedGroups({}, { headers: { Prefer: 'example=emptyList' } });
    expect(seen[0]?.headers.get('Prefer')).toBe('example=emptyList');
  });

  it('exposes the openapi-fetch client with auth for raw calls', async () => {
    const { client, seen } = clientWith(() => jsonResponse(200, seedList));
    const { data, response } = await client.raw.GET('/v1.0/apigw/purchases/groups', {
      params: { query: { page_size: 3 } },
    });
    expect(response.status).toBe(200);
    expect(data?.purchases).toHaveLength(3);
    expect(seen[0]?.headers.get(AUTH_HEADERS.token)).toBe(TOKEN);
  });
});

describe('with the platform fetch', () => {
  it('sends what a middleware set, and never follows a redirect', async () => {
    const sent: Request[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      // The Request as handed to fetch (Node 24's fetch then copies it, and its
      // copy drops referrerPolicy: the platform's doing, not the client's).
      sent.push(input instanceof Request && init === undefined ? input : new Request(input, init));
      return jsonResponse(200, seedList);
    });
    try {
      const client = createPurchasesClient({
        baseUrl: 'http://127.0.0.1:4010',
        credentials: { token: TOKEN },
        retry: false,
        middleware: [
          {
            onRequest: ({ request }) =>
              new Request(request, {
                cache: 'no-store',
                keepalive: true,
                referrerPolicy: 'no-referrer',
              }),
          },
        ],
      });
      await client.listPurchasedGroups({ page_size: 1 });
      const [request] = sent;
      expect(request?.url).toBe('http://127.0.0.1:4010/v1.0/apigw/purchases/groups?page_size=1');
      expect(request?.headers.get(AUTH_HEADERS.token)).toBe(TOKEN);
      expect([request?.cache, request?.keepalive, request?.referrerPolicy]).toEqual([
        'no-store',
        true,
        'no-referrer',
      ]);
      expect(request?.redirect).toBe('manual');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('argument errors, before any request', () => {
  const cases: [
    string,
    (c: ReturnType<typeof clientWith>['client']) => Promise<unknown>,
    string,
  ][] = [
    ['empty purchaseId', (c) => c.getPurchasedGroup(''), 'purchaseId'],
    ['".." purchaseId', (c) => c.getPurchasedGroup('..'), 'purchaseId'],
    ['non-string purchaseId', (c) => c.getPurchasedGroup(42 as never), 'purchaseId'],
    ['page_size -1', (c) => c.listPurchasedGroups({ page_size: -1 }), 'page_size'],
    ['page_size 501', (c) => c.listPurchasedGroups({ page_size: 501 }), 'page_size'],
    ['page_size 2.5', (c) => c.listPurchasedGroups({ page_size: 2.5 }), 'page_size'],
    ['page_size "20"', (c) => c.listPurchasedGroups({ page_size: '20' as never }), 'page_size'],
    ['page_no 1.5', (c) => c.listPurchasedGroups({ page_no: 1.5 }), 'page_no'],
    ['page_no NaN', (c) => c.listPurchasedGroups({ page_no: Number.NaN }), 'page_no'],
    ['unknown parameter', (c) => c.listPurchasedGroups({ limit: 5 } as never), 'limit'],
    ['numeric filter', (c) => c.listPurchasedGroups({ group_id: 7 } as never), 'group_id'],
    // Options where the query goes (the signature before every method had a query slot).
    ['options as the query', (c) => c.getPurchasedGroup('p', { signal: null } as never), 'signal'],
  ];
  it.each(cases)('%s is rejected naming the parameter', async (_, call, parameter) => {
    const { client, fetch } = clientWith(() => jsonResponse(200, seedList));
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApigArgumentError);
    expect((error as ApigArgumentError).parameter).toBe(parameter);
    expect((error as Error).message).toMatch(new RegExp(`^${parameter} `));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('points a call with options in the query slot to where they go', async () => {
    const { client } = clientWith(() => jsonResponse(200, seedList));
    await expect(client.getPurchasedGroup('p', { headers: {} } as never)).rejects.toThrow(
      'headers is not a parameter of getPurchasedGroup, which has no query parameters: call options go after the query (getPurchasedGroup(purchaseId, undefined, options))',
    );
    await expect(client.getPurchasedGroup('p', {}, {})).resolves.toBeDefined();
  });

  it('refuses a baseUrl with a password, a query or a fragment, never printing the password', () => {
    const credentials = { token: TOKEN };
    const secret = 'hunter2-password';
    for (const [baseUrl, says] of [
      [
        `http://user:${secret}@127.0.0.1:4010`,
        /^baseUrl must not hold a user name or password \(got "http:\/\/\*\*\*\*@127\.0\.0\.1:4010"\)/,
      ],
      [`http://${secret}@127.0.0.1:4010`, /must not hold a user name or password/],
      ['http://127.0.0.1:4010/base?x=1', /^baseUrl must not have a query or a fragment/],
      ['http://127.0.0.1:4010/base#frag', /^baseUrl must not have a query or a fragment/],
      ['http://127.0.0.1:4010/base#', /^baseUrl must not have a query or a fragment/],
      [
        `http://user:${secret}@[::1`,
        /^baseUrl must be an absolute http\(s\) URL, got "http:\/\/\*\*\*\*@\[::1"/,
      ],
      [
        `//user:${secret}@127.0.0.1`,
        /^baseUrl must be an absolute http\(s\) URL, got "\/\/\*\*\*\*@127\.0\.0\.1"/,
      ],
      [`user:${secret}@127.0.0.1:4010`, /^baseUrl must use http or https/],
    ] as const) {
      const error = (() => {
        try {
          createPurchasesClient({ baseUrl, credentials });
        } catch (thrown) {
          return thrown as Error;
        }
        return undefined;
      })();
      expect(error, baseUrl).toBeInstanceOf(ApigArgumentError);
      expect(error?.message).toMatch(says);
      expect(`${error?.message} ${String(error?.stack)}`).not.toContain(secret);
    }
  });

  it('requires credentials: a token or a key pair', () => {
    expect(() => createPurchasesClient({ baseUrl: 'http://127.0.0.1:4010' } as never)).toThrow(
      /^credentials are required: \{ token \} \(an IAM token\) or \{ accessKey, secretKey \}/,
    );
    expect(() => createPurchasesClient(undefined as never)).toThrow(/^options must be an object/);
  });

  it('rejects bad options at creation, naming them without echoing secrets', () => {
    const token = { credentials: { token: TOKEN } };
    expect(() => createPurchasesClient({ ...token })).toThrow(/^region or baseUrl is required/);
    expect(() => createPurchasesClient({ ...token, region: 'cn-north-4.evil.com/' })).toThrow(
      /^region must look like/,
    );
    expect(() => createPurchasesClient({ ...token, baseUrl: 'ftp://x' })).toThrow(
      /^baseUrl must use http/,
    );
    expect(() => createPurchasesClient({ ...token, region: 'cn-north-4', timeoutMs: 0 })).toThrow(
      /^timeoutMs /,
    );
    expect(() =>
      createPurchasesClient({ region: 'cn-north-4', credentials: { token: '' } }),
    ).toThrow(/^credentials\.token must be a non-empty string$/);
    const badToken = `${TOKEN}\r\nX-Injected: 1`;
    expect(() =>
      createPurchasesClient({ region: 'cn-north-4', credentials: { token: badToken } }),
    ).toThrow(/^credentials\.token must be visible ASCII without spaces$/);
    let message = '';
    try {
      createPurchasesClient({
        region: 'cn-north-4',
        credentials: { accessKey: 'AK,x', secretKey: SECRET_KEY },
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('credentials.accessKey must be visible ASCII without commas');
    expect(message).not.toContain(SECRET_KEY);
  });
});

describe('ApigError', () => {
  it('carries status, APIG code, message, request id, method and path', async () => {
    const { client } = clientWith(() => jsonResponse(404, exampleValue('subscriptionNotFound')));
    const error = (await client.getPurchasedGroup('missing').catch((e: unknown) => e)) as ApigError;
    expect(error).toBeInstanceOf(ApigError);
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'APIG.3014',
      errorMsg: 'The subscription record does not exist',
      requestId: 'c2d3e4f5061728394a5b6c7d8e9fa0b1',
      method: 'GET',
      path: '/v1.0/apigw/purchases/groups/missing',
    });
    expect(oneAttempt(error.message)).toBe(
      'GET /v1.0/apigw/purchases/groups/missing failed with 404: APIG.3014 The subscription record does not exist [request_id c2d3e4f5061728394a5b6c7d8e9fa0b1]',
    );
  });

  it('reads gateway errors: APIGW codes, X-Request-Id, and code/message bodies', async () => {
    const gateway = clientWith(
      () =>
        new Response(JSON.stringify({ error_code: 'APIGW.0308', error_msg: 'throttled' }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'from-header' },
        }),
      { retry: false },
    );
    const throttled = (await gateway.client
      .listPurchasedGroups()
      .catch((e: unknown) => e)) as ApigError;
    expect(throttled).toMatchObject({
      status: 429,
      errorCode: 'APIGW.0308',
      errorMsg: 'throttled',
      requestId: 'from-header',
    });

    // The body's request_id wins over the header; code/message as Huawei's SDKs accept it.
    const other = clientWith(
      () =>
        new Response(
          JSON.stringify({ code: 'APIC.7211', message: 'no such instance', request_id: 'body' }),
          { status: 404, headers: { 'X-Request-Id': 'header' } },
        ),
    );
    const error = (await other.client.getPurchasedGroup('x').catch((e: unknown) => e)) as ApigError;
    expect(error).toMatchObject({ errorCode: 'APIC.7211', errorMsg: 'no such instance' });
    expect(error.requestId).toBe('body');
  });

  it('is clear about non-JSON and empty error bodies', async () => {
    const html = clientWith(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const htmlError = (await html.client
      .listPurchasedGroups()
      .catch((e: unknown) => e)) as ApigError;
    expect(htmlError.status).toBe(502);
    expect(htmlError.errorCode).toBeUndefined();
    expect(oneAttempt(htmlError.message)).toBe(
      'GET /v1.0/apigw/purchases/groups failed with 502: Bad Gateway (non-JSON body of 24 characters, text/html)',
    );

    const empty = clientWith(() => new Response(null, { status: 500 }));
    const emptyError = (await empty.client
      .listPurchasedGroups()
      .catch((e: unknown) => e)) as ApigError;
    expect(oneAttempt(emptyError.message)).toBe(
      'GET /v1.0/apigw/purchases/groups failed with 500: HTTP error (empty body)',
    );
  });

  it('reports a 200 whose body is not JSON as an ApigError', async () => {
    const { client } = clientWith(() => new Response('not json', { status: 200 }));
    const error = (await client.listPurchasedGroups().catch((e: unknown) => e)) as ApigError;
    expect(error).toBeInstanceOf(ApigError);
    expect(error.message).toMatch(/failed with 200: OK but the body is not JSON/);
  });

  it('never contains the token, the secret key, the signature or an app_secret', async () => {
    const echo = (request: Request) =>
      jsonResponse(401, {
        error_code: 'APIG.1002',
        error_msg: 'Incorrect token or token resolution failed',
        app_secret: 'app-secret-value',
        echoed: request.headers.get(AUTH_HEADERS.authorization),
      });
    for (const credentials of [{ token: TOKEN }, { accessKey: 'AK', secretKey: SECRET_KEY }]) {
      const { client, seen } = clientWith(echo, { credentials });
      const error = (await client.listPurchasedGroups().catch((e: unknown) => e)) as ApigError;
      const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
      const signature =
        seen[0]?.headers.get(AUTH_HEADERS.authorization)?.split('Signature=')[1] ?? 'no-signature';
      for (const secret of [TOKEN, SECRET_KEY, signature, 'app-secret-value']) {
        expect(everything).not.toContain(secret);
      }
    }
  });
});

describe('unicode arguments', () => {
  it('rejects lone surrogates, which cannot be percent-encoded, naming the parameter', async () => {
    const { client, fetch } = clientWith(() => jsonResponse(200, seedList));
    await expect(client.getPurchasedGroup('ab\uD800')).rejects.toThrow(
      /^purchaseId must be well-formed Unicode/,
    );
    await expect(client.listPurchasedGroups({ group_name: '\uDC00x' })).rejects.toThrow(
      /^group_name must be well-formed/,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends astral characters (surrogate pairs) fine', async () => {
    const { client, seen } = clientWith(() => jsonResponse(200, seedDetail));
    await client.getPurchasedGroup('组-😀');
    expect(seen[0]?.url.endsWith('/%E7%BB%84-%F0%9F%98%80')).toBe(true);
  });
});
