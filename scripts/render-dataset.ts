// Step 4 of `npm run generate`: the mock's default dataset,
// src/mock/dataset.json: 120 purchases of 40 API groups, the same every
// time (a seeded generator, no clock). It mixes Chinese and English names
// and remarks, several purchases of one group, active and expired
// subscriptions (against a fixed "today", 2026-11-01), quotas at 0 and at
// 2,000,000,000, masked app secrets, and each group's default subdomain under
// huaweicloudapis.com. The first three are Huawei's documented examples; the
// last two are the subscriptions of the APIs page's example.
// The purchased APIs belong to those purchases: the APIs page's three
// examples first, then one to four APIs of most purchases (every seventh has
// none), with Chinese and English names and remarks.
import type { PurchasedApi, PurchasedGroup } from '../generated/names.js';
import { seededRandom as seeded } from '../src/mock/seeded-random.ts';
import { generatedBanner } from './generated-header.ts';

const groups: [name: string, remark: string][] = [
  ['api_group_001', 'API group 001'],
  ['api_group_002', '分组002'],
  ['api_group_003', '分组003'],
  ['weather_forecast', 'Seven-day forecasts by city'],
  ['天气预报', '全国城市七日天气预报'],
  ['ip_geolocation', 'Country and city of an IP address'],
  ['身份证实名认证', '身份证号与姓名一致性核验'],
  ['sms_notify', 'Transactional SMS in mainland China'],
  ['短信通知', '验证码与通知类短信'],
  ['ocr_invoice', 'Recognise VAT invoices'],
  ['发票识别', '增值税发票文字识别'],
  ['express_tracking', 'Parcel tracking for 30 carriers'],
  ['快递查询', '主流快递公司物流轨迹查询'],
  ['exchange_rates', 'Daily reference exchange rates'],
  ['汇率查询', '人民币外汇牌价'],
  ['stock_quotes', 'Delayed quotes, SSE and SZSE'],
  ['股票行情', '沪深股票延时行情'],
  ['company_registry', 'Business registration lookup'],
  ['企业工商信息', '企业工商登记信息查询'],
  ['bank_card_check', 'Bank card four-element check'],
  ['银行卡核验', '银行卡四要素核验'],
  ['address_parser', 'Split Chinese addresses into parts'],
  ['地址解析', '地址标准化与行政区划解析'],
  ['holiday_calendar', 'Public holidays and working days'],
  ['节假日查询', '法定节假日与调休安排'],
  ['vehicle_violation', 'Traffic violation records'],
  ['违章查询', '机动车违章记录查询'],
  ['phone_location', 'Carrier and region of a phone number'],
  ['手机号归属地', '手机号码归属地与运营商'],
  ['air_quality', 'AQI and PM2.5 by station'],
  ['空气质量', '城市空气质量指数'],
  ['translation_zh_en', 'Chinese–English machine translation'],
  ['机器翻译', '中英互译'],
  ['image_moderation', 'Detect unsafe images'],
  ['图片审核', '图片内容安全审核'],
  ['postcode_lookup', 'Postcodes of Chinese districts'],
  ['邮编查询', '全国邮政编码查询'],
  ['news_headlines', 'Top headlines by category'],
  ['新闻头条', '分类新闻头条'],
  ['api_group_004', ''],
];

const hex = (random: () => number, length: number): string =>
  Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');

const uuid = (random: () => number): string => {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

const day = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function renderDataset(): string {
  const random = seeded(20_261_125);
  const today = Date.UTC(2026, 10, 1);
  const groupIds = groups.map(() => uuid(random));
  const purchases: PurchasedGroup[] = [
    // Huawei's documented examples (list and detail pages), domains as in the detail.
    ...(
      [
        ['615af8d9-f31d-4cdf-8807-b191dc969a07', 'f0585333-5722-4878-b7fa-31ae00b6ae3a', 2],
        ['9d0b2c4e-8f3a-4d21-9e55-7c1be44e4d13', '02a8e1c7-6b3d-4f0a-8c2e-5d9f3a171ae7', 1],
        ['3f30d49b-220f-4b11-9e94-c2fd3c1cc587', '73c58022-f20d-495a-a188-85d718647f09', 0],
      ] as [id: string, groupId: string, index: number][]
    ).map(([id, groupId, index]): PurchasedGroup => {
      const [name, remark] = groups[Number(index)] ?? ['', ''];
      return {
        id,
        group_id: groupId,
        group_name: name,
        group_remark: remark,
        group_domains:
          id === '3f30d49b-220f-4b11-9e94-c2fd3c1cc587'
            ? ['test.market.example.com']
            : [`${String(groupId).replaceAll('-', '')}.apic.cn-north-4.huaweicloudapis.com`],
        quota_used: 0,
        quota_left: 2_000_000_000,
        order_time: '2017-12-29T06:22:46Z',
        start_time: '2018-01-01T00:00:00Z',
        expire_time: '2019-01-01T00:00:00Z',
        app_key: uuid(random),
        app_secret: '******',
      };
    }),
  ];
  for (let n = purchases.length; n < 120; n += 1) {
    // Groups 3.. get one to five purchases each, in a fixed order.
    const index = 3 + ((n * 7 + Math.floor(random() * 3)) % (groups.length - 3));
    const [name, remark] = groups[index] ?? ['', ''];
    const groupId = groupIds[index] ?? '';
    const ordered = today - Math.floor(random() * 1_000) * day;
    const months = [3, 12, 24, 36][Math.floor(random() * 4)] ?? 12;
    const starts = ordered + Math.floor(random() * 3) * day;
    const quotaKind = random();
    const total = quotaKind < 0.15 ? 1_000 : quotaKind < 0.4 ? 2_000_000_000 : 100_000;
    const used = quotaKind < 0.15 ? 1_000 : Math.floor(random() * Math.min(total, 90_000));
    purchases.push({
      id: uuid(random),
      group_id: groupId,
      group_name: name,
      group_remark: remark,
      group_domains: [
        `${groupId.replaceAll('-', '')}.apic.cn-north-4.huaweicloudapis.com`,
        ...(random() < 0.3 ? [`api${n}.example.com`] : []),
      ],
      quota_used: used,
      quota_left: total - used,
      order_time: iso(ordered - Math.floor(random() * day)),
      start_time: iso(starts),
      expire_time: iso(starts + months * 30 * day),
      app_key: uuid(random),
      app_secret: '******',
    });
  }
  purchases.push(...apiPagePurchases(random));
  const apis = renderApis(purchases);
  const banner = generatedBanner('scripts/render-dataset.ts (seeded, so always the same)');
  return `${JSON.stringify({ description: banner.split('\n').join(' '), purchases, apis }, null, 2)}\n`;
}

// The subscriptions the example of "Querying the List of Purchased APIs" names.
function apiPagePurchases(random: () => number): PurchasedGroup[] {
  return (
    [
      ['730f8a84-c8db-45ba-a6a5-2669ceb08574', 'apig_envs', 'Environments of the API gateway'],
      ['2ae11f50-3938-4560-8b76-58e89bb3f825', 'API网关管理', 'API网关分组与API管理'],
    ] as [id: string, name: string, remark: string][]
  ).map(([id, name, remark]): PurchasedGroup => {
    const groupId = uuid(random);
    return {
      id,
      group_id: groupId,
      group_name: name,
      group_remark: remark,
      group_domains: [`${groupId.replaceAll('-', '')}.apic.cn-north-4.huaweicloudapis.com`],
      quota_used: 12_000,
      quota_left: 88_000,
      order_time: '2018-03-01T08:00:00Z',
      start_time: '2018-03-01T08:00:00Z',
      expire_time: '2027-03-01T08:00:00Z',
      app_key: uuid(random),
      app_secret: '******',
    };
  });
}

// Names and remarks of APIs: [name, remark, path].
const apiCatalogue: [string, string, string][] = [
  ['查询天气', '按城市查询实时天气', '/weather'],
  ['Query forecast', 'Seven-day forecast of a city', '/forecast'],
  ['查询余量', '查询剩余调用次数', '/quota'],
  ['Send message', 'Send one transactional message', '/messages'],
  ['识别票据', '识别发票与票据文字', '/ocr'],
  ['Look up record', 'One record by its id', '/records/{id}'],
  ['查询列表', '分页查询记录列表', '/records'],
  ['Check status', 'Service health and version', '/status'],
];

function renderApis(purchases: readonly PurchasedGroup[]): PurchasedApi[] {
  const random = seeded(20_261_201);
  const apis: PurchasedApi[] = (
    [
      // The page's example, verbatim.
      [
        'cb498965-8acf-4c98-bd08-4033ef1fcfb4',
        '查询环境列表',
        '730f8a84-c8db-45ba-a6a5-2669ceb08574',
        '/envs',
      ],
      [
        '5bbc47e2-95b0-4a56-904e-a3cdc422f8e9',
        '查询分组列表',
        '2ae11f50-3938-4560-8b76-58e89bb3f825',
        '/groups',
      ],
      [
        '6632a062-9dcf-4f18-9646-3cabb925a290',
        '查询API列表',
        '2ae11f50-3938-4560-8b76-58e89bb3f825',
        '/apis',
      ],
    ] as [id: string, name: string, purchaseId: string, uri: string][]
  ).map(([id, name, purchaseId, uri]) => ({
    id,
    name,
    purchase_id: purchaseId,
    remark: name,
    req_uri: uri,
  }));
  for (const [n, purchase] of purchases.entries()) {
    if (n % 7 === 6) continue; // some subscriptions have no API
    const count = 1 + Math.floor(random() * 4);
    for (let k = 0; k < count; k += 1) {
      const [name, remark, path] = apiCatalogue[(n + k * 3) % apiCatalogue.length] ?? ['', '', '/'];
      apis.push({
        id: uuid(random),
        name,
        purchase_id: purchase.id ?? '',
        remark,
        req_uri: `/${String(purchase.group_name).replace(/[^\w]/g, '') || 'api'}${path}`,
      });
    }
  }
  return apis;
}
