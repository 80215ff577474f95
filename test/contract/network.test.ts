// The network profile, token lifetime and signature checks, in the HTTP mock
// (`npm run mock`'s front, mock/start-mock.ts) and in the MSW handlers, given
// the same profile, seed, keys and clock: every request goes to both, in the
// same order, and both must meet it alike (the same status and body, the same
// reset, the same silence). Both draw from their seeded sequences in lockstep.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import type { ICredential } from '@huaweicloud/huaweicloud-sdk-core/auth/ICredential.js';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../mock/start-mock.ts';
import { ApigError, createPurchasesClient } from '../../src/index.ts';
import dataset from '../../src/mock/dataset.json' with { type: 'json' };
import { checkDataset } from '../../src/mock/dataset.ts';
import { createPurchasesHandlers } from '../../src/mock/msw.ts';
import { checkProfile } from '../../src/mock/network-profile.ts';
import { formatSdkDate } from '../../src/signing/canonical.ts';
import { signHeaders } from '../../src/signing/signer.ts';

const data = checkDataset(dataset, 'src/mock/dataset.json');
const list = '/v1.0/apigw/purchases/groups';
const apis = '/v1.0/apigw/purchases/apis';
const detail = `${list}/${data.purchases[5]?.id}`;
const keys = { accessKey: 'MOCKACCESSKEY01', secretKey: 'mock-secret-key-of-the-test-0001' };
const profile = {
  latency: '0-2',
  faults: { 429: 0.15, 500: 0.1, reset: 0.1 },
  tokenTtl: 1,
  operations: {
    getPurchasedGroup: { faults: { 404: 0.25, reset: 0.1 } },
    // No faults here: what the token and signature tests expect is certain.
    listPurchasedApis: { faults: {} },
  },
};
const seed = 4242;
// The mock's clock: the real one, moved by the tests (a token's lifetime, a skewed client).
let offsetMs = 0;
const now = () => Date.now() + offsetMs;

const mswOrigin = 'http://network.msw.test';
const lines: string[] = [];
const server = setupServer(
  ...createPurchasesHandlers({
    baseUrl: mswOrigin,
    profile,
    seed,
    verifySignatures: keys,
    now,
    onLine: (line) => lines.push(line),
  }),
);
let mock: RunningMock;
const mockLines: string[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  mock = await startMock({
    mode: 'data',
    host: '127.0.0.1',
    data,
    readyTimeoutMs: 30_000,
    network: { profile: checkProfile(profile, 'test'), seed, verify: keys, now },
    onMockLine: (line) => mockLines.push(line),
  });
});
afterAll(async () => {
  server.close();
  await mock?.stop();
});

type Outcome = { status: number; body: unknown; problem: string | null } | 'reset' | 'no answer';

async function outcomeOf(url: string, headers: HeadersInit, waitMs = 10_000): Promise<Outcome> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(waitMs) });
    const body: unknown = await response.json();
    return { status: response.status, body, problem: response.headers.get('X-Mock-Problem') };
  } catch (error) {
    return (error as Error).name === 'TimeoutError' ? 'no answer' : 'reset';
  }
}

/** The same request to the HTTP mock, then to MSW: what each did. */
async function both(target: string, headers: HeadersInit = {}, waitMs?: number) {
  const http = await outcomeOf(`${mock.url}${target}`, headers, waitMs);
  const msw = await outcomeOf(`${mswOrigin}${target}`, headers, waitMs);
  return { http, msw };
}

const token = { 'X-Auth-Token': 'token-a' };
const kind = (outcome: Outcome) => (typeof outcome === 'string' ? outcome : outcome.status);

describe('a seeded profile: latency and faults', () => {
  const targets = Array.from(
    { length: 90 },
    (_, index) => [`${list}?page_size=2`, detail, `${apis}?page_size=1`][index % 3] ?? list,
  );
  let sequence: (number | string)[] = [];

  it('the HTTP mock and the MSW handlers meet 90 requests alike', async () => {
    for (const target of targets) {
      const { http, msw } = await both(target, token);
      expect(msw, target).toEqual(http);
      sequence.push(kind(http));
    }
    // Not vacuous: every fault of the profile happened, and so did the data.
    for (const expected of [200, 429, 500, 404, 'reset']) expect(sequence).toContain(expected);
    // listPurchasedApis has no faults of its own: every third request is a 200.
    expect(sequence.filter((_, index) => index % 3 === 2).every((status) => status === 200)).toBe(
      true,
    );
  });

  it('the same seed replays the same faults; another seed does not', async () => {
    const replay = async (withSeed: number, origin: string) => {
      const replayer = setupServer(
        ...createPurchasesHandlers({ baseUrl: origin, profile, seed: withSeed }),
      );
      replayer.listen({ onUnhandledRequest: 'bypass' });
      try {
        const seen: (number | string)[] = [];
        for (const target of targets) seen.push(kind(await outcomeOf(`${origin}${target}`, token)));
        return seen;
      } finally {
        replayer.close();
      }
    };
    server.close();
    try {
      expect(await replay(seed, 'http://replay.msw.test')).toEqual(sequence);
      expect(await replay(seed + 1, 'http://other.msw.test')).not.toEqual(sequence);
    } finally {
      server.listen({ onUnhandledRequest: 'bypass' });
    }
  });

  it('says each injected fault in one log line, alike', () => {
    const injected = (all: string[]) => all.filter((line) => line.includes('(injected: faults'));
    expect(injected(mockLines).length).toBe(sequence.filter((s) => s !== 200).length);
    expect(injected(lines).length).toBe(injected(mockLines).length);
    expect(mockLines.find((line) => line.includes('429'))).toMatch(
      /^mock: GET \/v1\.0\/apigw\/purchases\/.* 429 \(injected: faults 429=0\.15\)/,
    );
    sequence = [];
  });
});

describe('Prefer: fault= and delay=, per request', () => {
  it('fault=reset closes the connection; fault=timeout never answers', async () => {
    expect(await both(apis, { ...token, Prefer: 'fault=reset' })).toEqual({
      http: 'reset',
      msw: 'reset',
    });
    expect(await both(apis, { ...token, Prefer: 'fault=timeout' }, 400)).toEqual({
      http: 'no answer',
      msw: 'no answer',
    });
  });

  it('fault=429 is APIG throttling, with the contract body', async () => {
    const { http, msw } = await both(apis, { ...token, Prefer: 'fault=429' });
    expect(msw).toEqual(http);
    expect(http).toMatchObject({ status: 429, body: { error_code: 'APIGW.0308' } });
  });

  it('a fault the operation cannot have is the mock refusing, said in error_msg', async () => {
    const { http, msw } = await both(apis, { ...token, Prefer: 'fault=404' });
    expect(msw).toEqual(http);
    expect(http).toMatchObject({
      status: 400,
      body: {
        error_msg:
          'mock: Prefer fault=404 is not a fault listPurchasedApis can have (reset, timeout, 400, 401, 429, 500)',
      },
    });
  });

  it('delay=300 holds the answer at least that long', async () => {
    for (const origin of [mock.url, mswOrigin]) {
      const started = performance.now();
      const response = await fetch(`${origin}${apis}`, {
        headers: { ...token, Prefer: 'delay=300' },
      });
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    }
  });
});

describe('a token expires tokenTtl minutes after its first use', () => {
  it('then gets 401 APIG.1001; a new token is accepted', async () => {
    const fresh = { 'X-Auth-Token': 'token-ttl-test' };
    expect(kind((await both(apis, fresh)).http)).toBe(200);
    offsetMs += 50_000;
    expect(await both(apis, fresh)).toMatchObject({ http: { status: 200 }, msw: { status: 200 } });
    offsetMs += 20_000;
    const expired = await both(apis, fresh);
    expect(expired.msw).toEqual(expired.http);
    expect(expired.http).toMatchObject({ status: 401, body: { error_code: 'APIG.1001' } });
    expect(await both(apis, { 'X-Auth-Token': 'after-login' })).toMatchObject({
      http: { status: 200 },
      msw: { status: 200 },
    });
    offsetMs = 0;
  });
});

describe('signatures checked as APIG checks them', () => {
  const client = (baseUrl: string, secretKey = keys.secretKey, correctClockSkew = false) =>
    createPurchasesClient({
      baseUrl,
      credentials: { accessKey: keys.accessKey, secretKey },
      retry: false,
      correctClockSkew,
    });

  it("accepts this project's signer and Huawei's", async () => {
    for (const origin of [mock.url, mswOrigin]) {
      const page = await client(origin).listPurchasedApis({ page_size: 2 });
      expect(page.size).toBe(2);
      const url = new URL(`${origin}${apis}?page_size=3&api_name=${encodeURIComponent('查询')}`);
      const credential = { getAk: () => keys.accessKey, getSk: () => keys.secretKey };
      const theirs = AKSKSigner.sign(
        {
          endpoint: `${url.origin}${url.pathname}`,
          method: 'GET',
          headers: { 'X-Sdk-Date': formatSdkDate(new Date(now())) },
          queryParams: { page_size: '3', api_name: '查询' },
        },
        credential as unknown as ICredential,
      ) as Record<string, string>;
      const { host: _host, ...sent } = theirs;
      const response = await fetch(url, { headers: sent });
      expect(response.status, origin).toBe(200);
    }
  });

  it('refuses one byte changed, another secret key, junk, with 401 APIGW.0301', async () => {
    const url = `${apis}?page_size=4`;
    const signed = await signHeaders(
      { method: 'GET', url: `${mock.url}${url}` },
      keys,
      new Date(now()),
    );
    const mswSigned = await signHeaders(
      { method: 'GET', url: `${mswOrigin}${url}` },
      keys,
      new Date(now()),
    );
    const tampered = `${apis}?page_size=5`;
    const http = await outcomeOf(`${mock.url}${tampered}`, signed);
    const msw = await outcomeOf(`${mswOrigin}${tampered}`, mswSigned);
    expect(msw).toEqual(http);
    expect(http).toMatchObject({
      status: 401,
      body: { error_code: 'APIGW.0301' },
      problem: expect.stringContaining('does not match'),
    });
    for (const origin of [mock.url, mswOrigin]) {
      const wrong = await client(origin, 'another-secret-key')
        .listPurchasedApis()
        .catch((e) => e);
      expect(wrong).toBeInstanceOf(ApigError);
      expect(wrong).toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
      expect(String(wrong.message)).not.toContain('another-secret-key');
    }
    const junk = await both(apis, { Authorization: 'junk' });
    expect(junk.msw).toEqual(junk.http);
    expect(junk.http).toMatchObject({ status: 401, body: { error_code: 'APIGW.0301' } });
    // Tokens pass as before.
    expect(await both(apis, { 'X-Auth-Token': 'token-b' })).toMatchObject({
      http: { status: 200 },
      msw: { status: 200 },
    });
  });

  it("a client clock 20 minutes off: 401, the client's diagnosis, and its correction", async () => {
    offsetMs = 20 * 60_000;
    try {
      for (const origin of [mock.url, mswOrigin]) {
        const error = await client(origin)
          .listPurchasedApis()
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ApigError);
        const { clockSkewMs, message } = error as ApigError;
        expect(Math.abs((clockSkewMs ?? 0) - 20 * 60_000)).toBeLessThan(60_000);
        expect(message).toMatch(/your clock is (19|20) min .*behind the gateway's/);
        const corrected = await client(origin, keys.secretKey, true).listPurchasedApis();
        expect(corrected.size).toBeGreaterThan(0);
      }
    } finally {
      offsetMs = 0;
    }
  });
});
