// iteratePurchasedGroups across pages, including servers that misreport total.
import { describe, expect, it } from 'vitest';
import {
  ApigCallError,
  ApigResponseShapeError,
  createPurchasesClient,
  type PurchasedGroupList,
  type PurchasedGroupSummary,
} from '../../src/index.ts';
import { exampleValue } from '../support/contract.ts';

const template = (exampleValue('seedList') as PurchasedGroupList)
  .purchases?.[0] as PurchasedGroupSummary;
const item = (n: number): PurchasedGroupSummary => ({ ...template, id: `purchase-${n}` });

/** A fake gateway holding `count` purchases that reports `reportedTotal`. */
function gateway(count: number, reportedTotal: (pageNo: number) => number = () => count) {
  const pagesAsked: number[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const size = Number(url.searchParams.get('page_size'));
    const pageNo = Number(url.searchParams.get('page_no'));
    pagesAsked.push(pageNo);
    const all = Array.from({ length: count }, (_, i) => item(i + 1));
    // page_size 0 returns every item (the sibling v1.0 page 查询API列表).
    const purchases = size === 0 ? all : all.slice((pageNo - 1) * size, pageNo * size);
    const body: PurchasedGroupList = {
      total: reportedTotal(pageNo),
      size: purchases.length,
      purchases,
    };
    return Response.json(body);
  };
  const client = createPurchasesClient({
    baseUrl: 'http://gateway.test',
    credentials: { token: 't' },
    fetch,
    retry: false,
  });
  return { client, pagesAsked };
}

async function collect(iterable: AsyncIterable<PurchasedGroupSummary>): Promise<string[]> {
  const ids: string[] = [];
  for await (const purchase of iterable) ids.push(String(purchase.id));
  return ids;
}

describe('iteratePurchasedGroups', () => {
  it('yields every purchase once, page by page, and stops at total', async () => {
    const { client, pagesAsked } = gateway(7);
    const ids = await collect(client.iteratePurchasedGroups({ page_size: 3 }));
    expect(ids).toEqual(Array.from({ length: 7 }, (_, i) => `purchase-${i + 1}`));
    expect(pagesAsked).toEqual([1, 2, 3]);
  });

  it('does not ask for a page past total when the last page is full', async () => {
    const { client, pagesAsked } = gateway(6);
    expect(await collect(client.iteratePurchasedGroups({ page_size: 3 }))).toHaveLength(6);
    expect(pagesAsked).toEqual([1, 2]);
  });

  it('uses the default page size (20) and starts from page_no when given', async () => {
    const { client, pagesAsked } = gateway(45);
    const ids = await collect(client.iteratePurchasedGroups({ page_no: 2 }));
    expect(ids[0]).toBe('purchase-21');
    expect(ids).toHaveLength(25);
    expect(pagesAsked).toEqual([2, 3]);
  });

  it('stops on an empty page when total claims more', async () => {
    const { client, pagesAsked } = gateway(4, () => 1_000);
    expect(await collect(client.iteratePurchasedGroups({ page_size: 2 }))).toHaveLength(4);
    expect(pagesAsked).toEqual([1, 2, 3]);
  });

  it('never loops forever on a server that answers full pages with a growing total', async () => {
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      return Response.json({
        total: calls * 10 + 10,
        size: 2,
        purchases: [item(calls), item(calls + 1)],
      });
    };
    const client = createPurchasesClient({
      baseUrl: 'http://gateway.test',
      credentials: { token: 't' },
      fetch,
      retry: false,
    });
    const ids = await collect(client.iteratePurchasedGroups({ page_size: 2 }, { maxPages: 25 }));
    expect(ids).toHaveLength(50);
    expect(calls).toBe(25);
  });

  it('stops at total when the server under-reports it', async () => {
    const { client } = gateway(10, () => 5);
    expect(await collect(client.iteratePurchasedGroups({ page_size: 4 }))).toHaveLength(5);
  });

  it('asks once for everything with page_size 0', async () => {
    const { client, pagesAsked } = gateway(45);
    expect(await collect(client.iteratePurchasedGroups({ page_size: 0 }))).toHaveLength(45);
    expect(pagesAsked).toEqual([1]);
  });

  it('pages on without total, until a short page', async () => {
    let pagesAsked = 0;
    const fetch = async (request: Request) => {
      pagesAsked += 1;
      const pageNo = Number(new URL(request.url).searchParams.get('page_no'));
      const purchases = pageNo < 3 ? [item(pageNo * 2 - 1), item(pageNo * 2)] : [item(5)];
      return Response.json({ purchases });
    };
    const client = createPurchasesClient({
      baseUrl: 'http://gateway.test',
      credentials: { token: 't' },
      fetch,
      retry: false,
    });
    const ids = await collect(client.iteratePurchasedGroups({ page_size: 2 }));
    expect(ids).toEqual([1, 2, 3, 4, 5].map((n) => `purchase-${n}`));
    expect(pagesAsked).toBe(3);
  });

  it('checks its arguments before the first request', () => {
    const { client, pagesAsked } = gateway(1);
    expect(() => client.iteratePurchasedGroups({ page_size: 501 })).toThrow(
      /^page_size must be from 0 to 500/,
    );
    expect(() => client.iteratePurchasedGroups({}, { maxPages: 0 })).toThrow(/^maxPages /);
    expect(pagesAsked).toEqual([]);
  });
});

describe('a page that breaks the contract', () => {
  it.each([
    ['total', 'n/a', /the answer's total is not a count of items \(got "n\/a"\)/],
    ['total', -3, /total is not a count of items \(got -3\)/],
    ['size', 2.5, /size is not a count of items \(got 2.5\)/],
    ['purchases', { id: 'x' }, /purchases is not a list of items/],
  ])('%s = %j is an error naming the field, not an empty walk', async (field, value, says) => {
    const client = createPurchasesClient({
      baseUrl: 'http://gateway.test',
      credentials: { token: 't' },
      retry: false,
      fetch: async () =>
        Response.json({ total: 2, size: 2, purchases: [item(1), item(2)], [field]: value }),
    });
    const error = await (async () => {
      for await (const _ of client.iteratePurchasedGroups()) {
        // nothing may be yielded before the error
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApigResponseShapeError);
    expect(error).toBeInstanceOf(ApigCallError);
    expect(error).toMatchObject({ field, method: 'GET', path: '/v1.0/apigw/purchases/groups' });
    expect((error as Error).message).toMatch(says);
  });
});
