// The contract lints clean under redocly.yaml, and a broken contract fails
// with the file and line of each problem.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRedocly } from '../../lib/redocly.ts';
import { repoRoot } from '../support/contract.ts';

interface LintTotals {
  totals: { errors: number; warnings: number; ignored: number };
}

describe('redocly lint', () => {
  it('reports 0 errors and 0 warnings on the contract', async () => {
    const result = await runRedocly(['lint', '--format=json']);
    const report = JSON.parse(result.stdout) as LintTotals;
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
    expect(result.code).toBe(0);
  });

  describe('on a deliberately broken copy', () => {
    let copy = '';
    beforeAll(async () => {
      copy = await mkdtemp(join(tmpdir(), 'apig-broken-contract-'));
      await cp(join(repoRoot, 'openapi'), copy, { recursive: true });
      const edit = async (file: string, from: string, to: string) => {
        const path = join(copy, file);
        const text = await readFile(path, 'utf8');
        if (!text.includes(from)) throw new Error(`${file} no longer contains ${from}`);
        await writeFile(path, text.replace(from, to));
      };
      await edit(
        'paths/v1.0_apigw_purchases_groups.yaml',
        'listPurchasedGroups',
        'list_purchased_groups',
      );
      await edit(
        'components/schemas/PurchaseBase.yaml',
        '    description: Remaining number of API calls. No bound is documented.\n',
        '',
      );
      await edit(
        'components/examples/seedDetail.yaml',
        'quota_left: 2000000000',
        'quota_left: lots',
      );
    });
    afterAll(() => rm(copy, { recursive: true, force: true }));

    it('fails and names file:line of every problem', async () => {
      const result = await runRedocly(['lint', join(copy, 'openapi.yaml'), '--format=codeframe']);
      expect(result.code).not.toBe(0);
      const output = result.stdout + result.stderr;
      expect(output).toMatch(/paths\/v1\.0_apigw_purchases_groups\.yaml:2:16/);
      expect(output).toContain('rule/operation-id-camel-case');
      expect(output).toMatch(/components\/schemas\/PurchaseBase\.yaml:\d+:\d+/);
      expect(output).toContain('rule/schema-property-has-description');
      expect(output).toMatch(/components\/examples\/seedDetail\.yaml:\d+:\d+/);
      expect(output).toContain('no-invalid-media-type-examples');
    });
  });
});
