// In headless Chromium (Debian's package, driven by playwright-core): a page
// on one 127.0.0.1 origin lists purchases from the mock on another through
// the built client bundle; signRequest gives the same Authorization as in
// Node; and the HTML reference renders both operations and their errors, in
// English and in Chinese.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { type JsonObject, objectAt } from '../../lib/json.ts';
import { buildBrowserBundle } from '../../scripts/build-browser.ts';
import { buildDocs } from '../../scripts/build-docs.ts';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import { signRequest } from '../../src/index.ts';
import { pageOf } from '../../src/mock/answer-request.ts';
import dataset from '../../src/mock/dataset.json' with { type: 'json' };
import { checkDataset } from '../../src/mock/dataset.ts';
import { documentedResponses, loadContract, repoRoot } from '../support/contract.ts';
import { startStaticServer } from '../support/static-server.ts';
import { chromiumFound, chromiumPath, missingChromium, runBrowserTests } from './chromium.ts';

const screenshots = join(repoRoot, '.artifacts/browser');
const data = checkDataset(dataset, 'src/mock/dataset.json');
const { purchases } = data;
// Flags for a closed network: no background connections to Google's hosts.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let work = '';
const outsideRequests: string[] = [];

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (request) => {
    const { hostname, protocol } = new URL(request.url());
    if (protocol.startsWith('http') && hostname !== '127.0.0.1')
      outsideRequests.push(request.url());
  });
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  if (!runBrowserTests) return;
  if (!chromiumFound) throw new Error(`REQUIRE_BROWSER=1 but ${missingChromium}`);
  work = await mkdtemp(join(tmpdir(), 'apig-browser-'));
  await Promise.all([
    buildBrowserBundle(join(work, 'app')),
    buildDocs(join(work, 'docs/index.html')),
  ]);
  site = await startStaticServer({
    '/docs/': join(work, 'docs'),
    '/app/': join(work, 'app'),
    '/': join(repoRoot, 'test/browser/page'),
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  await mkdir(screenshots, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

describe.runIf(runBrowserTests)(
  'a frontend on another origin, with the built client and the mock',
  () => {
    /** The rows the table shows, and the rows the dataset says that page holds. */
    const rowsOf = (page: Page) =>
      page.$$eval('#purchases tbody tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      );
    const expectedRows = (query: string) =>
      (
        (pageOf('listPurchasedGroups', data, new URLSearchParams(query)).purchases ??
          []) as typeof purchases
      ).map((p) => [p.group_name, p.group_remark, String(p.quota_left), p.expire_time]);
    const settled = (page: Page) => page.waitForSelector('body[data-ready="true"]');

    it('renders a paged table from the mock, and really pages and filters', async () => {
      const page = await openPage(`${site.url}/?mock=${encodeURIComponent(inject('mockUrl'))}`);
      await settled(page);
      expect(await page.textContent('#status')).toBe(`10 of ${purchases.length} purchases`);
      expect(await page.textContent('#page')).toBe(`page 1 of ${Math.ceil(purchases.length / 10)}`);
      expect(await rowsOf(page)).toEqual(expectedRows('page_size=10&page_no=1'));

      await page.click('#next');
      await page.waitForSelector('#page:has-text("page 2 of")');
      await settled(page);
      expect(await rowsOf(page)).toEqual(expectedRows('page_size=10&page_no=2'));
      await page.screenshot({ path: join(screenshots, 'purchases-page-2.png'), fullPage: true });

      await page.fill('#name', '天气');
      await page.click('#filter button');
      await page.waitForSelector('#page:has-text("page 1 of")');
      await settled(page);
      const filtered = expectedRows('page_size=10&page_no=1&group_name=天气');
      expect(filtered.length).toBeGreaterThan(0);
      expect(await rowsOf(page)).toEqual(filtered);
      expect(await page.textContent('#status')).toBe(
        `${filtered.length} of ${pageOf('listPurchasedGroups', data, new URLSearchParams('group_name=天气')).total} purchases`,
      );
      await page.screenshot({ path: join(screenshots, 'purchases-filtered.png'), fullPage: true });
      await page.close();
    });

    it('signs in the browser (WebCrypto) exactly as in Node', async () => {
      const page = await openPage(`${site.url}/?mock=${encodeURIComponent(inject('mockUrl'))}`);
      await page.waitForSelector('body[data-ready="true"]');
      const requests = [
        [
          'GET',
          'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/purchases/groups?page_no=1&page_size=20',
        ],
        [
          'GET',
          'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/purchases/groups/%E7%BB%84%20a~b!?group_name=%F0%9F%98%80&x=1&x=0',
        ],
        ['GET', 'https://example.huaweicloud.com/path?limit=1'],
      ] as const;
      const credentials = {
        accessKey: 'AccessKey',
        secretKey: 'SecretKey',
        securityToken: 'temporary-token',
      };
      const date = '2006-01-02T15:04:05Z';
      const inBrowser = await page.evaluate(
        async ({ requests, credentials, date }) => {
          const { signRequest } = (
            window as unknown as { apig: typeof import('../../src/index.ts') }
          ).apig;
          const out: (string | null)[] = [];
          for (const [method, url] of requests) {
            const signed = await signRequest(
              new Request(url, { method }),
              credentials,
              new Date(date),
            );
            // Runs in the page: no import reaches it.
            out.push(signed.headers.get('Authorization'));
          }
          return out;
        },
        { requests, credentials, date },
      );
      const inNode = await Promise.all(
        requests.map(async ([method, url]) =>
          (
            await signRequest(new Request(url, { method }), credentials, new Date(date))
          ).headers.get(AUTH_HEADERS.authorization),
        ),
      );
      expect(inBrowser).toEqual(inNode);
      expect(inBrowser[0]).toMatch(
        /^SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/,
      );
      await page.close();
    });
  },
);

/** The statuses the bundled contract documents for an operation, in order. */
const statusesOf = (operationId: string): string[] =>
  documentedResponses(loadContract())
    .filter((pair) => pair.operationId === operationId)
    .map((pair) => pair.status);

// Each operation's title in each language, read from the bundles the pages
// are built from: Huawei's Chinese page titles in the Chinese one.
const chinese = parse(readFileSync(join(repoRoot, 'generated/openapi.zh.yaml'), 'utf8'));
const summaryOf = (contract: JsonObject, path: string): string =>
  String(objectAt(objectAt(objectAt(contract.paths)[path]).get).summary);
const operations = [
  {
    anchor: 'listpurchasedgroups',
    path: '/v1.0/apigw/purchases/groups',
    statuses: statusesOf('listPurchasedGroups'),
    errorStatus: '500',
    code: 'APIG.9999',
  },
  {
    anchor: 'getpurchasedgroup',
    path: '/v1.0/apigw/purchases/groups/{purchase_id}',
    statuses: statusesOf('getPurchasedGroup'),
    errorStatus: '404',
    code: 'APIG.3014',
  },
  {
    anchor: 'listpurchasedapis',
    path: '/v1.0/apigw/purchases/apis',
    statuses: statusesOf('listPurchasedApis'),
    errorStatus: '401',
    code: 'APIG.1000',
  },
];
const pages = [
  {
    language: 'en',
    url: '/docs/',
    contract: loadContract(),
    other: '中文',
    otherPage: '/docs/zh/index.html',
  },
  {
    language: 'zh',
    url: '/docs/zh/',
    contract: chinese,
    other: 'English',
    otherPage: '/docs/index.html',
  },
];

describe.runIf(runBrowserTests)('the HTML reference in English and Chinese (npm run docs)', () => {
  it("has Huawei's Chinese titles in the Chinese bundle", () => {
    expect(operations.map((operation) => summaryOf(chinese, operation.path))).toEqual([
      '查询已购买的API分组列表',
      '查询分组详情',
      '查询已购买的API列表',
    ]);
  });

  // One page per language (opening one costs seconds): each operation in
  // turn, then the language and its link to the other page.
  it.each(pages)(
    '$language: every operation with its title, documented statuses and error examples; lang and link',
    async ({ language, url, contract, other, otherPage }) => {
      const page = await openPage(`${site.url}${url}`);
      for (const { anchor, path, statuses, errorStatus, code } of operations) {
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, `#/purchases/${anchor}`);
        await page
          .getByRole('heading', { name: summaryOf(contract, path) })
          .first()
          .waitFor();
        // innerText: the rendered text, without the inlined scripts.
        const text = await page.innerText('body');
        expect(text).toMatch(new RegExp(`Responses\\s*${statuses.join('\\s*')}\\b`));
        await page.getByText(errorStatus, { exact: true }).first().click();
        await page.getByText(code).first().waitFor();
        await page.screenshot({ path: join(screenshots, `docs-${language}-${anchor}.png`) });
      }
      expect(await page.getAttribute('html', 'lang')).toBe(language === 'zh' ? 'zh-CN' : 'en');
      const link = page.locator('#language-links a');
      expect(await link.innerText()).toBe(other);
      await Promise.all([page.waitForURL(`**${otherPage}`), link.click()]);
      await page.close();
    },
  );

  it('renders Chinese glyphs, not empty boxes (a CJK font is installed)', async () => {
    const page = await openPage(`${site.url}/docs/zh/`);
    // Without a font for them, two different characters draw the same
    // "missing glyph" box; with one, their pixels differ.
    const differ = await page.evaluate(() => {
      const pixels = (char: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 40;
        canvas.height = 40;
        const context = canvas.getContext('2d');
        if (context === null) return '';
        context.font = `32px ${getComputedStyle(document.body).fontFamily}`;
        context.fillText(char, 2, 32);
        return Array.from(context.getImageData(0, 0, 40, 40).data).join(',');
      };
      return {
        chinese: pixels('查') !== pixels('询') && pixels('询') !== pixels('详'),
        // The method itself: two private-use characters, which no font
        // draws, give the same box.
        boxes: pixels('\uE000') === pixels('\uE001'),
      };
    });
    expect(differ).toEqual({ chinese: true, boxes: true });
    await page.close();
  });

  it('fetched nothing from outside on any page above: telemetry off, no CDN logo (offline)', () => {
    expect(outsideRequests).toEqual([]);
  });
});
