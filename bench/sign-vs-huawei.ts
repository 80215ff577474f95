// Our signer next to Huawei's AKSKSigner.sign on the same 200 generated
// requests, side by side in one process: a warm-up pass each, then
// alternating rounds, and the median round is compared. Two rows: signHeaders
// (method, URL, headers and body in, headers out: what AKSKSigner.sign does)
// and signRequest (a Request in, a signed copy out). Path segments avoid
// characters the Huawei Node SDK double-encodes, so both sides sign identical
// requests.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import type { ICredential } from '@huaweicloud/huaweicloud-sdk-core/auth/ICredential.js';
import { isMain } from '../lib/is-main.ts';
import type { AkSkCredentials, SignableRequest } from '../src/index.ts';
import { AUTH_HEADERS } from '../src/index.ts';
import { formatSdkDate } from '../src/signing/canonical.ts';
import { median } from './support/median.ts';
import { loadPackage } from './support/package.ts';

export interface SignBenchResult {
  name: string;
  /** Signatures per second. */
  ours: number;
  theirs: number;
  ratio: number;
}

const REQUESTS = 200;
const ROUNDS = 9;
const PASSES_PER_ROUND = 5;
const DATE = new Date('2024-05-06T07:08:09Z');
const credentials: AkSkCredentials = {
  accessKey: 'HPUABENCHMARKACCESS1',
  secretKey: 'bench-secret-key-0123456789abcdefghijklmn',
  securityToken: 'gQpjbi1ub3J0aC00bench-token',
};

interface Case {
  /** A fresh Request per signing, as in real use (see makeCases). */
  request: () => Request;
  parts: SignableRequest;
  oracle: {
    endpoint: string;
    method: string;
    headers: Record<string, string>;
    queryParams: Record<string, string | string[]>;
    data?: unknown;
  };
}

// Deterministic pseudo-random numbers (mulberry32), so every run signs the same requests.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'groups',
  'purchases',
  'v1.0',
  'apigw',
  'grüße',
  'a b',
  'x~y',
  'id-42',
  '中文',
  "it's",
];

function makeCases(): Case[] {
  const next = random(20240506);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return Array.from({ length: REQUESTS }, (_, i) => {
    const segments = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
      pick(WORDS.filter((w) => !w.includes(' ') && !w.includes("'"))),
    );
    const query: [string, string][] = Array.from({ length: Math.floor(next() * 5) }, () => [
      pick(['page_no', 'page_size', 'group_name', 'id', 'tag']),
      pick(WORDS),
    ]);
    const method = i % 4 === 0 ? 'POST' : 'GET';
    const data = method === 'POST' ? { name: pick(WORDS), quota: i } : undefined;
    const host = 'apig.cn-north-4.myhuaweicloud.com';
    const search = query
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    const url = `https://${host}/${segments.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = data ? { 'Content-Type': 'application/json' } : {};
    const request = () =>
      new Request(url, { method, headers, ...(data ? { body: JSON.stringify(data) } : {}) });

    const queryParams: Record<string, string | string[]> = Object.create(null);
    for (const [k, v] of query) {
      const seen = queryParams[k];
      queryParams[k] = seen === undefined ? v : [...(Array.isArray(seen) ? seen : [seen]), v];
    }
    const oracleHeaders: Record<string, string> = {
      [AUTH_HEADERS.sdkDate]: formatSdkDate(DATE),
      host,
      [AUTH_HEADERS.securityToken]: credentials.securityToken ?? '',
      ...(data ? { 'content-type': 'application/json' } : {}),
    };
    return {
      request,
      parts: { method, url, headers, ...(data ? { body: JSON.stringify(data) } : {}) },
      oracle: {
        endpoint: `https://${host}/${segments.join('/')}`,
        method,
        headers: oracleHeaders,
        queryParams,
        ...(data ? { data } : {}),
      },
    };
  });
}

// Each pass signs every case once; only the signing is timed. Requests are
// built fresh before each pass, untimed: a Request is signed once in real use,
// and re-deriving from one Request piles listeners onto its AbortSignal.
async function opsPerSecond(pass: () => Promise<number>): Promise<number> {
  let elapsed = 0;
  for (let i = 0; i < PASSES_PER_ROUND; i += 1) elapsed += await pass();
  return (REQUESTS * PASSES_PER_ROUND * 1000) / elapsed;
}

export async function benchSignVsHuawei(): Promise<SignBenchResult[]> {
  const { signHeaders, signRequest } = await loadPackage();
  const cases = makeCases();
  const huaweiCredential = {
    getAk: () => credentials.accessKey,
    getSk: () => credentials.secretKey,
  } as unknown as ICredential;

  // All sides must do the same work: check they agree before timing.
  for (const c of cases) {
    const expected = (AKSKSigner.sign({ ...c.oracle }, huaweiCredential) as Record<string, string>)
      .Authorization;
    const signed = await signRequest(c.request(), credentials, DATE);
    const headers = await signHeaders(c.parts, credentials, DATE);
    for (const got of [signed.headers.get(AUTH_HEADERS.authorization), headers.Authorization]) {
      if (got !== expected)
        throw new Error(`signatures differ for ${c.oracle.method} ${c.parts.url}`);
    }
  }

  const variants = {
    signHeaders: async () => {
      const start = performance.now();
      for (const c of cases) await signHeaders(c.parts, credentials, DATE);
      return performance.now() - start;
    },
    signRequest: async () => {
      const requests = cases.map((c) => c.request());
      const start = performance.now();
      for (const request of requests) await signRequest(request, credentials, DATE);
      return performance.now() - start;
    },
    huawei: async () => {
      const start = performance.now();
      for (const c of cases) AKSKSigner.sign({ ...c.oracle }, huaweiCredential);
      return performance.now() - start;
    },
  };
  const samples = {
    signHeaders: [] as number[],
    signRequest: [] as number[],
    huawei: [] as number[],
  };
  for (const pass of Object.values(variants)) await opsPerSecond(pass); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, pass] of Object.entries(variants)) {
      samples[name as keyof typeof variants].push(await opsPerSecond(pass));
    }
  }
  const theirs = median(samples.huawei);
  return (['signHeaders', 'signRequest'] as const).map((name) => {
    const ours = median(samples[name]);
    return { name, ours, theirs, ratio: ours / theirs };
  });
}

if (isMain(import.meta.url)) {
  console.log(
    `${REQUESTS} requests, ${ROUNDS} alternating rounds, median (Node ${process.version})`,
  );
  console.table(await benchSignVsHuawei());
}
