// signHeaders (method, URL, headers and body in; auth headers out) signs
// exactly as signRequest does, on Node's synchronous node:crypto and on
// WebCrypto, and always through a promise (the one signing entry).
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import { ApigArgumentError } from '../../src/shared/errors.ts';
import { type SignableRequest, signHeaders, signRequest } from '../../src/signing/signer.ts';

const DATE = new Date('2006-01-02T15:04:05Z');
const credentials = { accessKey: 'AccessKey', secretKey: 'SecretKey' };

const fromRequest = async (request: Request, creds = credentials) => {
  const signed = await signRequest(request, creds, DATE);
  return Object.fromEntries(
    Object.values(AUTH_HEADERS)
      .map((name) => [name, signed.headers.get(name)] as const)
      .filter(([, value]) => value !== null),
  );
};

const segment = fc.stringMatching(/^[\w.~\-!$&'()*+,;=:@%\u00e4\u4e2d]{1,8}$/);
const requests = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  path: fc.array(segment, { minLength: 1, maxLength: 4 }),
  query: fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })), {
    maxLength: 4,
  }),
  contentType: fc.option(fc.constantFrom('application/json', ' text/plain; charset=utf-8 ')),
  body: fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }))),
  securityToken: fc.option(fc.stringMatching(/^[\x21-\x7e]{1,20}$/)),
});

describe('signHeaders', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the headers signRequest sets, for any method, URL, content type and body', async () => {
    await fc.assert(
      fc.asyncProperty(requests, async (r) => {
        const search = new URLSearchParams(r.query).toString();
        const url = `https://apig.cn-north-4.myhuaweicloud.com/${r.path.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`;
        const headers: Record<string, string> = {};
        if (r.contentType !== null) headers['Content-Type'] = r.contentType;
        const body = r.method === 'GET' || r.method === 'DELETE' ? null : r.body;
        const creds =
          r.securityToken === null
            ? credentials
            : { ...credentials, securityToken: r.securityToken };
        const request = new Request(url, { method: r.method, headers, body });
        // As sent: a string body gets fetch's own Content-Type (text/plain).
        const sent = Object.fromEntries(request.headers);
        const parts: SignableRequest = { method: r.method, url, headers: sent, body };
        expect(await signHeaders(parts, creds, DATE)).toEqual(await fromRequest(request, creds));
      }),
      { numRuns: 200 },
    );
  });

  it('reads header names in any case, a URL object, an ArrayBuffer body and X-Sdk-Content-Sha256', async () => {
    const url = 'https://h.example/p?b=2&a=1';
    const body = new TextEncoder().encode('{"ü":1}');
    const request = new Request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      body,
    });
    const expected = await fromRequest(request);
    expect(
      await signHeaders(
        {
          method: 'post',
          url: new URL(url),
          headers: {
            'CONTENT-TYPE': 'application/json',
            'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD',
          },
          body: body.buffer,
        },
        credentials,
        DATE,
      ),
    ).toEqual(expected);
  });

  it('names the parameter that is wrong, never echoing the secret key', async () => {
    const parameterOf = (parts: unknown, creds: unknown = credentials) =>
      signHeaders(parts as SignableRequest, creds as typeof credentials, DATE).then(
        () => 'signed',
        (error: unknown) =>
          error instanceof ApigArgumentError ? error.parameter : `not an argument error: ${error}`,
      );
    const url = 'https://h.example/';
    expect(await parameterOf({ method: 'GE T', url })).toBe('method');
    expect(await parameterOf({ method: 'GET', url: '/relative' })).toBe('url');
    expect(await parameterOf({ method: 'PUT', url, body: 42 })).toBe('body');
    expect(await parameterOf({ method: 'GET', url, headers: 'x' })).toBe('headers');
    expect(await parameterOf(null)).toBe('request');
    const secret = 'TopSecret-SK';
    const error = await signHeaders(
      { method: 'GET', url },
      { accessKey: '', secretKey: secret },
    ).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(ApigArgumentError);
    expect(String((error as Error).message)).not.toContain(secret);
  });

  it('signs the same with WebCrypto when node:crypto is not offered', async () => {
    const parts: SignableRequest = {
      method: 'POST',
      url: 'https://h.example/a%20b?x=~&y=%C3%A9',
      headers: { 'Content-Type': 'application/json' },
      body: '{"ü":1}',
    };
    const withNode = await signHeaders(parts, credentials, DATE);
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    expect(await signHeaders(parts, credentials, DATE)).toEqual(withNode);
  });
});

describe('signHeaders, the one entry', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns a promise on Node and with WebCrypto, of the same headers', async () => {
    const url = 'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/purchases/groups';
    const expected = await fromRequest(new Request(url));
    const onNode = signHeaders({ method: 'GET', url }, credentials, DATE);
    expect(onNode).toBeInstanceOf(Promise);
    expect(await onNode).toEqual(expected);

    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    const onWebCrypto = signHeaders({ method: 'GET', url }, credentials, DATE);
    expect(onWebCrypto).toBeInstanceOf(Promise);
    expect(await onWebCrypto).toEqual(expected);
  });
});
