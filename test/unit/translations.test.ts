// The Chinese reference: openapi/translations/zh.yaml must cover every text
// of the contract, and a missing or stale translation stops the build with
// its location.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type OperationSpec, operations } from '../../generated/operations.js';
import { checkTranslation, targetProblem } from '../../lib/translations/check.ts';
import { translatableTexts } from '../../lib/translations/texts.ts';
import { renderTranslatedBundle } from '../../scripts/translations/bundle.ts';
import { repoRoot } from '../support/contract.ts';

const overlayPath = join(repoRoot, 'openapi/translations/zh.yaml');
// A fresh copy per test: some tests edit it.
const englishBundle = () =>
  JSON.parse(readFileSync(join(repoRoot, 'generated/openapi.json'), 'utf8'));

let work = '';
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'apig-translations-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The real overlay, edited, written to a temporary file. */
async function editedOverlay(edit: (overlay: { actions: Record<string, unknown>[] }) => void) {
  const overlay = parse(await readFile(overlayPath, 'utf8'));
  edit(overlay);
  const file = join(work, `zh-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, stringify(overlay));
  return file;
}

describe('openapi/translations/zh.yaml', () => {
  it('translates every text of the contract, none outdated', async () => {
    const report = await checkTranslation(englishBundle(), overlayPath);
    expect(report).toEqual({
      problems: [],
      outdated: [],
      missing: [],
      dangling: [],
      refused: [],
    });
  });

  it("uses Huawei's Chinese titles for the operations", async () => {
    const chinese = parse(await readFile(join(repoRoot, 'generated/openapi.zh.yaml'), 'utf8'));
    const summaryOf = (spec: OperationSpec): unknown =>
      chinese.paths[spec.path]?.[spec.method.toLowerCase()]?.summary;
    // Every operation of the table has a Chinese title…
    for (const spec of Object.values(operations)) {
      expect(summaryOf(spec), spec.operationId).toMatch(/[\u4e00-\u9fff]/);
    }
    // …and those Huawei's pages give are Huawei's, word for word (seeds/, the third page).
    const huawei: Partial<Record<string, string>> = {
      listPurchasedGroups: '查询已购买的API分组列表',
      getPurchasedGroup: '查询分组详情',
      listPurchasedApis: '查询已购买的API列表',
    };
    for (const [operationId, title] of Object.entries(huawei)) {
      const spec = Object.values(operations).find((s) => s.operationId === operationId);
      if (spec !== undefined) expect(summaryOf(spec)).toBe(title);
    }
  });

  it('leaves the generated TypeScript doc comments in English', async () => {
    const types = await readFile(join(repoRoot, 'generated/schema.d.ts'), 'utf8');
    expect(types.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g)).toBeNull();
  });
});

describe('the translation check', () => {
  it('names a text that has no translation, by JSON pointer', async () => {
    const file = await editedOverlay((overlay) => {
      overlay.actions = overlay.actions.filter(
        (action) => action.target !== '$.components.schemas.PurchaseBase.properties.app_key',
      );
    });
    const report = await checkTranslation(englishBundle(), file, 'zh.yaml');
    expect(report.problems).toEqual([
      'zh.yaml: no translation of description at /components/schemas/PurchaseBase/properties/app_key ("AppKey of the app generated for this purchase; the list m...")',
    ]);
  });

  it('names a new English text the overlay does not cover yet', async () => {
    const english = englishBundle();
    english.components.schemas.PurchaseBase.properties.group_id.title = 'Group';
    const report = await checkTranslation(english, overlayPath, 'zh.yaml');
    expect(report.problems).toEqual([
      'zh.yaml: no translation of title at /components/schemas/PurchaseBase/properties/group_id ("Group")',
    ]);
  });

  it('names a translation whose location no longer exists, by file:line', async () => {
    const file = await editedOverlay((overlay) => {
      overlay.actions.push({
        target: '$.components.schemas.Retired',
        update: { description: '已下线' },
        'x-english': { description: 'Retired' },
      });
    });
    const { problems } = await checkTranslation(englishBundle(), file, 'zh.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^zh\.yaml:\d+: target \$\.components\.schemas\.Retired matches nothing in the contract/,
    );
  });

  it('refuses, without running it, a target whose work a pull request could make run away', async () => {
    const catastrophic = "$.paths[?match(@.x, '(a+)+$')]";
    const file = await editedOverlay((overlay) => {
      for (const target of [
        catastrophic,
        "$..[?search(@.description, 'x')]",
        '$.a[?@.b][?@.c][?@.d]',
        "$.paths[?@..description=='x']",
        `$.info${'.x'.repeat(300)}`,
      ]) {
        overlay.actions.push({ target, update: { description: 'x' } });
      }
    });
    const { refused, problems } = await checkTranslation(englishBundle(), file, 'zh.yaml');
    expect(refused).toHaveLength(5);
    expect(problems).toEqual(expect.arrayContaining(refused));
    expect(refused[0]).toMatch(/^zh\.yaml:\d+: target ".*" uses match\(\) or search\(\)/);
    expect(refused.slice(2).join('\n')).toMatch(/3 filters.*\n.*descendants.*\n.*over the 500/);
    // The real overlay's equality filter stays allowed.
    expect(targetProblem("$.tags[?@.name=='Purchases']")).toBeUndefined();
  });

  it('refuses a key the target has no text for, an invalid JSONPath and a missing x-english', async () => {
    const file = await editedOverlay((overlay) => {
      const info = overlay.actions.find((action) => action.target === '$.info');
      if (info === undefined) throw new Error('no $.info action');
      info['x-english'] = {};
      overlay.actions.push(
        { target: '$.servers[0]', update: { title: '标题' }, 'x-english': { title: 'Title' } },
        { target: '$.paths[', update: { summary: '坏' } },
      );
    });
    const { problems } = await checkTranslation(englishBundle(), file, 'zh.yaml');
    expect(problems.map((problem) => problem.replace(/:\d+:/, ':N:'))).toEqual([
      'zh.yaml:N: x-english.title is missing: record the English this translates',
      'zh.yaml:N: x-english.summary is missing: record the English this translates',
      'zh.yaml:N: x-english.description is missing: record the English this translates',
      'zh.yaml:N: $.servers[0] has no title to translate',
      expect.stringMatching(/^zh\.yaml:N: target \$\.paths\[ is not a JSONPath/),
    ]);
  });

  it('reports a text whose English changed since it was translated, without failing', async () => {
    const english = englishBundle();
    english.components.schemas.PurchaseBase.properties.quota_left.description =
      'Remaining number of API calls, never negative.';
    const report = await checkTranslation(english, overlayPath, 'zh.yaml');
    expect(report.problems).toEqual([]);
    expect(report.outdated.map((text) => `${text.pointer} ${text.key}`)).toEqual([
      '/components/schemas/PurchaseBase/properties/quota_left description',
    ]);
  });

  it('stops the build of the Chinese bundle with the locations', async () => {
    const english = englishBundle();
    english.paths['/v1.0/apigw/purchases/groups'].get.summary = 'List the purchased API groups';
    english.tags[0].description = undefined;
    english.components.responses.NotFound.description = 'Not Found';
    const report = await checkTranslation(english, overlayPath, 'zh.yaml');
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^zh\.yaml:\d+: \$\.tags\[\?@\.name=='Purchases'\] has no description to translate$/,
      ),
    ]);
    delete english.tags[0].description;
    english.components.responses.Gone = { description: 'Gone: the subscription was cancelled.' };
    await expect(renderTranslatedBundle(english, 'zh')).rejects.toThrow(
      /the zh translation does not match the contract:\n.*\n\s+openapi\/translations\/zh\.yaml: no translation of description at \/components\/responses\/Gone \("Gone: the subscription was cancelled\."\)/,
    );
  });
});

describe('which texts are translated', () => {
  it('takes prose from every kind of object, never example values or enums', () => {
    const texts = translatableTexts({
      info: { title: 'T', description: 'D' },
      tags: [{ name: 'Purchases', description: 'Tag' }],
      components: {
        schemas: {
          S: {
            description: 'Schema',
            properties: {
              value: { description: 'A property called value' },
              default: { description: 'A property called default' },
            },
            examples: [{ description: 'data, not prose' }],
            default: { description: 'data' },
            enum: ['description'],
            'x-note': { description: 'extension' },
          },
        },
        examples: { E: { summary: 'Example', value: { description: 'data' } } },
      },
    }).map((text) => `${text.pointer} ${text.key}: ${text.english}`);
    expect(texts).toEqual([
      '/info title: T',
      '/info description: D',
      '/tags/0 x-displayName: Purchases',
      '/tags/0 description: Tag',
      '/components/schemas/S description: Schema',
      '/components/schemas/S/properties/value description: A property called value',
      '/components/schemas/S/properties/default description: A property called default',
      '/components/examples/E summary: Example',
    ]);
  });
});

describe('a broken overlay file', () => {
  it('is reported with its file:line:column', async () => {
    const file = join(work, 'broken.yaml');
    await writeFile(file, 'overlay: 1.0.0\nactions:\n  - target: $.info\n    update: { title: [\n');
    const { problems } = await checkTranslation(englishBundle(), file, 'zh.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^zh\.yaml:\d+:\d+: /);
  });
});
