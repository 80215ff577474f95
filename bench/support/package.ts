// The benches measure what users run: the built package (dist/, compiled by
// `npm run build:package`), not the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fromRoot } from '../../lib/paths.ts';

export type Package = typeof import('../../src/index.ts');

export async function loadPackage(): Promise<Package> {
  const entry = fromRoot('dist/index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build:package first`);
  return (await import(pathToFileURL(entry).href)) as Package;
}
