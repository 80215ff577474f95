import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import {
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  EMPTY_BODY_SHA256,
  encodeRfc3986,
  formatSdkDate,
} from '../../src/signing/canonical.js';
import { cryptoBackend, nodeCryptoBackend, webCryptoBackend } from '../../src/signing/crypto.js';
import {
  authorizationValue,
  SIGNED_HEADERS,
  signatureFor,
  signHeaders,
  signRequest,
} from '../../src/signing/signer.js';
import { signInPlace } from '../../src/transport/authenticate.js';

const AK = 'AccessKey';
const SK = 'SecretKey';
const DATE = new Date('2006-01-02T15:04:05Z');
const SDK_DATE = '20060102T150405Z';
const credentials = { accessKey: AK, secretKey: SK };

// An independent reference: node:crypto applied to a canonical request
// written out by hand in each test.
function expectedAuthorization(canonical: string, signedHeaders: string, secretKey = SK): string {
  const hash = createHash('sha256').update(canonical).digest('hex');
  const toSign = `SDK-HMAC-SHA256\n${SDK_DATE}\n${hash}`;
  const signature = createHmac('sha256', secretKey).update(toSign).digest('hex');
  return `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function authorizationOf(request: Request, creds = credentials): Promise<string | null> {
  return (await signRequest(request, creds, DATE)).headers.get(AUTH_HEADERS.authorization);
}

function signedHeadersOf(authorization: string | null): string | undefined {
  return /SignedHeaders=([^,]*),/.exec(authorization ?? '')?.[1];
}

describe('known vectors (AK AccessKey, SK SecretKey, 20060102T150405Z)', () => {
  it('reproduces the Go SDK test vector (SignedHeaders x-sdk-date only)', async () => {
    const { canonicalRequest: canonical, signedHeaders } = canonicalRequest({
      method: 'GET',
      pathname: '/path',
      search: '?limit=1',
      headers: [['X-Sdk-Date', SDK_DATE]],
      payloadHash: EMPTY_BODY_SHA256,
    });
    expect(canonical).toBe(
      `GET\n/path/\nlimit=1\nx-sdk-date:${SDK_DATE}\n\nx-sdk-date\n${EMPTY_BODY_SHA256}`,
    );
    const signature = await signatureFor(canonical, SDK_DATE, SK);
    expect(authorizationValue(AK, signedHeaders, signature)).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, ' +
        'Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
  });

  it('reproduces the purchases list vector (SignedHeaders host;x-sdk-date)', async () => {
    const request = new Request(
      'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/purchases/groups?page_no=1&page_size=20',
    );
    const signed = await signRequest(request, credentials, DATE);
    expect(signed.headers.get(AUTH_HEADERS.sdkDate)).toBe(SDK_DATE);
    expect(signed.headers.get(AUTH_HEADERS.authorization)).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, ' +
        'Signature=f20844ca8ffa0fbcc1c692e0685ddf7592fe748029f48fb9467ac0b0d096ea67',
    );
  });
});

describe('signed header set', () => {
  it('documents exactly which headers may be signed', () => {
    expect(SIGNED_HEADERS).toEqual(['content-type', 'host', 'x-sdk-date', 'x-security-token']);
  });

  it('signs host and x-sdk-date only, leaving other headers unsigned', async () => {
    const request = new Request('https://example.com/x', {
      headers: { Accept: 'application/json', 'User-Agent': 'ua/1', 'X-Custom': 'c' },
    });
    const authorization = await authorizationOf(request);
    expect(signedHeadersOf(authorization)).toBe('host;x-sdk-date');
    expect(authorization).toBe(
      expectedAuthorization(
        `GET\n/x/\n\nhost:example.com\nx-sdk-date:${SDK_DATE}\n\nhost;x-sdk-date\n${EMPTY_BODY_SHA256}`,
        'host;x-sdk-date',
      ),
    );
  });

  it('signs content-type when present (trimmed, name lower-cased)', async () => {
    const body = '{"name":"g"}';
    const request = new Request('https://example.com/v1/groups', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(await authorizationOf(request)).toBe(
      expectedAuthorization(
        'POST\n/v1/groups/\n\ncontent-type:application/json\nhost:example.com\n' +
          `x-sdk-date:${SDK_DATE}\n\ncontent-type;host;x-sdk-date\n${sha256(body)}`,
        'content-type;host;x-sdk-date',
      ),
    );
  });

  it('adds and signs X-Security-Token for temporary credentials', async () => {
    const token = 'gQpjbi1ub3J0aC00-token+/=';
    const signed = await signRequest(
      new Request('https://example.com/'),
      { ...credentials, securityToken: token },
      DATE,
    );
    expect(signed.headers.get(AUTH_HEADERS.securityToken)).toBe(token);
    expect(signed.headers.get(AUTH_HEADERS.authorization)).toBe(
      expectedAuthorization(
        `GET\n/\n\nhost:example.com\nx-sdk-date:${SDK_DATE}\nx-security-token:${token}\n\n` +
          `host;x-sdk-date;x-security-token\n${EMPTY_BODY_SHA256}`,
        'host;x-sdk-date;x-security-token',
      ),
    );
  });

  it('signs an X-Security-Token already on the request', async () => {
    const request = new Request('https://example.com/', {
      headers: { [AUTH_HEADERS.securityToken]: 'tok' },
    });
    expect(signedHeadersOf(await authorizationOf(request))).toBe(
      'host;x-sdk-date;x-security-token',
    );
  });

  it('replaces a stale X-Sdk-Date and Authorization', async () => {
    const request = new Request('https://example.com/', {
      headers: { [AUTH_HEADERS.sdkDate]: '19990101T000000Z', Authorization: 'old' },
    });
    const signed = await signRequest(request, credentials, DATE);
    expect(signed.headers.get(AUTH_HEADERS.sdkDate)).toBe(SDK_DATE);
    expect(signed.headers.get(AUTH_HEADERS.authorization)).toBe(
      await authorizationOf(new Request('https://example.com/')),
    );
  });

  it('takes host from the URL, keeping only a non-default port', async () => {
    const hostOf = async (url: string) => {
      const authorization = await authorizationOf(new Request(url));
      for (const host of ['h', 'h:443', 'h:8443', 'h:80', 'xn--bcher-kva.example']) {
        const canonical = `GET\n/\n\nhost:${host}\nx-sdk-date:${SDK_DATE}\n\nhost;x-sdk-date\n${EMPTY_BODY_SHA256}`;
        if (authorization === expectedAuthorization(canonical, 'host;x-sdk-date')) return host;
      }
      return undefined;
    };
    expect(await hostOf('https://h:8443/')).toBe('h:8443');
    expect(await hostOf('https://h:443/')).toBe('h');
    expect(await hostOf('http://h:80/')).toBe('h');
    expect(await hostOf('http://h:443/')).toBe('h:443');
    expect(await hostOf('https://H/')).toBe('h');
    expect(await hostOf('https://bücher.example/')).toBe('xn--bcher-kva.example');
  });
});

describe('canonical headers', () => {
  it('lower-cases names, trims values and sorts by name', () => {
    expect(
      canonicalHeaders([
        ['X-Sdk-Date', SDK_DATE],
        ['Content-Type', ' \t application/json; charset=utf-8 \v'],
        ['HOST', 'h:8443'],
      ]),
    ).toEqual({
      canonicalHeaders: `content-type:application/json; charset=utf-8\nhost:h:8443\nx-sdk-date:${SDK_DATE}\n`,
      signedHeaders: 'content-type;host;x-sdk-date',
    });
  });
});

describe('payload hash', () => {
  it('hashes the body bytes of a POST', async () => {
    const body = 'héllo wörld';
    const request = new Request('https://example.com/p', {
      method: 'POST',
      body: new TextEncoder().encode(body),
    });
    expect(await authorizationOf(request)).toBe(
      expectedAuthorization(
        `POST\n/p/\n\nhost:example.com\nx-sdk-date:${SDK_DATE}\n\nhost;x-sdk-date\n${sha256(body)}`,
        'host;x-sdk-date',
      ),
    );
  });

  it('uses the empty-body constant for an empty body', async () => {
    const request = new Request('https://example.com/p', { method: 'PUT', body: '' });
    const canonical =
      'PUT\n/p/\n\ncontent-type:text/plain;charset=UTF-8\nhost:example.com\n' +
      `x-sdk-date:${SDK_DATE}\n\ncontent-type;host;x-sdk-date\n${EMPTY_BODY_SHA256}`;
    expect(await authorizationOf(request)).toBe(
      expectedAuthorization(canonical, 'content-type;host;x-sdk-date'),
    );
  });

  it('takes X-Sdk-Content-Sha256 verbatim instead of hashing the body', async () => {
    const request = new Request('https://example.com/p', {
      method: 'POST',
      headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      body: 'ignored',
    });
    const signed = await signRequest(request, credentials, DATE);
    expect(signed.headers.get('x-sdk-content-sha256')).toBe('UNSIGNED-PAYLOAD');
    expect(signed.headers.get(AUTH_HEADERS.authorization)).toBe(
      expectedAuthorization(
        'POST\n/p/\n\ncontent-type:text/plain;charset=UTF-8\nhost:example.com\n' +
          `x-sdk-date:${SDK_DATE}\n\ncontent-type;host;x-sdk-date\nUNSIGNED-PAYLOAD`,
        'content-type;host;x-sdk-date',
      ),
    );
  });
});

describe('the original request', () => {
  it('is not mutated, and method, URL, body, headers and signal carry over', async () => {
    const controller = new AbortController();
    const body = JSON.stringify({ a: 1, b: 'ü' });
    const original = new Request('https://example.com/v1/x?q=1', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 't-1' },
      body,
      signal: controller.signal,
    });
    const headersBefore = [...original.headers];

    const signed = await signRequest(original, credentials, DATE);

    expect(signed).not.toBe(original);
    expect([...original.headers]).toEqual(headersBefore);
    expect(original.headers.has(AUTH_HEADERS.authorization)).toBe(false);
    expect(original.bodyUsed).toBe(false);
    expect(await original.clone().text()).toBe(body);

    expect(signed.method).toBe('PATCH');
    expect(signed.url).toBe('https://example.com/v1/x?q=1');
    expect(signed.headers.get('x-trace')).toBe('t-1');
    expect(signed.headers.get('content-type')).toBe('application/json');
    expect(await signed.text()).toBe(body);

    expect(signed.signal.aborted).toBe(false);
    controller.abort();
    expect(signed.signal.aborted).toBe(true);
  });

  it('works for a GET without body and refuses an already read body', async () => {
    const get = await signRequest(new Request('https://example.com/'), credentials, DATE);
    expect(get.body).toBeNull();
    const used = new Request('https://example.com/', { method: 'POST', body: 'x' });
    await used.text();
    await expect(signRequest(used, credentials, DATE)).rejects.toThrow(TypeError);
  });
});

describe('encoding', () => {
  it('keeps only the RFC 3986 unreserved set', () => {
    expect(encodeRfc3986("!'()*")).toBe('%21%27%28%29%2A');
    expect(encodeRfc3986('AZaz09-_.~')).toBe('AZaz09-_.~');
    expect(encodeRfc3986(' +/%')).toBe('%20%2B%2F%25');
    expect(encodeRfc3986('é中😀')).toBe('%C3%A9%E4%B8%AD%F0%9F%98%80');
    expect(encodeRfc3986("!'()*")).not.toBe(encodeURIComponent("!'()*"));
  });

  it('percent-decodes to raw bytes, leaving malformed escapes alone', () => {
    expect(canonicalQueryString('?v=a%2fb')).toBe('v=a%2Fb');
    expect(canonicalQueryString('?v=%ff%FF')).toBe('v=%FF%FF');
    expect(canonicalQueryString('?v=%zz%4')).toBe('v=%25zz%254');
    expect(canonicalQueryString('?v=%7e%41')).toBe('v=~A');
    expect(canonicalUri('/ü')).toBe('/%C3%BC/');
  });

  it('builds the canonical URI from the decoded path, with a trailing slash', () => {
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('')).toBe('/');
    expect(canonicalUri('/v1.0/apigw/purchases/groups')).toBe('/v1.0/apigw/purchases/groups/');
    expect(canonicalUri('/v1.0/x/')).toBe('/v1.0/x/');
    expect(canonicalUri('/a%20b/%C3%BC')).toBe('/a%20b/%C3%BC/');
    expect(canonicalUri("/it's(1)*!")).toBe('/it%27s%281%29%2A%21/');
    expect(canonicalUri('/%7E~/a+b')).toBe('/~~/a%2Bb/');
    // %2F decodes to a separator, as Go (URL.Path) and Python (unquote) sign it.
    expect(canonicalUri('/a%2Fb')).toBe('/a/b/');
    expect(canonicalUri('//a//')).toBe('//a//');
    expect(canonicalUri('/%FF/%zz')).toBe('/%FF/%25zz/');
  });

  it('signs unicode and reserved characters in the path as sent', async () => {
    const request = new Request("https://example.com/grüße/it's a+b/%2F(x)*!~");
    expect(new URL(request.url).pathname).toBe("/gr%C3%BC%C3%9Fe/it's%20a+b/%2F(x)*!~");
    expect(await authorizationOf(request)).toBe(
      expectedAuthorization(
        'GET\n/gr%C3%BC%C3%9Fe/it%27s%20a%2Bb//%28x%29%2A%21~/\n\nhost:example.com\n' +
          `x-sdk-date:${SDK_DATE}\n\nhost;x-sdk-date\n${EMPTY_BODY_SHA256}`,
        'host;x-sdk-date',
      ),
    );
  });
});

describe('canonical query string', () => {
  it('sorts by key, then by value for repeated keys', () => {
    expect(canonicalQueryString('?page_size=20&page_no=1')).toBe('page_no=1&page_size=20');
    expect(canonicalQueryString('?a=2&b=0&a=10&a=1')).toBe('a=1&a=10&a=2&b=0');
    expect(canonicalQueryString('')).toBe('');
    expect(canonicalQueryString('?')).toBe('');
  });

  it('signs a key without "=" as "key=" and drops empty parts', () => {
    expect(canonicalQueryString('?flag&a=1')).toBe('a=1&flag=');
    expect(canonicalQueryString('?&&a=1&')).toBe('a=1');
    expect(canonicalQueryString('?a=&a')).toBe('a=&a=');
    expect(canonicalQueryString('?=v')).toBe('=v');
  });

  it('decodes then re-encodes reserved characters, "+" staying a literal plus', () => {
    expect(canonicalQueryString("?q=a+b&r=a%20b&s=!'()*&t=~")).toBe(
      'q=a%2Bb&r=a%20b&s=%21%27%28%29%2A&t=~',
    );
    expect(canonicalQueryString('?path=/tmp/123&enc=%2Ftmp')).toBe('enc=%2Ftmp&path=%2Ftmp%2F123');
    expect(canonicalQueryString('?k%3D1=v%26w')).toBe('k%3D1=v%26w');
    expect(canonicalQueryString('?name=%E4%B8%80%20(%26%3D%3F!%23%25.*)')).toBe(
      'name=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
  });

  it('sorts raw keys and values, not their encodings', () => {
    // Raw: k < z < ~ < é. Sorting the encoded text would put %C3%A9 first.
    expect(canonicalQueryString('?%C3%A9=2&~=1&z=3&k=%C3%A9&k=z&%7B=4')).toBe(
      'k=z&k=%C3%A9&z=3&%7B=4&~=1&%C3%A9=2',
    );
  });

  it('sorts by code point (UTF-8 bytes), as Go and Python do', () => {
    // U+FF01 < U+1F600 by code point; UTF-16 code units would flip them.
    expect(
      canonicalQueryString(`?${encodeURIComponent('😀')}=2&${encodeURIComponent('！')}=1`),
    ).toBe('%EF%BC%81=1&%F0%9F%98%80=2');
  });

  it('is what signRequest signs for a URL built by URLSearchParams', async () => {
    const query = new URLSearchParams([
      ['b', 'x y'],
      ['a', '1'],
      ['a', '+'],
    ]);
    const request = new Request(`https://example.com/s?${query}`);
    // URLSearchParams writes the space as "+", so it signs as a literal plus:
    // build query strings with encodeURIComponent (%20) instead.
    expect(request.url).toBe('https://example.com/s?b=x+y&a=1&a=%2B');
    expect(await authorizationOf(request)).toBe(
      expectedAuthorization(
        `GET\n/s/\na=%2B&a=1&b=x%2By\nhost:example.com\nx-sdk-date:${SDK_DATE}\n\n` +
          `host;x-sdk-date\n${EMPTY_BODY_SHA256}`,
        'host;x-sdk-date',
      ),
    );
  });
});

describe('X-Sdk-Date', () => {
  it('formats UTC as YYYYMMDDTHHMMSSZ, dropping milliseconds', () => {
    expect(formatSdkDate(DATE)).toBe(SDK_DATE);
    expect(formatSdkDate(new Date('2024-12-31T23:59:59.999Z'))).toBe('20241231T235959Z');
    expect(formatSdkDate(new Date('2024-03-01T08:00:00+08:00'))).toBe('20240301T000000Z');
  });

  it('rejects invalid dates', () => {
    expect(() => formatSdkDate(new Date('nope'))).toThrow(RangeError);
    expect(() => formatSdkDate(new Date(Date.UTC(10000, 0)))).toThrow(RangeError);
  });
});

describe('errors', () => {
  const secret = 'TopSecretKeyValue123';
  const token = 'TopSecretTokenValue456';
  const request = new Request('https://example.com/');

  async function messageOf(creds: unknown, date?: Date): Promise<string> {
    try {
      await signRequest(request, creds as never, date);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      return String(error);
    }
    throw new Error('expected signRequest to throw');
  }

  it.each([
    [{ accessKey: '', secretKey: secret }, 'credentials.accessKey must be a non-empty string'],
    [{ accessKey: 42, secretKey: secret }, 'credentials.accessKey must be a non-empty string'],
    [{ secretKey: secret }, 'credentials.accessKey must be a non-empty string'],
    [{ accessKey: 'a b', secretKey: secret }, 'credentials.accessKey must be visible ASCII'],
    [{ accessKey: AK, secretKey: '' }, 'credentials.secretKey must be a non-empty string'],
    [{ accessKey: AK, secretKey: 7 }, 'credentials.secretKey must be a non-empty string'],
    [{ accessKey: AK }, 'credentials.secretKey must be a non-empty string'],
    [{ accessKey: AK, secretKey: secret, securityToken: '' }, 'credentials.securityToken'],
    [{ accessKey: AK, secretKey: secret, securityToken: 5 }, 'credentials.securityToken'],
    [
      { accessKey: AK, secretKey: secret, securityToken: `${token}\n` },
      'credentials.securityToken',
    ],
    [{ accessKey: AK, secretKey: secret, securityToken: `${token}é` }, 'credentials.securityToken'],
    [null, 'credentials must be an object'],
  ])('rejects %j with a TypeError naming the parameter', async (creds, expected) => {
    await expect(signRequest(request, creds as never, DATE)).rejects.toThrow(TypeError);
    const message = await messageOf(creds, DATE);
    expect(message).toContain(expected);
    expect(message).not.toContain(secret);
    expect(message).not.toContain(token);
  });

  it('never echoes the secret key or token, whatever fails', async () => {
    const good = { accessKey: AK, secretKey: secret, securityToken: token };
    expect(await messageOf(good, new Date(Number.NaN))).not.toMatch(/TopSecret/);
    const badRequest = await signRequest('https://example.com/' as never, good, DATE).catch(String);
    expect(badRequest).toContain('request must be a Request');
    expect(badRequest).not.toMatch(/TopSecret/);
  });
});

describe('crypto backends', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const node = nodeCryptoBackend();

  it('uses node:crypto through process.getBuiltinModule when Node offers it', () => {
    expect(node?.name).toBe('node');
    expect(cryptoBackend().name).toBe('node');
  });

  it('gives identical sha256 and hmac on both paths', async () => {
    if (node === undefined) throw new Error('node:crypto backend unavailable');
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1 }),
        fc.string({ unit: 'binary' }),
        fc.uint8Array({ maxLength: 300 }),
        async (key, text, bytes) => {
          expect(await webCryptoBackend.sha256Hex(text)).toBe(await node.sha256Hex(text));
          expect(await webCryptoBackend.sha256Hex(bytes)).toBe(await node.sha256Hex(bytes));
          expect(await webCryptoBackend.hmacSha256Hex(key, text)).toBe(
            await node.hmacSha256Hex(key, text),
          );
        },
      ),
      { numRuns: 300 },
    );
    expect(await webCryptoBackend.sha256Hex('')).toBe(EMPTY_BODY_SHA256);
  });

  it('falls back to WebCrypto with the same signatures when getBuiltinModule is missing', async () => {
    const post = () =>
      new Request('https://example.com/a b?x=~&y=é', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"ü":1}',
      });
    const vector = () =>
      new Request(
        'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/purchases/groups?page_no=1&page_size=20',
      );
    const withNode = [await authorizationOf(post()), await authorizationOf(vector())];

    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    expect(nodeCryptoBackend()).toBeUndefined();
    expect(cryptoBackend().name).toBe('webcrypto');
    const withWebCrypto = [await authorizationOf(post()), await authorizationOf(vector())];

    expect(withWebCrypto).toEqual(withNode);
    expect(withWebCrypto[1]).toContain(
      'Signature=f20844ca8ffa0fbcc1c692e0685ddf7592fe748029f48fb9467ac0b0d096ea67',
    );
  });
});

describe('signInPlace (what the client sends with a Request)', () => {
  it('sets exactly the headers signRequest would, on the same Request', async () => {
    const creds = {
      accessKey: 'AccessKey',
      secretKey: 'SecretKey',
      securityToken: 'temporary-token',
    };
    const date = new Date('2006-01-02T15:04:05Z');
    const url =
      'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/purchases/groups/%E7%BB%84?b=2&a=1';
    const copy = await signRequest(new Request(url), creds, date);
    const original = new Request(url);
    await signInPlace((request) => signHeaders(request, creds, date), original);
    for (const name of ['authorization', 'x-sdk-date', 'x-security-token']) {
      expect(original.headers.get(name)).toBe(copy.headers.get(name));
    }
  });
});
