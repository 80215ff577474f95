// The review's note on translations: which texts of a change the overlays
// in openapi/translations/ leave untranslated (read from this repository).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../lib/paths.ts';
import { plainOf } from '../inert.ts';
import { translationNotes } from '../translations.ts';

const bundle = () => JSON.parse(readFileSync(join(repoRoot, 'generated/openapi.json'), 'utf8'));

describe('translationNotes', () => {
  it('says nothing when the change leaves every text translated', async () => {
    expect(await translationNotes(repoRoot, bundle(), bundle())).toEqual([]);
  });

  it('names each edited or added text the Chinese overlay does not follow', async () => {
    const head = bundle();
    head.components.schemas.PurchaseBase.properties.quota_used.description =
      'Number of API calls already used this period.';
    head.components.schemas.PurchaseBase.properties.group_id.title = 'Group id';
    expect((await translationNotes(repoRoot, bundle(), head)).map(plainOf)).toEqual([
      "this change leaves 2 text(s) untranslated in `openapi/translations/zh.yaml`: `title` at `/components/schemas/PurchaseBase/properties/group_id` (no translation); `description` at `/components/schemas/PurchaseBase/properties/quota_used` (the translation still follows the previous English). Update the action's `update` and `x-english`.",
    ]);
  });

  it('leaves out texts this change did not touch', async () => {
    const base = bundle();
    base.components.schemas.PurchaseBase.properties.quota_used.description = 'Edited earlier.';
    const head = structuredClone(base);
    head.info.version = '9.9.9';
    expect(await translationNotes(repoRoot, base, head)).toEqual([]);
  });

  it('names every action whose target the change removed, as generate would report it', async () => {
    const head = bundle();
    delete head.components.schemas.PurchasedApi.properties.req_uri;
    const notes = (await translationNotes(repoRoot, bundle(), head)).map(plainOf);
    expect(notes).toEqual([
      expect.stringMatching(
        /^`openapi\/translations\/zh\.yaml` has 1 action\(s\) whose target this change removed, which `npm run generate` refuses: `openapi\/translations\/zh\.yaml:\d+: target \$\.components\.schemas\.PurchasedApi\.properties\.req_uri matches nothing in the contract/,
      ),
    ]);
  });
});
