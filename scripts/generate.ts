// `npm run generate`: writes generated/ from openapi/.
import { mkdir, writeFile } from 'node:fs/promises';
import { fromRoot, generatedDir } from '../lib/paths.ts';
import { renderGenerated } from './render-generated.ts';

await mkdir(generatedDir, { recursive: true });
for (const [file, content] of await renderGenerated()) {
  await writeFile(fromRoot(file), content);
  console.log(`wrote ${file}`);
}
