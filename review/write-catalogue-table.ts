// `npm run review:rules`: writes the rule catalogue's table into docs/review.md.

import { readFile, writeFile } from 'node:fs/promises';
import { fromRoot } from '../lib/paths.ts';
import { scriptArgs } from '../lib/script.ts';
import { withCatalogueTable } from './catalogue-table.ts';

scriptArgs(
  `Usage: npm run review:rules [--verbose]\n\nWrites the review's rule catalogue table into docs/review.md.\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run review:rules`,
);

const readme = fromRoot('docs/review.md');
await writeFile(readme, withCatalogueTable(await readFile(readme, 'utf8')));
console.log('docs/review.md: review rule table written');
