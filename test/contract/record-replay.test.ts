// `apig-purchases proxy <upstream> --record <file>`, then `apig-purchases
// mock --data <file>`: traffic through the validating proxy to a local fake
// gateway (the shared mock core over data with real-looking secrets) is
// recorded, and the mock replays it. What was recorded is answered the same,
// filters and paging included; no secret reaches the file.
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasesClient } from '../../src/index.ts';
import { answer } from '../../src/mock/answer-request.ts';
import dataset from '../../src/mock/dataset.json' with { type: 'json' };
import { checkDataset, type MockData } from '../../src/mock/dataset.ts';
import { startMockCli, startMockProxy } from '../support/mock-proxy.ts';

const bundled = checkDataset(dataset, 'src/mock/dataset.json');
// The gateway's data: 30 purchases with secrets a real one would send, and their APIs.
const purchases = bundled.purchases.slice(10, 40).map((purchase, index) => ({
  ...purchase,
  app_key: `real-app-key-${index}-7f3a9c2e`,
  app_secret: `real-app-secret-${index}-c0ffee42`,
}));
const owned = new Set(purchases.map((purchase) => purchase.id));
const upstreamData = {
  purchases,
  apis: bundled.apis.filter((api) => owned.has(api.purchase_id)),
} as unknown as MockData;
const token = { 'X-Auth-Token': 'recording-token' };

let gateway: Server;
let gatewayUrl = '';
let work = '';
let file = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'record-'));
  file = join(work, 'recorded.json');
  gateway = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://gateway.test');
    const headers = {
      get: (name: string) => request.headers[name.toLowerCase()]?.toString() ?? null,
    };
    const { status, headers: extra, body } = answer({ url, headers }, { data: upstreamData });
    response.writeHead(status, extra);
    response.end(JSON.stringify(body));
  });
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});
afterAll(async () => {
  gateway.closeAllConnections();
  gateway.close();
  await rm(work, { recursive: true, force: true });
});

const detailed = purchases.slice(0, 8).map((purchase) => purchase.id);

/** `run` with a client of the proxy recording into `file`; the proxy stopped after (the file written). */
async function recording(
  run: (client: ReturnType<typeof createPurchasesClient>, proxyUrl: string) => Promise<unknown>,
): Promise<void> {
  const proxy = await startMockProxy(gatewayUrl, '--record', file);
  try {
    const client = createPurchasesClient({
      baseUrl: proxy.url,
      credentials: { token: 'x' },
      retry: false,
    });
    await run(client, proxy.url);
  } finally {
    await proxy.stop();
  }
}

describe('record through the proxy, replay with the mock', () => {
  it('records the three operations, merged and masked, written on exit', async () => {
    await recording(async (client, proxyUrl) => {
      let groups = 0;
      for await (const _ of client.iteratePurchasedGroups({ page_size: 7 })) groups += 1;
      expect(groups).toBe(purchases.length);
      for (const id of detailed) await client.getPurchasedGroup(id);
      let apis = 0;
      for await (const _ of client.iteratePurchasedApis({ page_size: 9 })) apis += 1;
      expect(apis).toBe(upstreamData.apis.length);
      // Not recorded: an error, and a request without credentials.
      await client.getPurchasedGroup('no-such-purchase').catch(() => undefined);
      await fetch(`${proxyUrl}/v1.0/apigw/purchases/groups`);
    });
    const text = await readFile(file, 'utf8');
    expect(text).not.toMatch(/real-app-secret|real-app-key/);
    const recorded = checkDataset(JSON.parse(text), file);
    expect(recorded.purchases).toHaveLength(purchases.length);
    expect(recorded.apis).toHaveLength(upstreamData.apis.length);
    expect(
      recorded.purchases.every((p) => p.app_secret === '******' && p.app_key === '******'),
    ).toBe(true);
    // A detail gave the domains; a purchase only ever listed has none.
    const byId = new Map(recorded.purchases.map((purchase) => [purchase.id, purchase]));
    expect(byId.get(detailed[0] ?? '')?.group_domains).toEqual(purchases[0]?.group_domains);
    expect(byId.get(purchases.at(-1)?.id ?? '')?.group_domains).toEqual([]);
  });

  it('replays what was recorded as the gateway answered it, filters and paging included', async () => {
    const mock = await startMockCli('--data', file);
    const masked = (body: unknown) =>
      JSON.parse(
        JSON.stringify(body).replace(/"(app_key|app_secret)":"[^"]*"/g, '"$1":"******"'),
      ) as unknown;
    const some = purchases[3];
    const targets = [
      '/v1.0/apigw/purchases/groups?page_size=5&page_no=2',
      '/v1.0/apigw/purchases/groups?page_size=0',
      `/v1.0/apigw/purchases/groups?group_name=${encodeURIComponent(some?.group_name.slice(0, 8) ?? '')}`,
      `/v1.0/apigw/purchases/groups?id=${some?.id}`,
      `/v1.0/apigw/purchases/groups?page_size=4&page_no=99`,
      ...detailed.map((id) => `/v1.0/apigw/purchases/groups/${id}`),
      '/v1.0/apigw/purchases/groups/no-such-purchase',
      '/v1.0/apigw/purchases/apis?page_size=4&page_no=3',
      `/v1.0/apigw/purchases/apis?group_id=${some?.group_id}`,
      `/v1.0/apigw/purchases/apis?group_name=${encodeURIComponent(some?.group_name ?? '')}`,
    ];
    try {
      for (const target of targets) {
        const [fromGateway, replayed] = await Promise.all(
          [gatewayUrl, mock.url].map(async (origin) => {
            const response = await fetch(`${origin}${target}`, { headers: token });
            const body: unknown = await response.json();
            const { request_id: _id, ...rest } = body as Record<string, unknown>;
            return { status: response.status, body: masked('error_code' in rest ? rest : body) };
          }),
        );
        expect(replayed, target).toEqual(fromGateway);
      }
    } finally {
      await mock.stop();
    }
  });

  it('records into an existing file: nothing recorded is lost', async () => {
    const before = checkDataset(JSON.parse(await readFile(file, 'utf8')), file);
    await recording((client) => client.getPurchasedGroup(purchases.at(-1)?.id ?? ''));
    const after = checkDataset(JSON.parse(await readFile(file, 'utf8')), file);
    expect(after.purchases).toHaveLength(before.purchases.length);
    expect(after.apis).toEqual(before.apis);
    const last = after.purchases.find((purchase) => purchase.id === purchases.at(-1)?.id);
    expect(last?.group_domains).toEqual(purchases.at(-1)?.group_domains);
  });
});
