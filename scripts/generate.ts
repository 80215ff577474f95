// `npm run generate`: writes generated/ from openapi/.

import { mkdir, writeFile } from 'node:fs/promises';
import { fromRoot, generatedDir } from '../lib/paths.ts';
import { scriptArgs } from '../lib/script.ts';
import { renderGenerated } from './render-generated.ts';

scriptArgs(
  `Usage: npm run generate [--verbose]\n\nWrites generated/ (bundles, types, the operation table, examples) and src/mock/dataset.json from openapi/.\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run generate`,
);

await mkdir(generatedDir, { recursive: true });
for (const [file, content] of await renderGenerated()) {
  await writeFile(fromRoot(file), content);
  console.log(`wrote ${file}`);
}
