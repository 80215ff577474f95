// The review's findings on translations (read from this repository): texts a
// change leaves untranslated and actions whose target it removed fail it
// (CI would), on the overlay's lines; every Chinese text it adds, edits or
// removes is listed, old and new.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../lib/paths.ts';
import type { Change } from '../change.ts';
import { plainOf } from '../inert.ts';
import type { SourceFiles } from '../locate.ts';
import { translationFindings } from '../translations.ts';

const bundle = () => JSON.parse(readFileSync(join(repoRoot, 'generated/openapi.json'), 'utf8'));
const overlay = 'openapi/translations/zh.yaml';
const overlayText = readFileSync(join(repoRoot, overlay), 'utf8');
const files = (text = overlayText): SourceFiles => ({
  root: 'openapi/openapi.yaml',
  texts: new Map([[overlay, text]]),
});
const same = { base: files(), head: files() };
const plain = (found: Change[]) =>
  found.map((change) => ({ ...change, message: plainOf(change.message) }));
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('translationFindings', () => {
  it('finds nothing when the change leaves every text translated', async () => {
    expect(await translationFindings(repoRoot, bundle(), bundle(), same)).toEqual([]);
  });

  it('fails each edited or added text the Chinese overlay does not follow', async () => {
    const head = bundle();
    head.components.schemas.PurchaseBase.properties.quota_used.description =
      'Number of API calls already used this period.';
    head.components.schemas.PurchaseBase.properties.group_id.title = 'Group id';
    const found = plain(await translationFindings(repoRoot, bundle(), head, same));
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'check',
        rule: 'translation-missing',
        message: expect.stringMatching(
          /^`title` at `\/components\/schemas\/PurchaseBase\/properties\/group_id` is left untranslated in `openapi\/translations\/zh\.yaml` \(no translation\): .*`npm run generate`$/,
        ),
      }),
      expect.objectContaining({
        kind: 'check',
        rule: 'translation-missing',
        message: expect.stringContaining('(the translation still follows the previous English)'),
      }),
    ]);
  });

  it('leaves out texts this change did not touch', async () => {
    const base = bundle();
    base.components.schemas.PurchaseBase.properties.quota_used.description = 'Edited earlier.';
    const head = structuredClone(base);
    head.info.version = '9.9.9';
    expect(await translationFindings(repoRoot, base, head, same)).toEqual([]);
  });

  it('fails every action whose target the change removed, on its line', async () => {
    const head = bundle();
    delete head.components.schemas.PurchasedApi.properties.req_uri;
    const [found, ...rest] = plain(await translationFindings(repoRoot, bundle(), head, same));
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      kind: 'check',
      rule: 'translation-target-removed',
      location: { file: overlay, line: lineOf(overlayText, 'PurchasedApi.properties.req_uri') },
    });
    expect(found?.message).toContain('remove the action or point it at the new location');
  });

  it('lists a Chinese-only edit, old and new, on the line of its action', async () => {
    const edited = overlayText.replace('剩余访问次数', '已使用的访问次数');
    expect(edited).not.toBe(overlayText);
    const found = plain(
      await translationFindings(repoRoot, bundle(), bundle(), {
        base: files(),
        head: files(edited),
      }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'non-breaking',
        rule: 'zh-text-changed',
        message: expect.stringMatching(/quota_left.*剩余访问次数.*→.*已使用的访问次数/),
        location: expect.objectContaining({ file: overlay }),
      }),
    ]);
  });
});

describe('an untranslated text', () => {
  it("is annotated where its English changed, in the head's files", async () => {
    const head = bundle();
    head.components.schemas.PurchaseBase.properties.quota_used.description = 'Edited.';
    const texts = new Map([[overlay, overlayText]]);
    for (const file of ['openapi/openapi.yaml', 'openapi/components/schemas/PurchaseBase.yaml']) {
      texts.set(file, readFileSync(join(repoRoot, file), 'utf8'));
    }
    const files = { root: 'openapi/openapi.yaml', texts };
    const [found] = await translationFindings(repoRoot, bundle(), head, {
      base: files,
      head: files,
    });
    const schema = readFileSync(
      join(repoRoot, 'openapi/components/schemas/PurchaseBase.yaml'),
      'utf8',
    );
    expect(found?.location).toMatchObject({
      file: 'openapi/components/schemas/PurchaseBase.yaml',
      pointer: '/properties/quota_used/description',
      line: lineOf(schema, 'Number of API calls already used'),
    });
  });
});
