// src/ must bundle for browsers as it is: no static import of a Node
// built-in (node:crypto is reached only through process.getBuiltinModule).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/contract.ts';

const srcDir = join(repoRoot, 'src');
const staticImport = /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm;

// The one package each entry point may import: openapi-fetch for the client,
// msw (an optional peer) for the handlers in apig-purchases/msw.
const allowedPackage = (file: string): string =>
  file === join('mock', 'msw.ts') ? 'msw' : 'openapi-fetch';

describe('src/ stays browser-safe', () => {
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  );

  it('covers every folder of src/', () => {
    expect(files).toContain(join('signing', 'signer.ts'));
    expect(files).toContain(join('mock', 'answer-request.ts'));
  });

  it.each(files)('%s imports only its package and files of src/ and generated/', (file) => {
    const text = readFileSync(join(srcDir, file), 'utf8');
    const specifiers = [...text.matchAll(staticImport)].map((match) => match[1] ?? '');
    const foreign = specifiers.filter((specifier) => {
      if (!specifier.startsWith('.')) return specifier !== allowedPackage(file);
      const target = relative(repoRoot, resolve(srcDir, dirname(file), specifier));
      return !target.startsWith(`src${sep}`) && !target.startsWith(`generated${sep}`);
    });
    expect(foreign).toEqual([]);
  });
});
