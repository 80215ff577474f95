// Where things live, resolved from this file so scripts work from any cwd.
// Paths are joined as paths, never re-read as URLs: a folder named `pkg#1`
// or `a%20b` is a folder name, not a fragment or an escape.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder above the one of the module at `moduleUrl`, and paths under it. */
export function rootOf(moduleUrl: string): { root: string; from: (relative: string) => string } {
  const root = fileURLToPath(new URL('../', moduleUrl));
  return { root, from: (relative) => join(root, relative) };
}

const here = rootOf(import.meta.url);
export const repoRoot = here.root;
export const fromRoot = here.from;

export const contractRoot = fromRoot('openapi/openapi.yaml');
export const generatedDir = fromRoot('generated/');
