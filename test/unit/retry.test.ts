// Timeouts and retries against a real node:http server on 127.0.0.1 that
// fails, stalls or drops the connection on cue.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApigError,
  ApigNetworkError,
  createPurchasesClient,
  type PurchasesClientOptions,
} from '../../src/index.ts';
import {
  backoffDelay,
  DEFAULT_RETRY,
  parseRetryAfter,
  resolveRetryPolicy,
} from '../../src/transport/retry-policy.ts';
import { exampleValue } from '../support/contract.ts';
import { type ScriptedServer, type Step, startScriptedServer } from '../support/scripted-server.ts';

const seedList = exampleValue('seedList');
const ok: Step = { status: 200, body: seedList };
const unavailable: Step = { status: 503, body: exampleValue('internalServerError') };
const fastRetry = { attempts: 4, baseDelayMs: 5, maxDelayMs: 2_000 };

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(script: Step[], options: Partial<PurchasesClientOptions> = {}) {
  server = await startScriptedServer(script);
  return createPurchasesClient({
    baseUrl: server.url,
    credentials: { token: 't' },
    retry: fastRetry,
    ...options,
  });
}

describe('retries', () => {
  it('retries 503, 502, 504 and 429 and then succeeds', async () => {
    const client = await clientFor([unavailable, { status: 502 }, { status: 429 }, ok]);
    await expect(client.listPurchasedGroups()).resolves.toEqual(seedList);
    expect(server?.requests).toHaveLength(4);
  });

  it('gives up after the configured number of attempts with the last ApigError', async () => {
    const client = await clientFor([unavailable]);
    const error = await client.listPurchasedGroups().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApigError);
    expect((error as ApigError).status).toBe(503);
    expect(server?.requests).toHaveLength(fastRetry.attempts);
  });

  it('does not retry statuses that will not change (400, 401, 404, 500)', async () => {
    for (const status of [400, 401, 404, 500]) {
      const client = await clientFor([{ status, body: exampleValue('parameterError') }, ok]);
      await expect(client.listPurchasedGroups()).rejects.toMatchObject({ status });
      expect(server?.requests).toHaveLength(1);
      await server?.close();
      server = undefined;
    }
  });

  it('honours Retry-After (seconds) before the next attempt', async () => {
    const client = await clientFor([{ status: 429, headers: { 'Retry-After': '1' } }, ok]);
    await client.listPurchasedGroups();
    const [first, second] = server?.requests ?? [];
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('stops retrying when Retry-After asks for longer than maxDelayMs', async () => {
    const client = await clientFor([{ status: 503, headers: { 'Retry-After': '120' } }, ok]);
    await expect(client.listPurchasedGroups()).rejects.toMatchObject({ status: 503 });
    expect(server?.requests).toHaveLength(1);
  });

  it('retries a dropped connection, then reports ApigNetworkError with the attempt count', async () => {
    const recovering = await clientFor([{ destroy: true }, { destroy: true }, ok]);
    await expect(recovering.listPurchasedGroups()).resolves.toEqual(seedList);
    await server?.close();

    const failing = await clientFor([{ destroy: true }], { retry: { ...fastRetry, attempts: 2 } });
    const error = await failing.listPurchasedGroups().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApigNetworkError);
    expect(error).toMatchObject({
      attempts: 2,
      timedOut: false,
      path: '/v1.0/apigw/purchases/groups',
    });
    expect((error as Error).message).toMatch(
      /^GET \/v1\.0\/apigw\/purchases\/groups failed \(fetch failed/,
    );
  });

  it('times out each attempt and retries a stalled server', async () => {
    const client = await clientFor([{ ...ok, delayMs: 5_000 }, ok], { timeoutMs: 200 });
    await expect(client.listPurchasedGroups()).resolves.toEqual(seedList);
    expect(server?.requests).toHaveLength(2);
  });

  it('reports a timeout on the last attempt as timedOut', async () => {
    const client = await clientFor([{ ...ok, delayMs: 5_000 }], {
      timeoutMs: 100,
      retry: { ...fastRetry, attempts: 2 },
    });
    const error = await client.listPurchasedGroups().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ApigNetworkError', timedOut: true, attempts: 2 });
    expect((error as Error).message).toMatch(
      /^GET \/v1\.0\/apigw\/purchases\/groups timed out after 2 attempts \(1 retry\) in \d+ ms$/,
    );
  });

  it("honours the caller's signal, also during backoff, without further attempts", async () => {
    const client = await clientFor([{ status: 503, headers: { 'Retry-After': '1' } }, ok]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left the page')), 100);
    await expect(client.listPurchasedGroups({}, { signal: controller.signal })).rejects.toThrow(
      'user left the page',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(server?.requests).toHaveLength(1);
  });

  it('signs every AK/SK attempt afresh with a new X-Sdk-Date', async () => {
    const client = await clientFor([{ status: 503, headers: { 'Retry-After': '1' } }, ok], {
      credentials: { accessKey: 'AK', secretKey: 'SK' },
    });
    await client.listPurchasedGroups();
    const [first, second] = server?.requests ?? [];
    expect(first?.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(second?.headers['x-sdk-date']).not.toBe(first?.headers['x-sdk-date']);
    expect(second?.headers.authorization).not.toBe(first?.headers.authorization);
  });

  it('retry: false makes a single attempt', async () => {
    const client = await clientFor([unavailable, ok], { retry: false });
    await expect(client.listPurchasedGroups()).rejects.toMatchObject({ status: 503 });
    expect(server?.requests).toHaveLength(1);
  });
});

describe('retry policy', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 1))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(100);
  });

  it('reads Retry-After as seconds or as a future HTTP date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfter('Monday, 23-Nov-26 10:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it.each([
    ['-5', 'negative (Date.parse reads it as a date in 2001)'],
    ['1.5', 'a fraction'],
    ['soon', 'garbage'],
    ['2026-11-23T10:00:07Z', 'not an HTTP date'],
    ['Mon, 23 Nov 2026 09:00:00 GMT', 'in the past'],
    ['   ', 'blank'],
  ])('falls back to the normal backoff for Retry-After %j (%s)', (header) => {
    expect(parseRetryAfter(header, Date.parse('2026-11-23T10:00:00Z'))).toBeUndefined();
  });

  it('rejects nonsense settings with the option name', () => {
    expect(() => resolveRetryPolicy({ attempts: 0 })).toThrow(
      'retry.attempts must be an integer of at least 1',
    );
    expect(() => resolveRetryPolicy({ baseDelayMs: -1 })).toThrow('retry.baseDelayMs');
    expect(resolveRetryPolicy(false).attempts).toBe(1);
  });
});
