// README.md and docs/*.md say only what exists: every `npm run <script>` is a
// script of package.json, every `npx apig-purchases <command>` a command of
// the package, every import of `apig-purchases…` one of its exports, and every
// TypeScript snippet compiles under strict settings against the sources.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../lib/paths.ts';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  exports: Record<string, unknown>;
};
const pages = ['README.md', ...readdirSync(fromRoot('docs')).map((file) => `docs/${file}`)];
const blocks = pages.flatMap((page) =>
  [...readFileSync(fromRoot(page), 'utf8').matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(
    ([, language, code], index) => ({ page, index, language, code: code ?? '' }),
  ),
);
/**
 * What a page's fragments use from its snippets before them (or from the
 * test runner), each declared unless the snippet declares or imports it.
 */
const free: Record<string, string> = {
  apig: "import('apig-purchases').PurchasesClient",
  credentials: "import('apig-purchases').Credentials",
  createPurchasesClient: "typeof import('apig-purchases').createPurchasesClient",
  url: 'string',
  headers: 'Record<string, string>',
  body: 'string',
  accessKey: 'string',
  secretKey: 'string',
  beforeAll: '(run: () => unknown) => void',
  afterAll: '(run: () => unknown) => void',
};
const declares = (code: string, name: string): boolean =>
  new RegExp(`\\b(?:const|let|var|function)\\s+${name}\\b`).test(code) ||
  [...code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}/g)].some(([, names]) =>
    new RegExp(`\\b${name}\\b`).test(names ?? ''),
  );
const preludeFor = (code: string): string =>
  Object.entries(free)
    .filter(([name]) => !declares(code, name))
    .map(([name, type]) => `declare const ${name}: ${type};`)
    .join('\n');

const shell = blocks.filter((block) => block.language === 'sh' || block.language === 'bash');
const typescript = blocks.filter((block) => block.language === 'ts');

describe('README.md and docs/ name what exists', () => {
  it('have shell and TypeScript snippets to check', () => {
    expect(shell.length).toBeGreaterThan(5);
    expect(typescript.length).toBeGreaterThan(5);
  });

  it.each(shell.map((block) => [`${block.page} #${block.index}`, block] as const))(
    '%s: npm scripts and package commands exist',
    (_, block) => {
      for (const [, script] of block.code.matchAll(/npm run ([\w:-]+)/g)) {
        expect(Object.keys(pkg.scripts), `npm run ${script}`).toContain(script);
      }
      for (const [, command] of block.code.matchAll(/npx apig-purchases (\w+)/g)) {
        expect(['mock', 'proxy'], `npx apig-purchases ${command}`).toContain(command);
      }
    },
  );

  it.each(typescript.map((block) => [`${block.page} #${block.index}`, block] as const))(
    '%s: imports name exports of the package',
    (_, block) => {
      for (const [, specifier] of block.code.matchAll(/from '(apig-purchases[^']*)'/g)) {
        const entry =
          specifier === 'apig-purchases' ? '.' : `.${specifier?.slice('apig-purchases'.length)}`;
        expect(Object.keys(pkg.exports), specifier).toContain(entry);
      }
    },
  );

  it('every TypeScript snippet compiles (strict, against the sources)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'doc-snippets-'));
    try {
      const files = await Promise.all(
        typescript.map(async (block) => {
          const name = `${block.page.replace(/\W/g, '_')}_${block.index}.ts`;
          // A fragment that continues the page's earlier snippets gets their names.
          const code = `${preludeFor(block.code)}\n${block.code}`;
          await writeFile(join(folder, name), `${code}\nexport {};\n`);
          return name;
        }),
      );
      await writeFile(join(folder, 'package.json'), '{"type": "module"}');
      await writeFile(
        join(folder, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noUncheckedIndexedAccess: true,
            exactOptionalPropertyTypes: true,
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            types: ['node'],
            typeRoots: [fromRoot('node_modules/@types')],
            noEmit: true,
            skipLibCheck: true,
            allowImportingTsExtensions: true,
            resolveJsonModule: true,
            baseUrl: '.',
            paths: {
              'apig-purchases': [fromRoot('src/index.ts')],
              'apig-purchases/msw': [fromRoot('src/mock/msw.ts')],
              'msw/node': [fromRoot('node_modules/msw/lib/node/index.d.mts')],
              msw: [fromRoot('node_modules/msw/lib/core/index.d.mts')],
            },
          },
          files,
        }),
      );
      const result = await run(process.execPath, [tsc, '-p', folder]).catch(
        (error: { stdout: string }) => error,
      );
      expect(result.stdout.replaceAll(`${folder}/`, '')).toBe('');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("README's table of operations", () => {
  it('is the operation table: every operation once, with its method and path, and nothing else', async () => {
    const { operations } = await import('../../generated/operations.js');
    const readme = readFileSync(fromRoot('README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('| Operation '),
      readme.indexOf('\n\n', readme.indexOf('| Operation ')),
    );
    const rows = [...table.matchAll(/^\| `(\w+)`\s*\| `(\w+) ([^`]+)`/gm)].map(
      ([, operationId, method, path]) => ({ operationId, method, path }),
    );
    expect(rows).toEqual(
      Object.values(operations).map(({ operationId, method, path }) => ({
        operationId,
        method,
        path,
      })),
    );
  });
});
