// How much the client adds to a browser app: esbuild bundles of the client
// entry (minified, tree-shaken, gzip -9), next to the installed size of
// Huawei's official Node SDK core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { isMain } from '../lib/is-main.ts';
import { fromRoot } from '../lib/paths.ts';

export interface SizeRow {
  what: string;
  minifiedBytes: number;
  gzipBytes: number;
}

const gzip = (code: Uint8Array) => gzipSync(code, { level: 9 }).length;

/**
 * Bundles `source` as an app would and splits what loads up front from the
 * AK/SK signer, which the client imports lazily on the first signed request.
 */
async function bundle(source: string): Promise<{ upFront: Uint8Array[]; lazy: Uint8Array[] }> {
  const result = await build({
    stdin: { contents: source, resolveDir: fromRoot('.'), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    outdir: fromRoot('build/bundle-size'),
    write: false,
    metafile: true,
  });
  // Up front: the entry chunk and what it imports statically; the rest is
  // only fetched by a dynamic import().
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === '<stdin>');
  const upFrontPaths = new Set<string>();
  const visit = (path: string | undefined) => {
    if (path === undefined || upFrontPaths.has(path)) return;
    upFrontPaths.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(entry);
  const upFront: Uint8Array[] = [];
  const lazy: Uint8Array[] = [];
  for (const file of result.outputFiles) {
    const isUpFront = [...upFrontPaths].some((path) => file.path.endsWith(path));
    (isUpFront ? upFront : lazy).push(file.contents);
  }
  return { upFront, lazy };
}

const concat = (parts: Uint8Array[]) => Buffer.concat(parts);

function installedSize(packageName: string, from: string, seen = new Set<string>()): number {
  const require = createRequire(join(from, 'noop.js'));
  let root: string;
  try {
    root = dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    return 0;
  }
  if (seen.has(root)) return 0;
  seen.add(root);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  let bytes = folderSize(root);
  for (const dependency of Object.keys(pkg.dependencies ?? {}))
    bytes += installedSize(dependency, root, seen);
  return bytes;
}

function folderSize(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    bytes += entry.isDirectory() ? folderSize(path) : statSync(path).size;
  }
  return bytes;
}

export async function benchBundleSize(): Promise<{
  rows: SizeRow[];
  huaweiInstalledBytes: number;
  huaweiOwnBytes: number;
}> {
  const tokenOnly = await bundle(
    "import { createPurchasesClient } from './src/index.ts'; export const client = createPurchasesClient({ region: 'cn-north-4', credentials: { token: 't' } });",
  );
  const withSigner = await bundle(
    "import { createPurchasesClient, signRequest } from './src/index.ts'; export const client = createPurchasesClient({ region: 'cn-north-4', credentials: { accessKey: 'a', secretKey: 's' } }); export { signRequest };",
  );
  const row = (what: string, parts: Uint8Array[]): SizeRow => {
    const code = concat(parts);
    return { what, minifiedBytes: code.length, gzipBytes: gzip(code) };
  };
  const sdkCore = '@huaweicloud/huaweicloud-sdk-core';
  return {
    rows: [
      row('client entry without the signer (token auth)', tokenOnly.upFront),
      row('client entry with the signer (AK/SK)', [...withSigner.upFront, ...withSigner.lazy]),
    ],
    huaweiOwnBytes: folderSize(
      dirname(createRequire(import.meta.url).resolve(`${sdkCore}/package.json`)),
    ),
    huaweiInstalledBytes: installedSize(sdkCore, fromRoot('.')),
  };
}

if (isMain(import.meta.url)) {
  const { rows, huaweiInstalledBytes, huaweiOwnBytes } = await benchBundleSize();
  console.table(rows);
  console.log(
    `${'@huaweicloud/huaweicloud-sdk-core'} installed: ${huaweiOwnBytes} bytes itself, ${huaweiInstalledBytes} bytes with its dependencies`,
  );
}
