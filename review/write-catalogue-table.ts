// `npm run review:rules`: writes the rule catalogue's table into README.md.
import { readFile, writeFile } from 'node:fs/promises';
import { fromRoot } from '../lib/paths.ts';
import { withCatalogueTable } from './catalogue-table.ts';

const readme = fromRoot('README.md');
await writeFile(readme, withCatalogueTable(await readFile(readme, 'utf8')));
console.log('README.md: review rule table written');
