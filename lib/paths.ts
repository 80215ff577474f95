// Where things live, resolved from this file so scripts work from any cwd.
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const fromRoot = (relative: string): string =>
  fileURLToPath(new URL(relative, `file://${repoRoot}`));

export const contractRoot = fromRoot('openapi/openapi.yaml');
export const generatedDir = fromRoot('generated/');
