// The mock's bundled dataset is valid against the contract's schemas and the
// house strictness, large and varied enough to build a paged table with.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile, syntaxErrorOffset } from '../../mock/dataset-file.ts';
import { answer, pageOf } from '../../src/mock/answer-request.ts';
import dataset from '../../src/mock/dataset.json' with { type: 'json' };
import {
  checkDataset,
  DatasetError,
  isDateTime,
  maxDatasetDepth,
  maxDatasetProblems,
} from '../../src/mock/dataset.ts';
import { type Json, loadContract } from '../support/contract.ts';
import { houseSchemas } from '../support/house-schemas.ts';
import { createContractValidator } from '../support/schema-validator.ts';

const data = checkDataset(dataset, 'src/mock/dataset.json');
const { purchases } = data;
const validatorFor = createContractValidator(loadContract());

describe('the bundled dataset (src/mock/dataset.json)', () => {
  it('holds 50 to 200 purchases with unique ids', () => {
    expect(purchases.length).toBeGreaterThanOrEqual(50);
    expect(purchases.length).toBeLessThanOrEqual(200);
    expect(new Set(purchases.map((p) => p.id)).size).toBe(purchases.length);
  });

  it('every purchase is a valid detail, and every page a valid list, by the contract and the house rules', () => {
    const detail = validatorFor({ $ref: '#/components/schemas/PurchasedGroup' });
    const houseDetail = validatorFor(houseSchemas.getPurchasedGroup as unknown as Json);
    for (const purchase of purchases) {
      detail(purchase);
      expect(detail.errors ?? [], purchase.id).toEqual([]);
      houseDetail(purchase);
      expect(houseDetail.errors ?? [], purchase.id).toEqual([]);
    }
    const list = validatorFor({ $ref: '#/components/schemas/PurchasedGroupList' });
    const houseList = validatorFor(houseSchemas.listPurchasedGroups as unknown as Json);
    const page = pageOf('listPurchasedGroups', data, new URLSearchParams('page_size=0'));
    list(page);
    expect(list.errors ?? []).toEqual([]);
    houseList(page);
    expect(houseList.errors ?? []).toEqual([]);
  });

  it('mixes what a frontend must render', () => {
    const cjk = /[\u4e00-\u9fff]/;
    expect(purchases.some((p) => cjk.test(p.group_name))).toBe(true);
    expect(purchases.some((p) => /^[\x20-\x7e]+$/.test(p.group_name))).toBe(true);
    expect(purchases.some((p) => cjk.test(p.group_remark))).toBe(true);
    const perGroup = new Map<string, number>();
    for (const p of purchases) perGroup.set(p.group_id, (perGroup.get(p.group_id) ?? 0) + 1);
    expect(Math.max(...perGroup.values())).toBeGreaterThan(2);
    const today = '2026-11-01';
    expect(purchases.some((p) => p.expire_time < today)).toBe(true);
    expect(purchases.some((p) => p.expire_time > today)).toBe(true);
    expect(purchases.some((p) => p.quota_left === 0)).toBe(true);
    expect(purchases.some((p) => p.quota_left >= 1_000_000_000)).toBe(true);
    expect(purchases.every((p) => p.app_secret === '******')).toBe(true);
    expect(
      purchases.some((p) => p.group_domains.some((d) => d.endsWith('.huaweicloudapis.com'))),
    ).toBe(true);
  });
});

describe('checkDataset', () => {
  const good = purchases[0] as (typeof purchases)[number];
  it.each([
    [{}, '/purchases: is missing: an array of purchases'],
    [{ purchases: 'many' }, '/purchases: must be an array of purchases'],
    [{ purchases: [7] }, '/purchases/0: must be an object'],
    [
      { purchases: [{ ...good, quota_left: '5' }] },
      '/purchases/0/quota_left: must be an integer of at least 0',
    ],
    [{ purchases: [good, good] }, `/purchases/1/id: duplicates the id "${good.id}"`],
    [
      { purchases: [{ ...good, app_secret: 'plain' }] },
      '/purchases/0/app_secret: must be masked as "******"',
    ],
    [
      { purchases: [{ ...good, order_time: '2018-01-02T10: 51: 26Z' }] },
      '/purchases/0/order_time: must be an RFC 3339 date-time',
    ],
    [
      { purchases: [{ ...good, group_domains: null }] },
      '/purchases/0/group_domains: must be an array of strings',
    ],
    [
      { purchases: [{ ...good, start_time: '2024-13-45T99:99:99Z' }] },
      '/purchases/0/start_time: must be an RFC 3339 date-time',
    ],
    [
      { purchases: [{ ...good, extra: nested(20_000) }] },
      `/purchases/0/extra${'/a'.repeat(maxDatasetDepth - 3)}: nests deeper than ${maxDatasetDepth} levels`,
    ],
  ])('names the source, the JSON pointer and the problem (%#)', (value, message) => {
    expect(() => checkDataset(value, 'my.json')).toThrow(DatasetError);
    expect(() => checkDataset(value, 'my.json')).toThrow(`my.json: ${message}`);
  });
});

/** `{ a: { a: … } }`, `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe('isDateTime reads a timestamp as Prism does (ajv-formats date-time)', () => {
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
  const ajv = addFormats(new Ajv2020());
  const prism = ajv.compile({ type: 'string', format: 'date-time' });
  it.each([
    '2024-01-01T00:00:00Z',
    '2024-02-29T12:00:00Z',
    '2023-02-29T12:00:00Z',
    '2024-13-45T99:99:99Z',
    '2024-04-31T00:00:00Z',
    '2024-00-10T00:00:00Z',
    '2016-12-31T23:59:60Z',
    '2016-12-31T12:00:60Z',
    '2017-01-01T07:59:60+08:00',
    '2024-06-01T24:00:00Z',
    '2024-06-01T10:00:00.123+05:30',
    '2024-06-01T10:00:00+24:00',
    '2018-01-02T10: 51: 26Z',
    '2024-06-01 10:00:00Z',
  ])('%s', (text) => {
    expect(isDateTime(text)).toBe(prism(text));
  });
});

describe('checkDataset says everything at once', () => {
  const [first, second] = purchases as [(typeof purchases)[number], (typeof purchases)[number]];
  const { group_name: _name, ...withoutName } = first;

  it('lists every problem, a missing field as missing, in one error', () => {
    const value = {
      purchases: [withoutName, { ...second, quota_left: -3, order_time: 'yesterday' }],
    };
    let message = '';
    try {
      checkDataset(value, 'my.json');
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      '3 problems:',
      'my.json: /purchases/0/group_name: is missing (string)',
      'my.json: /purchases/1/order_time: must be an RFC 3339 date-time such as "2024-01-01T00:00:00Z"',
      'my.json: /purchases/1/quota_left: must be an integer of at least 0',
    ]);
  });

  it(`lists the first ${maxDatasetProblems} of many, and counts the rest`, () => {
    const bad = Array.from({ length: 500 }, (_, index) => ({
      ...first,
      id: `id-${index}`,
      quota_left: -1,
    }));
    const message = (() => {
      try {
        checkDataset({ purchases: bad }, 'my.json');
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    const lines = message.split('\n');
    expect(lines[0]).toBe('500 problems:');
    expect(lines).toHaveLength(maxDatasetProblems + 2);
    expect(lines.at(-1)).toBe(
      `... and ${500 - maxDatasetProblems} more (the first ${maxDatasetProblems} are shown)`,
    );
  });

  it('warns of a field no schema has, or refuses it when strict', () => {
    const value = { purchases: [{ ...first, colour: 'red' }], purchase: [] };
    const warnings: string[] = [];
    const served = checkDataset(value, 'my.json', { onWarning: (line) => warnings.push(line) });
    expect(served.purchases[0]).toMatchObject({ colour: 'red' });
    expect(warnings).toEqual([
      'my.json: /purchase: is not a collection (purchases, apis): served as is (--strict-data refuses it)',
      'my.json: /purchases/0/colour: is not a field of PurchasedGroup ("colour"): served as is (--strict-data refuses it)',
    ]);
    expect(() => checkDataset(value, 'my.json', { unknownFields: 'refuse' })).toThrow(
      '2 problems:\nmy.json: /purchase: is not a collection (purchases, apis)\nmy.json: /purchases/0/colour: is not a field of PurchasedGroup ("colour")',
    );
  });
});

describe('checkDataset across collections', () => {
  const [purchase] = purchases;
  const api = data.apis[0];
  it('refuses an API whose purchase_id is no purchase of the dataset, by JSON pointer', () => {
    const value = { purchases: [purchase], apis: [{ ...api, purchase_id: 'no-such-purchase' }] };
    expect(() => checkDataset(value, 'my.json')).toThrow(
      'my.json: /apis/0/purchase_id: is not the id of any of purchases',
    );
  });

  it('checks every field of an API as the contract types it, and accepts a dataset without APIs', () => {
    expect(() =>
      checkDataset(
        { purchases: [purchase], apis: [{ ...api, purchase_id: purchase?.id, name: 7 }] },
        'my.json',
      ),
    ).toThrow('my.json: /apis/0/name: must be a string');
    expect(checkDataset({ purchases: [purchase] }, 'my.json').apis).toEqual([]);
  });
});

describe('syntaxErrorOffset: where broken --data JSON stops, on any Node', () => {
  const pieces = ['{', '}', '[', ']', ',', ':', '"a"', '"\\u00e9"', '"\\x"', '1', '-0.5e3', '01'];
  const more = ['true', 'nul', 'null', ' ', '\n', '"', 'x', '"\t"'];
  it('says valid (-1) exactly when JSON.parse accepts the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...more), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(syntaxErrorOffset(text) === -1).toBe(valid);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['{"id": }', 7],
    ['{"purchases": [1, 2', 19],
    ['{"a":1}x', 7],
    ['', 0],
  ])('%j stops at %i', (text, offset) => {
    expect(syntaxErrorOffset(text)).toBe(offset);
  });

  it('reads strings longer than its window, and names where an unclosed one opens', () => {
    expect(syntaxErrorOffset(JSON.stringify({ long: 'x'.repeat(5_000) }))).toBe(-1);
    expect(syntaxErrorOffset(`{"long": "${'x'.repeat(5_000)}`)).toBe(9);
  });
});

describe('a path no operation has', () => {
  it("is answered 404 with the contract's x-unrouted-error, a valid ApigError", () => {
    const validate = validatorFor({ $ref: '#/components/schemas/ApigError' });
    type Schemas = { ApigError: { 'x-unrouted-error': Json } };
    const contract = loadContract() as { components: { schemas: Schemas } };
    const unrouted = contract.components.schemas.ApigError['x-unrouted-error'];
    const got = answer(
      {
        url: new URL('http://127.0.0.1/v1.0/apigw/purchases/nothing-here'),
        headers: new Headers({ 'X-Auth-Token': 'dev' }),
      },
      { data },
    );
    expect(got.status).toBe(404);
    expect(got.body).toEqual(unrouted);
    expect(validate(got.body), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('loadDatasetFile on bytes that are not UTF-8', () => {
  it('names the first bad byte after many real U+FFFD, by line and column', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dataset-utf8-'));
    try {
      const file = join(folder, 'data.json');
      const real = '\uFFFD'.repeat(20_000);
      await writeFile(
        file,
        Buffer.concat([Buffer.from(`{"x":\n"${real}`), Buffer.from([0xff]), Buffer.from('"}')]),
      );
      await expect(loadDatasetFile(file)).rejects.toThrow(
        new RegExp(`data\\.json:2:${real.length + 2}: not UTF-8 text`),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
