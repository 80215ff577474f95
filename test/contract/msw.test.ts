// The MSW handlers of `apig-purchases/msw` under msw/node: the same suite as
// the HTTP mock, and a table of requests both must answer identically.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import { createPurchasesHandlers, DatasetError } from '../../src/mock/msw.ts';
import { describeMockBehaviour, purchases } from '../mock/behaviour.ts';

const mswOrigin = 'http://msw.test';
// Only requests to mswOrigin are intercepted; the HTTP mock is reached for real.
const server = setupServer(...createPurchasesHandlers({ baseUrl: mswOrigin }));
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => server.close());

describeMockBehaviour('MSW handlers', () => mswOrigin);

const first = purchases[0]?.id ?? '';
const some = purchases[57];
const token = { [AUTH_HEADERS.token]: 'dev' };
const list = '/v1.0/apigw/purchases/groups';
const apis = '/v1.0/apigw/purchases/apis';
const requests: [target: string, headers: Record<string, string>][] = [
  [list, token],
  [`${list}?page_size=1`, token],
  [`${list}?page_size=0`, token],
  [`${list}?page_size=500`, token],
  [`${list}?page_size=7&page_no=3`, token],
  [`${list}?page_size=50&page_no=3`, token],
  [`${list}?page_size=10&page_no=99`, token],
  [`${list}?page_no=0`, token],
  [`${list}?page_no=-2`, token],
  [`${list}?id=${first}`, token],
  [`${list}?id=nothing`, token],
  [`${list}?group_id=${some?.group_id}`, token],
  [`${list}?group_name=${encodeURIComponent('查询')}`, token],
  [`${list}?group_name=api_group_00`, token],
  [`${list}?group_name=weather&page_size=1`, token],
  [`${list}?group_id=${some?.group_id}&group_name=zzz`, token],
  [`${list}?page_size=501`, token],
  [`${list}?page_size=-1`, token],
  [`${list}?page_size=abc`, token],
  [`${list}?page_no=1.5`, token],
  [list, {}],
  [
    list,
    { [AUTH_HEADERS.authorization]: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00' },
  ],
  [list, { ...token, Prefer: 'code=500' }],
  [list, { ...token, Prefer: 'code=400, example=invalidParameterValue' }],
  [list, { ...token, Prefer: 'example=emptyList' }],
  [list, { ...token, Prefer: 'code=429' }],
  [`${list}/${first}`, token],
  [`${list}/${some?.id}`, token],
  [`${list}/no-such-id`, token],
  [`${list}/${first}`, {}],
  [`${list}/${first}`, { ...token, Prefer: 'code=403, example=subscriptionNotPermitted' }],
  [`${list}/${first}`, { ...token, Prefer: 'example=apiGroupNotFound' }],
  [`${list}/${encodeURIComponent('a b/c')}`, token],
  [apis, token],
  [`${apis}?page_size=5&page_no=7`, token],
  [`${apis}?page_size=0`, token],
  [`${apis}?api_id=cb498965-8acf-4c98-bd08-4033ef1fcfb4`, token],
  [`${apis}?api_name=${encodeURIComponent('查询')}`, token],
  [`${apis}?group_id=${some?.group_id}`, token],
  [`${apis}?group_name=weather&api_name=Query`, token],
  [`${apis}?page_size=501`, token],
  [apis, {}],
  [apis, { ...token, Prefer: 'example=emptyApiList' }],
  [apis, { ...token, Prefer: 'code=404' }],
  [list, { ...token, Prefer: 'code=404' }],
  [list, { ...token, Prefer: 'code=200, example=nothing' }],
  // Paths Prism routes: a trailing slash is the detail without its id.
  [`${list}/`, token],
  [`${list}/`, {}],
  ['/v1.0/apigw/./purchases/groups?page_size=2', token],
  // Escapes that do not decode, and a parameter given twice.
  [`${list}/%ZZ`, token],
  [`${list}/%C0%AF`, token],
  [`${list}?group_name=%ZZ`, token],
  [`${list}?page_size=1&page_size=2`, token],
];

describe('the HTTP mock and the MSW handlers answer alike', () => {
  const rows: { request: string; status: number; same: string }[] = [];

  it.each(requests)('%s %j', async (target, headers) => {
    const [http, msw] = await Promise.all(
      [inject('mockUrl'), mswOrigin].map(async (origin) => {
        const response = await fetch(`${origin}${target}`, { headers });
        // Which parameter was wrong: the same detail from both.
        const violations = JSON.parse(response.headers.get('sl-violations') ?? 'null') as unknown;
        return { status: response.status, body: await response.json(), violations };
      }),
    );
    expect(msw).toEqual(http);
    rows.push({
      request: `${target} ${JSON.stringify(headers)}`,
      status: http?.status ?? 0,
      same: 'yes',
    });
  });

  it('covers at least 30 requests', () => {
    expect(requests.length).toBeGreaterThanOrEqual(30);
  });

  afterAll(() => {
    console.log(
      `HTTP mock vs MSW handlers: ${rows.length} of ${requests.length} requests answered alike`,
    );
    console.table(rows);
  });
});

describe('createPurchasesHandlers options', () => {
  it('matches any origin by default', async () => {
    server.use(...createPurchasesHandlers());
    try {
      const response = await fetch(`https://apig.cn-north-4.myhuaweicloud.com${list}?page_size=2`, {
        headers: token,
      });
      expect(await response.json()).toMatchObject({ total: purchases.length, size: 2 });
    } finally {
      server.resetHandlers();
    }
  });

  it('serves purchases of the caller, and names a bad one with its JSON pointer', async () => {
    const own = [{ ...(purchases[3] as (typeof purchases)[number]), id: 'mine' }];
    server.use(...createPurchasesHandlers({ baseUrl: 'http://own.test', purchases: own }));
    try {
      const response = await fetch(`http://own.test${list}`, { headers: token });
      expect(await response.json()).toMatchObject({ total: 1, purchases: [{ id: 'mine' }] });
    } finally {
      server.resetHandlers();
    }
    const broken = [{ ...own[0], quota_left: -1 }] as never;
    expect(() => createPurchasesHandlers({ purchases: broken })).toThrow(DatasetError);
    expect(() => createPurchasesHandlers({ purchases: broken })).toThrow(
      'createPurchasesHandlers({ purchases }): /purchases/0/quota_left: must be an integer of at least 0',
    );
  });
});
