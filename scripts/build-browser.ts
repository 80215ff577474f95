// `npm run build:browser`: the client as browser-ready ES modules in
// build/browser/ (esbuild, minified). The AK/SK signer stays a separate
// chunk that the page only fetches on its first signed request.

import { build } from 'esbuild';
import { isMain } from '../lib/is-main.ts';
import { fromRoot } from '../lib/paths.ts';
import { scriptArgs } from '../lib/script.ts';

export const browserBundleDir = fromRoot('build/browser/');

export async function buildBrowserBundle(outdir: string = browserBundleDir): Promise<string[]> {
  const result = await build({
    entryPoints: { 'apig-purchases': fromRoot('src/index.ts') },
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    outdir,
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).filter((file) => !file.endsWith('.map'));
}

if (isMain(import.meta.url)) {
  scriptArgs(
    `Usage: npm run build:browser [--verbose]\n\nBuilds the client as browser ES modules into build/browser/.\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run build:browser`,
  );
  for (const file of await buildBrowserBundle()) console.log(`wrote ${file}`);
}
