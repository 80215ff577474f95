// lib/paths.ts joins paths as paths: installed in a folder whose name holds
// `#` or `%`, the package must find its own files, never a parent's.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rootOf } from '../../lib/paths.ts';

describe('lib/paths.ts', () => {
  it.each(['/tmp/pkg#1', '/tmp/a%20b', '/tmp/x?y'])(
    'resolves inside %s, not outside it',
    (folder) => {
      const { root, from } = rootOf(pathToFileURL(join(folder, 'lib/paths.ts')).href);
      expect(root).toBe(`${folder}/`);
      expect(from('generated/openapi.yaml')).toBe(join(folder, 'generated/openapi.yaml'));
    },
  );
});
