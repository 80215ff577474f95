// What a frontend relies on from the mock, as one suite: run against
// `npm run mock` over HTTP (test/contract/mock-data.test.ts) and against the
// MSW handlers under msw/node (test/contract/msw.test.ts).
import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { ApigError, createPurchasesClient, type PurchasedGroupSummary } from '../../src/index.ts';
import { pageOf } from '../../src/mock/answer-request.ts';
import dataset from '../../src/mock/dataset.json' with { type: 'json' };
import { checkDataset, type MockPurchase } from '../../src/mock/dataset.ts';
import { callOperation } from '../support/call-operation.ts';

type Iterate = (query: object) => AsyncIterable<unknown>;

export const data = checkDataset(dataset, 'src/mock/dataset.json');
export const purchases: readonly MockPurchase[] = data.purchases;
const { apis } = data;
const purchaseOf = (purchaseId: string) => purchases.find((p) => p.id === purchaseId);

const summaryOf = ({ group_domains: _domains, ...rest }: MockPurchase): PurchasedGroupSummary => ({
  ...rest,
  group_domains: null,
});

async function errorOf(promise: Promise<unknown>): Promise<ApigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApigError);
  return error as ApigError;
}

export function describeMockBehaviour(name: string, baseUrl: () => string): void {
  const client = () =>
    createPurchasesClient({ baseUrl: baseUrl(), credentials: { token: 'dev' }, retry: false });
  // A caller that sends no credentials at all (the client itself requires them).
  const anonymous = () =>
    createPurchasesClient({
      baseUrl: baseUrl(),
      credentials: { token: 'dev' },
      retry: false,
      fetch: (request) => {
        const bare = new Request(request);
        bare.headers.delete('X-Auth-Token');
        return fetch(bare);
      },
    });

  describe(`${name}: every operation of the table`, () => {
    const specs = Object.values(operations);
    it.each(specs.filter((s) => s.list).map((s) => [s.operationId, s] as const))(
      '%s: its iterator pages through its whole collection once, in order',
      async (operationId, spec) => {
        const iterate = (client() as unknown as Record<string, Iterate>)[spec.list?.iterator ?? ''];
        const seen: unknown[] = [];
        for await (const item of iterate?.({ page_size: 13 }) ?? []) seen.push(item);
        const all = pageOf(operationId, data, new URLSearchParams('page_size=0'));
        expect(seen).toEqual(all[spec.list?.items ?? '']);
        expect(seen.length).toBeGreaterThan(13);
      },
    );

    it.each(specs.map((s) => [s.operationId] as const))(
      '%s: 401 without credentials, every documented status one Prefer away',
      async (operationId) => {
        expect(await errorOf(callOperation(anonymous(), operationId, {}))).toMatchObject({
          status: 401,
        });
        for (const status of Object.keys(operations[operationId].statuses)) {
          const headers = { Prefer: `code=${status}` };
          const outcome = await callOperation(client(), operationId, {}, { headers }).catch(
            (error: unknown) => error,
          );
          expect(outcome instanceof ApigError ? outcome.status : 200).toBe(Number(status));
        }
      },
    );
  });

  describe(`${name}: X-Request-Id`, () => {
    it('is on every answer, new for each, as on APIG: a success, a 404 and a 401', async () => {
      const first = await client().withResponse.listPurchasedGroups({ page_size: 1 });
      const second = await client().withResponse.listPurchasedGroups({ page_size: 1 });
      expect(first.response.requestId).toMatch(/^[0-9a-f]{32}$/);
      expect(second.response.requestId).toMatch(/^[0-9a-f]{32}$/);
      expect(second.response.requestId).not.toBe(first.response.requestId);
      for (const failing of [
        () => client().getPurchasedGroup('no-such-purchase'),
        () => anonymous().listPurchasedGroups(),
      ]) {
        const error = await errorOf(failing());
        expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
      }
    });
  });

  describe(`${name}: purchased APIs`, () => {
    it("starts with the page's three example APIs, each of a purchase of the dataset", async () => {
      const page = await client().listPurchasedApis({ page_size: 3 });
      expect(page.apis?.map((api) => api.req_uri)).toEqual(['/envs', '/groups', '/apis']);
      expect(page.total).toBe(apis.length);
      for (const api of apis) expect(purchaseOf(api.purchase_id)).toBeDefined();
      const withApis = new Set(apis.map((api) => api.purchase_id));
      expect(withApis.size).toBeLessThan(purchases.length);
      expect(apis.length).toBeGreaterThan(withApis.size);
    });

    it('filters by api_id exactly, api_name by substring, group_id and group_name through the purchase, with AND', async () => {
      const target = apis[40] as (typeof apis)[number];
      const group = purchaseOf(target.purchase_id) as MockPurchase;
      expect((await client().listPurchasedApis({ api_id: target.id })).apis).toEqual([target]);
      expect((await client().listPurchasedApis({ api_id: target.id.slice(0, 8) })).total).toBe(0);
      const byName = await client().listPurchasedApis({ api_name: '查询', page_size: 0 });
      expect(byName.apis).toEqual(apis.filter((api) => api.name.includes('查询')));
      const byGroup = await client().listPurchasedApis({ group_id: group.group_id, page_size: 0 });
      expect(byGroup.apis).toEqual(
        apis.filter((api) => purchaseOf(api.purchase_id)?.group_id === group.group_id),
      );
      const part = group.group_name.slice(0, 3);
      const both = await client().listPurchasedApis({
        group_name: part,
        api_name: 'Query',
        page_size: 0,
      });
      expect(both.apis).toEqual(
        apis.filter(
          (api) =>
            api.name.includes('Query') && purchaseOf(api.purchase_id)?.group_name.includes(part),
        ),
      );
      expect(both.total).toBeGreaterThan(0);
    });
  });

  describe(`${name}: data that follows the request`, () => {
    it('pages through the whole dataset once, in order, with iteratePurchasedGroups', async () => {
      const seen: PurchasedGroupSummary[] = [];
      for await (const purchase of client().iteratePurchasedGroups({ page_size: 7 })) {
        seen.push(purchase);
      }
      expect(seen).toEqual(purchases.map(summaryOf));
    });

    it('counts every match in total and the page in size; past the end is empty', async () => {
      const page = await client().listPurchasedGroups({ page_size: 25, page_no: 5 });
      expect(page).toMatchObject({ total: purchases.length, size: purchases.length - 100 });
      expect(page.purchases).toEqual(purchases.slice(100).map(summaryOf));
      const past = await client().listPurchasedGroups({ page_size: 25, page_no: 9 });
      expect(past).toEqual({ total: purchases.length, size: 0, purchases: [] });
      const all = await client().listPurchasedGroups({ page_size: 0 });
      expect(all.size).toBe(purchases.length);
    });

    it('filters by id and group_id exactly, group_name by substring, combined with AND', async () => {
      const target = purchases[40] as MockPurchase;
      expect((await client().listPurchasedGroups({ id: target.id })).purchases).toEqual([
        summaryOf(target),
      ]);
      expect((await client().listPurchasedGroups({ id: target.id.slice(0, 8) })).total).toBe(0);
      const sameGroup = purchases.filter((p) => p.group_id === target.group_id);
      expect(sameGroup.length).toBeGreaterThan(1);
      const byGroup = await client().listPurchasedGroups({ group_id: target.group_id });
      expect(byGroup.purchases).toEqual(sameGroup.map(summaryOf));
      const byName = await client().listPurchasedGroups({ group_name: '查询', page_size: 0 });
      expect(byName.purchases).toEqual(
        purchases.filter((p) => p.group_name.includes('查询')).map(summaryOf),
      );
      const both = await client().listPurchasedGroups({
        group_id: target.group_id,
        group_name: 'no such name',
      });
      expect(both).toEqual({ total: 0, size: 0, purchases: [] });
    });

    it('answers the detail of every listed id with the same purchase and its domains', async () => {
      for (const purchase of purchases) {
        const detail = await client().getPurchasedGroup(purchase.id);
        expect(detail).toEqual(purchase);
        expect(detail.group_domains?.length).toBeGreaterThan(0);
      }
    });

    it('answers an unknown id with the contract 404', async () => {
      const error = await errorOf(client().getPurchasedGroup('no-such-purchase'));
      expect(error).toMatchObject({ status: 404, errorCode: 'APIG.3014' });
    });

    it('answers 401 without credentials, and 400 for a parameter out of bounds', async () => {
      expect(await errorOf(anonymous().listPurchasedGroups())).toMatchObject({
        status: 401,
        errorCode: 'APIG.1000',
      });
      const { response, error } = await client().raw.GET('/v1.0/apigw/purchases/groups', {
        params: { query: { page_size: 501 } },
      });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ error_code: 'APIG.2000' });
    });

    it('keeps every documented response one Prefer header away', async () => {
      const notFound = await errorOf(
        client().getPurchasedGroup(purchases[0]?.id ?? '', undefined, {
          headers: { Prefer: 'code=404, example=apiGroupNotFound' },
        }),
      );
      expect(notFound).toMatchObject({ status: 404, errorCode: 'APIG.3001' });
      const expired = await errorOf(
        client().listPurchasedGroups({}, { headers: { Prefer: 'example=sessionExpired' } }),
      );
      expect(expired).toMatchObject({ status: 401, errorCode: 'APIG.1001' });
      const empty = await client().listPurchasedGroups(
        {},
        { headers: { Prefer: 'example=emptyList' } },
      );
      expect(empty).toEqual({ total: 0, size: 0, purchases: [] });
    });

    it('agrees with the shared core on a page (no second implementation)', async () => {
      const query = new URLSearchParams('page_size=9&page_no=3&group_name=_');
      const page = await client().listPurchasedGroups({
        page_size: 9,
        page_no: 3,
        group_name: '_',
      });
      expect(page).toEqual(pageOf('listPurchasedGroups', data, query));
    });
  });
}
