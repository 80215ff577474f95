// docs/review.md lists the rule catalogue as generated from review/catalogue.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue.ts';
import { withCatalogueTable } from '../catalogue-table.ts';

const readme = readFileSync(new URL('../../docs/review.md', import.meta.url), 'utf8');

describe('the rule catalogue in docs/review.md', () => {
  it('is the table the catalogue renders (npm run review:rules rewrites it)', () => {
    expect(readme).toBe(withCatalogueTable(readme));
  });

  it('names every rule with its level', () => {
    for (const rule of catalogue) {
      const body = rule.bodyId ? ` (on the body itself: \`${rule.bodyId}\`)` : '';
      expect(readme).toContain(`| \`${rule.id}\`${body} | ${rule.level} |`);
    }
  });
});
