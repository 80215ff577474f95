// src/ must bundle for browsers as it is: no static import of a Node
// built-in (node:crypto is reached only through process.getBuiltinModule).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/contract.ts';

const srcDir = join(repoRoot, 'src');
const staticImport = /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm;

describe('src/ stays browser-safe', () => {
  const files = readdirSync(srcDir).filter((file) => file.endsWith('.ts'));

  it.each(files)('%s imports only openapi-fetch and its siblings', (file) => {
    const text = readFileSync(join(srcDir, file), 'utf8');
    const specifiers = [...text.matchAll(staticImport)].map((match) => match[1]);
    const foreign = specifiers.filter(
      (specifier) =>
        !specifier?.startsWith('./') &&
        !specifier?.startsWith('../generated/') &&
        specifier !== 'openapi-fetch',
    );
    expect(foreign).toEqual([]);
  });
});
