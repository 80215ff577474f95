// One call of the list operation, made six ways against the same local
// node:http server answering the seed list: raw fetch (with a token, and with
// precomputed AK/SK headers), bare openapi-fetch, our client with a token and
// with AK/SK, and Huawei's own Node SDK (HcClient + BasicCredentials,
// AK/SK-signed, axios). Side by side in one process: rounds alternate between
// the variants and their medians are compared. Each cell of the grid (server
// in this process or another, Content-Length or chunked answers) is measured
// in wall time and in this process's CPU time (process.cpuUsage) per call.
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';
import type { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient.js';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema.ts';
import { isMain } from '../lib/is-main.ts';
import { AUTH_HEADERS } from '../src/auth/auth-headers.ts';
import { median } from './support/median.ts';
import { loadPackage, type Package } from './support/package.ts';
import { FRAMINGS, type Framing } from './support/seed-answer.ts';
import { LAYOUTS, type Layout, startSeedServer } from './support/start-seed-server.ts';

export const CALL_VARIANTS = [
  'fetch',
  'fetchSigned',
  'openapiFetch',
  'token',
  'aksk',
  'huawei',
] as const;
export type CallVariant = (typeof CALL_VARIANTS)[number];

/** Median µs per call: wall clock, and CPU time of this process (user + system). */
export interface CallTime {
  wall: number;
  cpu: number;
}
export type CallTimes = Record<CallVariant, CallTime>;

/** One cell of the grid: where the server runs and how it frames the answer. */
export interface CallCell {
  layout: Layout;
  framing: Framing;
  times: CallTimes;
}

const LIST = '/v1.0/apigw/purchases/groups';
const QUERY = { page_size: 20, page_no: 1 };
const ROUNDS = 15;
const CALLS_PER_ROUND = 300;
export const TOKEN = 'bench-token';
export const AKSK = { accessKey: 'HPUABENCHMARKACCESS1', secretKey: 'bench-secret-key-0123456789' };

async function timePerCall(call: () => Promise<unknown>): Promise<CallTime> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < CALLS_PER_ROUND; i += 1) await call();
  const wall = ((performance.now() - start) * 1000) / CALLS_PER_ROUND;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / CALLS_PER_ROUND };
}

/** Huawei's SDK client for `baseUrl`, signing with the same AK/SK. */
function huaweiClient(baseUrl: string): HcClient {
  const credentials = new BasicCredentials().withAk(AKSK.accessKey).withSk(AKSK.secretKey);
  return new ClientBuilder((client: HcClient) => client)
    .withCredential(credentials)
    .withEndpoint(baseUrl)
    .build();
}

/** Every variant makes the same GET and reads the JSON; each checks the answer. */
export async function callVariants(
  { createPurchasesClient, signHeaders }: Package,
  baseUrl: string,
): Promise<Record<CallVariant, () => Promise<unknown>>> {
  const token = createPurchasesClient({ baseUrl, credentials: { token: TOKEN } });
  const aksk = createPurchasesClient({ baseUrl, credentials: AKSK });
  const bare = createClient<paths>({ baseUrl });
  const huawei = huaweiClient(baseUrl);
  const url = `${baseUrl}${LIST}?page_size=${QUERY.page_size}&page_no=${QUERY.page_no}`;
  const headers = { [AUTH_HEADERS.token]: TOKEN };
  // The headers of one AK/SK signature, computed once: what a signer that
  // cost nothing would send (signed headers are longer than a token).
  const signed = await signHeaders({ method: 'GET', url }, AKSK);
  // What a careful hand-written call does: send the header, check the status, parse.
  const rawCall = (sent: Record<string, string>) => async () => {
    const response = await fetch(url, { headers: sent });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };
  return {
    fetch: rawCall(headers),
    fetchSigned: rawCall(signed),
    openapiFetch: async () => {
      const { data, error } = await bare.GET(LIST, { params: { query: QUERY }, headers });
      if (error !== undefined) throw new Error('openapi-fetch call failed');
      return data;
    },
    token: () => token.listPurchasedGroups(QUERY),
    aksk: () => aksk.listPurchasedGroups(QUERY),
    huawei: () =>
      huawei.sendRequest({
        method: 'GET',
        url: LIST,
        contentType: 'application/json',
        queryParams: QUERY,
        pathParams: {},
        headers: {},
      }),
  };
}

export async function benchCallCell(pkg: Package, layout: Layout, framing: Framing) {
  const server = await startSeedServer({ layout, framing });
  try {
    const variants = await callVariants(pkg, server.url);
    const samples = Object.fromEntries(CALL_VARIANTS.map((name) => [name, [] as CallTime[]]));
    for (const call of Object.values(variants)) await timePerCall(call); // warm-up
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const name of CALL_VARIANTS) samples[name]?.push(await timePerCall(variants[name]));
    }
    const times = Object.fromEntries(
      CALL_VARIANTS.map((name) => {
        const taken = samples[name] ?? [];
        return [
          name,
          { wall: median(taken.map((t) => t.wall)), cpu: median(taken.map((t) => t.cpu)) },
        ];
      }),
    ) as CallTimes;
    return { layout, framing, times };
  } finally {
    server.stop();
  }
}

/** Every cell of the grid, on this Node. */
export async function benchCalls(): Promise<CallCell[]> {
  const pkg = await loadPackage();
  const cells: CallCell[] = [];
  for (const layout of LAYOUTS) {
    for (const framing of FRAMINGS) cells.push(await benchCallCell(pkg, layout, framing));
  }
  return cells;
}

if (isMain(import.meta.url)) {
  for (const cell of await benchCalls()) {
    console.log(`${cell.layout}, ${cell.framing}`);
    console.table(cell.times);
  }
}
