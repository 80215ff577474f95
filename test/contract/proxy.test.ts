// `npm run mock:proxy -- <upstream>`: Prism between a client and a real
// server, reporting where the server breaks the contract. A local node:http
// upstream answers once as documented and once with a body that violates the
// contract; the proxy is the real script, on a free port.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import { isObject, loadContract, resolveRef } from '../support/contract.ts';
import { startMockProxy } from '../support/mock-proxy.ts';

const contract = loadContract();
const seedList = resolveRef(contract, { $ref: '#/components/examples/seedList' });
const validBody = JSON.stringify(isObject(seedList) ? seedList.value : null);
// Strings where the contract wants integers.
const violatingBody = JSON.stringify({
  total: 'one',
  size: 1,
  purchases: [{ ...firstPurchase(), quota_left: 'many' }],
});

const listPath = '/v1.0/apigw/purchases/groups';
const token = { [AUTH_HEADERS.token]: 'token-from-iam' };

let upstream: Server;
let upstreamUrl: string;
const received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  // page_no=1 gets the documented answer, page_no=2 the broken one, page_no=3 a 418.
  upstream = createServer((request, response) => {
    received.push(request.headers);
    const page = new URL(request.url ?? '/', 'http://upstream').searchParams.get('page_no');
    const broken = page === '2';
    if (page === '3') {
      // A status no operation documents.
      response.writeHead(418, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error_code: 'TEA.0418', error_msg: "I'm a teapot" }));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(broken ? violatingBody : validBody);
  });
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  upstream.closeAllConnections();
  upstream.close();
  await once(upstream, 'close');
});

const startProxy = (...flags: string[]) => startMockProxy(upstreamUrl, ...flags);

describe('mock:proxy (violations become errors)', () => {
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  beforeAll(async () => {
    proxy = await startProxy();
  });
  afterAll(() => proxy?.stop());

  it('passes a documented answer through unchanged', async () => {
    received.length = 0;
    const response = await fetch(`${proxy?.url}${listPath}?page_no=1`, { headers: token });
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(await response.text()).toBe(validBody);
    expect(received[0]?.[AUTH_HEADERS.token.toLowerCase()]).toBe(token[AUTH_HEADERS.token]);
  });

  it('answers a violating upstream body with 500 listing each violation', async () => {
    const response = await fetch(`${proxy?.url}${listPath}?page_no=2`, { headers: token });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { type: string; validation: unknown[] };
    expect(problem.type).toMatch(/VIOLATIONS$/);
    expect(problem.validation).toContainEqual(
      expect.objectContaining({ location: ['response', 'body', 'total'], code: 'type' }),
    );
    expect(problem.validation).toContainEqual(
      expect.objectContaining({
        location: ['response', 'body', 'purchases', '0', 'quota_left'],
        code: 'type',
      }),
    );
  });
});

describe('mock:proxy: a status the operation does not document', () => {
  it('is a 500 listing it by default, and passes on, reported, with --report-only', async () => {
    const [strict, reporting] = await Promise.all([startProxy(), startProxy('--report-only')]);
    try {
      const refused = await fetch(`${strict.url}${listPath}?page_no=3`, { headers: token });
      expect(refused.status).toBe(500);
      const problem = (await refused.json()) as { type: string; validation: { message: string }[] };
      expect(problem.type).toMatch(/VIOLATIONS$/);
      expect(problem.validation[0]?.message).toBe(
        'Unable to match the returned status code with those defined in the document: 200,400,401,429,500 (got 418)',
      );
      const passed = await fetch(`${reporting.url}${listPath}?page_no=3`, { headers: token });
      expect(passed.status).toBe(418);
      expect(passed.headers.get('sl-violations')).toContain(
        'Unable to match the returned status code',
      );
      await passed.body?.cancel();
    } finally {
      await Promise.all([strict.stop(), reporting.stop()]);
    }
  });
});

describe('mock:proxy --report-only', () => {
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  beforeAll(async () => {
    proxy = await startProxy('--report-only');
  });
  afterAll(() => proxy?.stop());

  it('passes a documented answer through without violations', async () => {
    const response = await fetch(`${proxy?.url}${listPath}?page_no=1`, { headers: token });
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(await response.text()).toBe(validBody);
  });

  it('passes a violating body through, reporting it in a header and the log', async () => {
    const response = await fetch(`${proxy?.url}${listPath}?page_no=2`, { headers: token });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(violatingBody);
    const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as unknown[];
    expect(violations).toContainEqual(
      expect.objectContaining({ location: ['response', 'body', 'purchases', '0', 'quota_left'] }),
    );
    await vi.waitFor(() => {
      expect(proxy?.output()).toContain(
        'Violation: response.body.purchases.0.quota_left Response body property purchases.0.quota_left must be integer',
      );
    });
  });
});

function firstPurchase(): Record<string, unknown> {
  const value = isObject(seedList) && isObject(seedList.value) ? seedList.value : {};
  const purchases = Array.isArray(value.purchases) ? value.purchases : [];
  return isObject(purchases[0]) ? purchases[0] : {};
}
