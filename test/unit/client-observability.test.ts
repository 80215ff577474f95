// What a call tells its user besides the body: response metadata on
// success (withResponse), attempts and time in errors, the onAttempt hook,
// and the AK/SK clock-skew diagnosis, against real node:http servers on
// 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import {
  ApigError,
  ApigNetworkError,
  type AttemptEvent,
  createPurchasesClient,
  type PurchasesClientOptions,
} from '../../src/index.ts';
import { formatOffset } from '../../src/shared/clock-skew.ts';
import { exampleValue } from '../support/contract.ts';
import { type ScriptedServer, type Step, startScriptedServer } from '../support/scripted-server.ts';

const seedList = exampleValue('seedList');
const throttled = exampleValue('throttled');
const fastRetry = { attempts: 3, baseDelayMs: 5, maxDelayMs: 2_000 };
const AKSK = {
  accessKey: 'HPUAOBSERVABILITY001',
  secretKey: 'observability-secret-key-0123456789',
  securityToken: 'observability-security-token-xyz',
};
const TOKEN = 'observability-iam-token-0123456789';

let server: ScriptedServer | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function clientFor(script: Step[], options: Partial<PurchasesClientOptions> = {}) {
  server = await startScriptedServer(script);
  return createPurchasesClient({
    baseUrl: server.url,
    credentials: { token: TOKEN },
    retry: fastRetry,
    ...options,
  });
}

describe('withResponse', () => {
  it('gives the body with status, headers, request id, attempts and time', async () => {
    const client = await clientFor([
      { status: 503, body: exampleValue('internalServerError') },
      { status: 200, body: seedList, headers: { 'X-Request-Id': 'req-0123', 'X-Extra': 'yes' } },
    ]);
    const { data, response } = await client.withResponse.listPurchasedGroups({ page_size: 3 });
    expect(data).toEqual(seedList);
    expect(response).toMatchObject({
      status: 200,
      statusText: 'OK',
      requestId: 'req-0123',
      attempts: 2,
    });
    expect(response.headers.get('X-Extra')).toBe('yes');
    expect(response.elapsedMs).toBeGreaterThan(0);
    // The plain form is unchanged.
    await expect(client.listPurchasedGroups()).resolves.toEqual(seedList);
  });

  it('has every single-call method of the table, and no iterator', async () => {
    const client = await clientFor([{ status: 200, body: exampleValue('seedDetail') }]);
    expect(Object.keys(client.withResponse).sort()).toEqual(Object.keys(operations).sort());
    const { data, response } = await client.withResponse.getPurchasedGroup('p-1');
    expect(data).toEqual(exampleValue('seedDetail'));
    expect(response.requestId).toBeUndefined();
  });

  it('rejects as the plain method does', async () => {
    const client = await clientFor([{ status: 404, body: exampleValue('subscriptionNotFound') }]);
    await expect(client.withResponse.getPurchasedGroup('missing')).rejects.toBeInstanceOf(
      ApigError,
    );
  });
});

describe('attempts in errors', () => {
  it('a 429 retried twice says so, with the total time', async () => {
    const client = await clientFor([{ status: 429, body: throttled }]);
    const error = (await client.listPurchasedGroups().catch((e: unknown) => e)) as ApigError;
    expect(error).toBeInstanceOf(ApigError);
    expect(error.attempts).toBe(3);
    expect(error.elapsedMs).toBeGreaterThan(0);
    expect(error.message).toMatch(/ after 3 attempts \(2 retries\) in \d+ ms$/);
    expect(server?.requests).toHaveLength(3);
  });

  it('a network error gives attempts and time too', async () => {
    const client = await clientFor([{ destroy: true }]);
    const error = (await client.listPurchasedGroups().catch((e: unknown) => e)) as ApigNetworkError;
    expect(error).toBeInstanceOf(ApigNetworkError);
    expect(error.attempts).toBe(3);
    expect(error.elapsedMs).toBeGreaterThan(0);
    expect(error.message).toMatch(/ after 3 attempts \(2 retries\) in \d+ ms$/);
  });
});

describe('onAttempt', () => {
  it('is called for every attempt with method, path, status, duration and number', async () => {
    const events: AttemptEvent[] = [];
    const client = await clientFor(
      [
        { status: 503 },
        { destroy: true },
        { status: 200, body: seedList, headers: { 'X-Request-Id': 'r-3' } },
      ],
      { onAttempt: (event) => events.push(event) },
    );
    await client.listPurchasedGroups({ group_name: 'api_group_001' });
    expect(events.map((e) => [e.attempt, e.status, e.willRetry])).toEqual([
      [1, 503, true],
      [2, undefined, true],
      [3, 200, false],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ method: 'GET', path: '/v1.0/apigw/purchases/groups' });
      expect(event.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(events[1]?.error).toBeInstanceOf(Error);
    expect(events[2]?.requestId).toBe('r-3');
    expect(events[0]?.requestHeaders['x-auth-token']).toBe('[redacted]');
  });

  it('never sees a credential, token or AK/SK', async () => {
    for (const credentials of [{ token: TOKEN }, AKSK]) {
      const events: AttemptEvent[] = [];
      const client = await clientFor([{ status: 401, body: exampleValue('incorrectToken') }], {
        credentials,
        onAttempt: (event) => events.push(event),
      });
      // A caller header that repeats a secret is redacted as well.
      await client
        .listPurchasedGroups(
          {},
          {
            headers: {
              'X-Echo': `copy of ${'token' in credentials ? credentials.token : credentials.secretKey}`,
            },
          },
        )
        .catch(() => undefined);
      await server?.close();
      server = undefined;
      const seen = JSON.stringify(events);
      expect(events).toHaveLength(1);
      for (const secret of [TOKEN, AKSK.secretKey, AKSK.securityToken])
        expect(seen).not.toContain(secret);
      expect(seen).not.toMatch(/Signature=[0-9a-f]{16}/);
      expect(events[0]?.requestHeaders['x-echo']).toBe('copy of [redacted]');
    }
  });

  it('fails the call with what the hook throws', async () => {
    const client = await clientFor([{ status: 200, body: seedList }], {
      onAttempt: () => {
        throw new Error('metrics backend down');
      },
    });
    await expect(client.listPurchasedGroups()).rejects.toThrow('metrics backend down');
  });
});

/**
 * A gateway whose clock is `skewMs` ahead of ours: it answers 401 APIGW.0301
 * to a signature dated more than 15 minutes from its clock, 200 otherwise,
 * and sends its time in `Date` as APIG does.
 */
async function skewedGateway(skewMs: number) {
  const dates: string[] = [];
  const gateway = createServer((request, response) => {
    const now = Date.now() + skewMs;
    const sdkDate = String(request.headers['x-sdk-date'] ?? '');
    dates.push(sdkDate);
    // YYYYMMDDTHHMMSSZ as an ISO date-time.
    const iso = sdkDate.replace(
      /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
      '$1-$2-$3T$4:$5:$6Z',
    );
    const signedAt = Date.parse(iso);
    const ok = Math.abs(now - signedAt) <= 15 * 60_000;
    const body = ok ? seedList : exampleValue('signatureRejected');
    response.writeHead(ok ? 200 : 401, {
      'Content-Type': 'application/json',
      Date: new Date(now).toUTCString(),
    });
    response.end(JSON.stringify(body));
  });
  servers.push(gateway);
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`, dates };
}

/**
 * The offset an error names (`17 min 12 s`), in ms. The gateway's `Date`
 * header has whole seconds and the answer takes time to arrive, so what the
 * client measures lies up to a second (plus latency) below the true skew: the
 * tests compare it with a tolerance, never to the second.
 */
function namedOffsetMs(message: string): number {
  const named =
    /your clock is (?:(\d+) h )?(?:(\d+) min )?(\d+) s (?:behind|ahead of) the gateway's/.exec(
      message,
    );
  if (!named) throw new Error(`no clock offset named in: ${message}`);
  const [, h = '0', min = '0', s = '0'] = named;
  return ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000;
}

/** Whole-second Date header, rounding, latency: 3 s below, 1 s above the truth. */
function expectNear(measuredMs: number, trueMs: number) {
  expect(measuredMs).toBeGreaterThanOrEqual(trueMs - 3_000);
  expect(measuredMs).toBeLessThanOrEqual(trueMs + 1_000);
}

describe('formatOffset', () => {
  it('names hours, minutes and seconds, rounding to the second', () => {
    expect(formatOffset(1_032_400)).toBe('17 min 12 s');
    expect(formatOffset(-1_032_600)).toBe('17 min 13 s');
    expect(formatOffset(45_000)).toBe('45 s');
    expect(formatOffset(3_780_000)).toBe('1 h 3 min 0 s');
  });
});

describe('clock skew (AK/SK)', () => {
  const skew = (17 * 60 + 12) * 1000 + 400;

  it('a 401 from a gateway whose clock is ahead names the offset', async () => {
    const gateway = await skewedGateway(skew);
    const client = createPurchasesClient({ baseUrl: gateway.url, credentials: AKSK });
    const error = (await client.listPurchasedGroups().catch((e: unknown) => e)) as ApigError;
    expect(error).toBeInstanceOf(ApigError);
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/your clock is 17 min \d+ s behind the gateway's/);
    expectNear(namedOffsetMs(error.message), skew);
    expect(error.message).toContain('correctClockSkew: true');
    expectNear(error.clockSkewMs ?? Number.NaN, skew);
    expect(gateway.dates).toHaveLength(1);
  });

  it('and one that is behind', async () => {
    const behind = 20 * 60_000 + 5_000;
    const gateway = await skewedGateway(-behind);
    const client = createPurchasesClient({ baseUrl: gateway.url, credentials: AKSK });
    const error = (await client.listPurchasedGroups().catch((e: unknown) => e)) as ApigError;
    expect(error.message).toMatch(/your clock is 20 min \d+ s ahead of the gateway's/);
    // Ahead of the gateway: the truncated Date header reads up to a second further off.
    expectNear(-namedOffsetMs(error.message), -behind - 1_000);
    expectNear(error.clockSkewMs ?? Number.NaN, -behind - 1_000);
  });

  it('correctClockSkew signs again once, dated by the gateway, and keeps the offset', async () => {
    const gateway = await skewedGateway(skew);
    const events: AttemptEvent[] = [];
    const client = createPurchasesClient({
      baseUrl: gateway.url,
      credentials: AKSK,
      correctClockSkew: true,
      retry: false,
      onAttempt: (event) => events.push(event),
    });
    const first = await client.withResponse.listPurchasedGroups();
    expect(first.data).toEqual(seedList);
    expect(first.response.attempts).toBe(2);
    expect(events.map((e) => e.status)).toEqual([401, 200]);
    await expect(client.listPurchasedGroups()).resolves.toEqual(seedList);
    expect(gateway.dates).toHaveLength(3);
    expect(gateway.dates[1]).not.toBe(gateway.dates[0]);
  });

  it('says nothing of clocks when they agree, or for a token', async () => {
    const rejected = { status: 401, body: exampleValue('signatureRejected') };
    const inTime = await clientFor([{ ...rejected, headers: { Date: new Date().toUTCString() } }], {
      credentials: AKSK,
    });
    const wrongKey = (await inTime.listPurchasedGroups().catch((e: unknown) => e)) as ApigError;
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.clockSkewMs).toBeUndefined();
    expect(wrongKey.message).not.toContain('clock');
    await server?.close();
    const late = { Date: new Date(Date.now() + skew).toUTCString() };
    const token = await clientFor([{ ...rejected, headers: late }]);
    const error = (await token.listPurchasedGroups().catch((e: unknown) => e)) as ApigError;
    expect(error.clockSkewMs).toBeUndefined();
    expect(error.message).not.toContain('clock');
  });
});
