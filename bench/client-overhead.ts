// What the client costs next to a bare fetch of the same URL, against a
// local node:http server (its own process) answering the seed list example.
// Side by side in one process: rounds alternate between the variants and
// their medians are compared.

import { isMain } from '../scripts/lib/is-main.ts';
import { createPurchasesClient } from '../src/index.ts';
import { startSeedServer } from './support/start-seed-server.ts';

export interface OverheadRow {
  name: string;
  goal: number;
  clientMicros: number;
  fetchMicros: number;
  ratio: number;
}

const PATH = '/v1.0/apigw/purchases/groups?page_size=20&page_no=1';
const ROUNDS = 15;
const CALLS_PER_ROUND = 300;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function timePerCall(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < CALLS_PER_ROUND; i += 1) await call();
  return ((performance.now() - start) * 1000) / CALLS_PER_ROUND;
}

export async function benchClientOverhead(): Promise<OverheadRow[]> {
  const server = await startSeedServer();
  const baseUrl = server.url;
  try {
    const token = createPurchasesClient({ baseUrl, credentials: { token: 'bench-token' } });
    const aksk = createPurchasesClient({
      baseUrl,
      credentials: { accessKey: 'AK', secretKey: 'SK' },
    });
    // The baseline does what a careful hand-written call does: send the
    // header, check the status, parse the JSON.
    const bareFetch = async () => {
      const response = await fetch(`${baseUrl}${PATH}`, {
        headers: { 'X-Auth-Token': 'bench-token' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    };
    const variants = {
      fetch: bareFetch,
      token: () => token.listPurchasedGroups({ page_size: 20, page_no: 1 }),
      aksk: () => aksk.listPurchasedGroups({ page_size: 20, page_no: 1 }),
    };
    const samples: Record<keyof typeof variants, number[]> = { fetch: [], token: [], aksk: [] };
    for (const call of Object.values(variants)) await timePerCall(call); // warm-up
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, call] of Object.entries(variants)) {
        samples[name as keyof typeof variants].push(await timePerCall(call));
      }
    }
    const fetchMicros = median(samples.fetch);
    return [
      {
        name: 'token-auth client call vs raw fetch',
        goal: 1.1,
        clientMicros: median(samples.token),
        fetchMicros,
        ratio: 0,
      },
      {
        name: 'AK/SK-signed client call vs raw fetch',
        goal: 1.15,
        clientMicros: median(samples.aksk),
        fetchMicros,
        ratio: 0,
      },
    ].map((row) => ({ ...row, ratio: row.clientMicros / row.fetchMicros }));
  } finally {
    server.stop();
  }
}

if (isMain(import.meta.url)) {
  console.table(await benchClientOverhead());
}
