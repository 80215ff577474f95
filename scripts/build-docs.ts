// `npm run docs`: the HTML API reference (Redoc, via Redocly CLI) built from
// the bundled contract into build/docs/ (git-ignored). Scripts are inlined so
// the page works offline, and the renderer's telemetry is switched off.

import { isMain } from './lib/is-main.ts';
import { fromRoot } from './lib/paths.ts';
import { runRedocly } from './lib/redocly.ts';

export const docsFile = fromRoot('build/docs/index.html');

export async function buildDocs(output: string = docsFile): Promise<void> {
  const result = await runRedocly([
    'build-docs',
    'generated/openapi.yaml',
    '--output',
    output,
    '--inlineBundle',
    '--openapi.disableTelemetry=true',
    '--title',
    'Huawei Cloud APIG — purchased API groups',
  ]);
  if (result.code !== 0)
    throw new Error(`redocly build-docs failed (exit ${result.code}):\n${result.stderr}`);
}

if (isMain(import.meta.url)) {
  await buildDocs();
  console.log(`wrote ${docsFile.replace(fromRoot('.'), '')}`);
}
