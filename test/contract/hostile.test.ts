// Hostile input against `npm run mock` and `npm run mock:proxy`: requests
// that crash Prism 5.14–5.16 when they reach it, bodies on GETs, and
// upstreams that redirect, stall, stream without end or die mid-body. The
// servers must answer every one clearly and stay up.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import { exampleValue } from '../support/contract.ts';
import { type HostileUpstream, startHostileUpstream } from '../support/hostile-upstream.ts';
import { type RunningProxy, startMockProxy } from '../support/mock-proxy.ts';

const list = '/v1.0/apigw/purchases/groups';
const token = { [AUTH_HEADERS.token]: 'token-from-iam' };
// Each of these in the purchase id segment killed Prism (URIError in getPathParams).
const malformed = ['%ZZ', '%', '%FF', '%C0%AF', '%ED%A0%80'];

/** A raw HTTP/1.1 request, so nothing on our side normalises the escapes first. */
function rawRequest(url: string, lines: string[], body = ''): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `${lines.join('\r\n')}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer within 5 s')));
  });
}

function describeGuards(name: string, url: () => string) {
  describe(`${name}: requests Prism must never see`, () => {
    it.each(
      malformed.flatMap((sequence) => [[sequence, true] as const, [sequence, false] as const]),
    )(
      'GET …/groups/%s (credentials: %s) is a 400 with the APIG body, and the server stays up',
      async (sequence, withCredentials) => {
        const response = await rawRequest(url(), [
          `GET ${list}/${sequence} HTTP/1.1`,
          ...(withCredentials ? [`${AUTH_HEADERS.token}: t`] : []),
        ]);
        expect(response).toMatch(/^HTTP\/1\.1 400 /);
        expect(response).toContain('"error_code":"APIG.2000"');
        const after = await fetch(`${url()}${list}`, { headers: token });
        expect(after.status).not.toBe(500);
        await after.body?.cancel();
      },
    );

    it.each([`${list}/`, '/v1.0/apigw/./purchases/groups', '/v1.0/apigw/x/../purchases/groups'])(
      'GET %s, a path Prism routes, gets the contract 401 without credentials',
      async (path) => {
        const response = await rawRequest(url(), [`GET ${path} HTTP/1.1`]);
        expect(response).toMatch(/^HTTP\/1\.1 401 /);
        expect(response).toContain('"error_code":"APIG.1000"');
      },
    );

    it('raw UTF-8 in the request line gets the contract 400 saying to percent-encode', async () => {
      const response = await rawRequest(url(), [
        `GET ${list}?group_name=查询 HTTP/1.1`,
        `${AUTH_HEADERS.token}: t`,
      ]);
      expect(response).toMatch(/^HTTP\/1\.1 400 /);
      expect(response).toContain('"error_code":"APIG.2000"');
      expect(response).toMatch(/X-Mock-Problem: .*percent-encode it as UTF-8/);
    });

    it('a malformed escape in the query is refused too', async () => {
      const response = await rawRequest(url(), [
        `GET ${list}?group_name=%E4%B8 HTTP/1.1`,
        `${AUTH_HEADERS.token}: t`,
      ]);
      expect(response).toMatch(/^HTTP\/1\.1 400 /);
    });

    it('a body on a GET is refused before it is read, before credentials count', async () => {
      const big = 'x'.repeat(64 * 1024);
      const started = Date.now();
      const response = await rawRequest(
        url(),
        [
          `GET ${list} HTTP/1.1`,
          'Content-Type: application/json',
          `Content-Length: ${10 * 1024 * 1024}`,
        ],
        big,
      );
      expect(response).toMatch(/^HTTP\/1\.1 400 /);
      expect(response).toMatch(/x-mock-problem: these GET operations take no request body/i);
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });
}

describeGuards('npm run mock', () => inject('mockUrl'));
describeGuards('npm run mock -- --examples', () => inject('examplesMockUrl'));

describe('npm run mock:proxy against a hostile upstream', () => {
  let upstream: HostileUpstream;
  let proxy: RunningProxy | undefined;
  let reportOnly: RunningProxy | undefined;
  beforeAll(async () => {
    upstream = await startHostileUpstream();
    [proxy, reportOnly] = await Promise.all([
      startMockProxy(upstream.url, '--upstream-timeout', '1500', '--max-body', '1000000'),
      startMockProxy(upstream.url, '--report-only'),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([proxy?.stop(), reportOnly?.stop()]);
    await upstream?.close();
  });

  const call = (behaviour: string, base = proxy?.url) =>
    fetch(`${base}${list}?group_name=${behaviour}`, { headers: token });

  describeGuards('npm run mock:proxy', () => proxy?.url ?? '');

  it('passes a good answer through', async () => {
    expect((await call('good')).status).toBe(200);
  });

  it('never follows a redirect: 502 naming the origin, nothing sent there', async () => {
    const response = await call('redirect');
    expect(response.status).toBe(502);
    expect(response.headers.get('x-mock-proxy-error')).toBe('redirect');
    expect(((await response.json()) as { error_msg: string }).error_msg).toMatch(
      /answered 302 to http:\/\/127\.0\.0\.1:\d+; redirects are not followed/,
    );
    expect(upstream.elsewhere).toEqual([]);
  });

  it('passes a 304 Not Modified on as what it is, not as a refused redirect', async () => {
    for (const base of [proxy?.url, reportOnly?.url]) {
      const response = await call('not-modified', base);
      expect(response.headers.get('x-mock-proxy-error')).toBeNull();
      expect(response.status).toBe(304);
    }
  });

  it('answers an unparsable Location like any redirect, and stays up', async () => {
    const response = await call('bad-location');
    expect(response.status).toBe(502);
    expect(response.headers.get('x-mock-proxy-error')).toBe('redirect');
    expect(((await response.json()) as { error_msg: string }).error_msg).toContain(
      'answered 302 to an unparsable Location',
    );
    expect((await call('good')).status).toBe(200);
  });

  it.each(['gzip', 'deflate', 'br'])(
    'decodes a %s answer before Prism validates it, whatever the client accepts',
    async (encoding) => {
      upstream.received.length = 0;
      const response = await fetch(`${proxy?.url}${list}?group_name=${encoding}`, {
        headers: { ...token, 'Accept-Encoding': 'gzip, deflate, br' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('sl-violations')).toBeNull();
      expect(await response.json()).toEqual(exampleValue('seedList'));
      // Identity is what the proxy asks of the upstream.
      expect(upstream.received.at(-1)?.['accept-encoding']).toBe('identity');
    },
  );

  it('counts decoded bytes against --max-body: a gzip bomb is a 502', async () => {
    const response = await call('gzip-bomb');
    expect(response.status).toBe(502);
    expect(response.headers.get('x-mock-proxy-error')).toBe('too-large');
    expect((await call('good')).status).toBe(200);
  });

  it('answers 504 when the upstream stalls past --upstream-timeout', async () => {
    const started = Date.now();
    const response = await call('stall');
    expect(response.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('answers 502 when the body passes --max-body, and stops reading it', async () => {
    const response = await call('endless');
    expect(response.status).toBe(502);
    expect(response.headers.get('x-mock-proxy-error')).toBe('too-large');
  });

  it.each(['cut-off', 'cut-chunked'])(
    'answers 502 within a second when the upstream dies mid-body (%s)',
    async (how) => {
      const started = Date.now();
      const response = await call(how);
      expect(response.status).toBe(502);
      expect(response.headers.get('x-mock-proxy-error')).toBe('cut-off');
      expect(Date.now() - started).toBeLessThan(1_000);
    },
  );

  it('--report-only passes a non-JSON body through unchanged, reporting it', async () => {
    const response = await call('not-json', reportOnly?.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<html>maintenance</html>');
    expect(response.headers.get('x-upstream-content-type')).toBe('application/json');
    expect(response.headers.get('sl-violations')).toBeTruthy();
  });
});
