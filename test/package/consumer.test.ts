// The published package as a consumer gets it: `npm pack`, install the
// tarball in an empty project, import it from plain JS (ESM and require),
// type-check a TypeScript consumer against its declarations, and run its
// command (`npx apig-purchases mock`) there.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { freePort, spawnServer } from '../../lib/spawn-server.ts';
import dataset from '../../src/mock/dataset.json' with { type: 'json' };
import { repoRoot } from '../support/contract.ts';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npxBin = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// A user's shell: without what an outer `npx -p node@24 -c …` (as .ci/run
// runs the tests on Node 24) leaves for its own command.
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^npm_config_(call|package|yes)$/i.test(name)),
);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// The AK/SK vector from Huawei's facts: what a consumer must get as well.
const VECTOR_SIGNATURE = 'f20844ca8ffa0fbcc1c692e0685ddf7592fe748029f48fb9467ac0b0d096ea67';

const esmConsumer = `
import { createPurchasesClient, signRequest, ApigError } from 'apig-purchases';
import contract from 'apig-purchases/openapi.json' with { type: 'json' };
const signed = await signRequest(
  new Request('https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/purchases/groups?page_no=1&page_size=20'),
  { accessKey: 'AccessKey', secretKey: 'SecretKey' },
  new Date('2006-01-02T15:04:05Z'),
);
const client = createPurchasesClient({
  baseUrl: 'http://mock.test',
  credentials: { token: 't' },
  fetch: async () => Response.json({ error_code: 'APIG.3014', error_msg: 'gone' }, { status: 404 }),
});
const error = await client.getPurchasedGroup('x').catch((e) => e);
console.log(JSON.stringify({
  authorization: signed.headers.get('Authorization'),
  isApigError: error instanceof ApigError,
  errorCode: error.errorCode,
  operations: Object.keys(contract.paths).length,
}));
`;

const cjsConsumer = `
const { createPurchasesClient } = require('apig-purchases');
console.log(typeof createPurchasesClient);
`;

const tsConsumer = `
import { createPurchasesClient, type PurchasedApi, type PurchasedApiList, type PurchasedGroup, type PurchasedGroupSummary, type ApigError } from 'apig-purchases';
const client = createPurchasesClient({ region: 'cn-north-4', credentials: { accessKey: 'ak', secretKey: 'sk' } });
export async function domains(id: string): Promise<string[]> {
  const purchase: PurchasedGroup = await client.getPurchasedGroup(id);
  return purchase.group_domains ?? [];
}
export async function quotas(): Promise<number[]> {
  const page = await client.listPurchasedGroups({ page_size: 100 });
  return (page.purchases ?? []).map((p: PurchasedGroupSummary) => p.quota_left ?? 0);
}
export const code = (e: ApigError): string | undefined => e.errorCode;
// @ts-expect-error page_size is a number in the contract
client.listPurchasedGroups({ page_size: '100' });
// @ts-expect-error no response field is promised: quota_left may be absent
export const nope: number = ({} as PurchasedGroupSummary).quota_left;
// The third operation: the items key is typed, no guessing which holds the APIs.
export async function apiPaths(): Promise<string[]> {
  const page: PurchasedApiList = await client.listPurchasedApis({ group_name: 'api_group_001' });
  const first: PurchasedApi | undefined = page.apis?.[0];
  const all: string[] = [];
  for await (const api of client.iteratePurchasedApis({ page_size: 50 })) all.push(api.req_uri ?? '');
  return [first?.req_uri ?? '', ...all];
}
// @ts-expect-error api_id is the filter's name, not id
client.listPurchasedApis({ id: 'x' });
`;

describe('the packed package', () => {
  let project = '';
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'apig-consumer-'));
    await run(npm, ['pack', '--pack-destination', project], { cwd: repoRoot });
    const tarball = (await readdir(project)).find((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], {
      cwd: project,
    });
    await writeFile(join(project, 'consumer.mjs'), esmConsumer);
    await writeFile(join(project, 'consumer.cjs'), cjsConsumer);
    await writeFile(join(project, 'consumer.ts'), tsConsumer);
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
  }, 120_000);
  afterAll(() => rm(project, { recursive: true, force: true }));

  it('installs with exactly one runtime dependency, openapi-fetch; msw stays an optional peer', async () => {
    const installed = JSON.parse(
      await readFile(join(project, 'node_modules/apig-purchases/package.json'), 'utf8'),
    ) as {
      dependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional: boolean }>;
    };
    expect(Object.keys(installed.dependencies)).toEqual(['openapi-fetch']);
    expect(installed.peerDependenciesMeta.msw).toEqual({ optional: true });
    // Only the MSW entry needs it, so installing the client does not bring it.
    expect(existsSync(join(project, 'node_modules/msw'))).toBe(false);
    const { stdout } = await run(npm, ['ls', '--json', '--depth=0', '--omit=dev'], {
      cwd: project,
    });
    expect(Object.keys((JSON.parse(stdout) as { dependencies: object }).dependencies)).toEqual([
      'apig-purchases',
    ]);
  });

  it('works from plain JavaScript (ESM), signing exactly like Huawei', async () => {
    const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      authorization: `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=${VECTOR_SIGNATURE}`,
      isApigError: true,
      errorCode: 'APIG.3014',
      operations: Object.keys(operations).length,
    });
  });

  it('loads with require() on Node >= 20.19', async () => {
    const { stdout } = await run(process.execPath, ['consumer.cjs'], { cwd: project });
    expect(stdout.trim()).toBe('function');
  });

  it('type-checks a strict TypeScript consumer against the shipped declarations', async () => {
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: project,
    }).catch((error: { stdout: string }) => error);
    expect(result.stdout).toBe('');
  });

  it('runs `npx apig-purchases mock` there: help, the missing peer named, then the dataset paged through', async () => {
    const npx = (...args: string[]) =>
      run(npxBin, ['--no-install', 'apig-purchases', ...args], {
        cwd: project,
        env: userEnv,
      }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    const help = await npx('mock', '--help');
    expect(help.stdout).toContain('Usage: apig-purchases mock [options]');
    const proxyHelp = await npx('proxy', '--help');
    expect(proxyHelp.stdout).toContain('Usage: apig-purchases proxy <upstream-url> [options]');
    // Spoken to a package user: no command of this repository's.
    for (const text of [help.stdout, proxyHelp.stdout]) expect(text).not.toMatch(/npm run/);
    const commands = (await npx('--help')) as { stdout: string };
    expect(commands.stdout).toMatch(/mock .*\n\s+proxy /);
    const unknown = (await npx('mock', '--nope')) as { code: number; stderr: string };
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("Unknown option '--nope'. See --help.");
    // Prism is an optional peer: without it the command says what to install.
    const missing = (await npx('mock')) as { code: number; stderr: string };
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'npm install --save-dev --save-exact @stoplight/prism-cli@5.14.2',
    );
    expect(missing.stderr).not.toContain('    at ');

    // This repository's Prism, as `npm install @stoplight/prism-cli@5.14.2` would bring it.
    await mkdir(join(project, 'node_modules/@stoplight'), { recursive: true });
    await symlink(
      join(repoRoot, 'node_modules/@stoplight/prism-cli'),
      join(project, 'node_modules/@stoplight/prism-cli'),
    );
    const port = await freePort();
    const mock = await spawnServer({
      command: npxBin,
      args: ['--no-install', 'apig-purchases', 'mock', '--port', String(port)],
      cwd: project,
      env: userEnv,
      detached: true,
      readyUrl: `http://127.0.0.1:${port}/`,
      readyRequest: {
        method: 'OPTIONS',
        headers: { Origin: 'http://x', 'Access-Control-Request-Method': 'GET' },
      },
      readyTimeoutMs: 60_000,
    });
    try {
      // The start-up hint names a page the package ships.
      const hinted = /\((\/[^)]*frontends\.md)\)/.exec(mock.output())?.[1];
      expect(hinted, mock.output()).toContain(join(project, 'node_modules'));
      expect(existsSync(hinted ?? '')).toBe(true);
      const seen: string[] = [];
      for (let page = 1; page < 20; page += 1) {
        const response = await fetch(
          `http://127.0.0.1:${port}/v1.0/apigw/purchases/groups?page_size=50&page_no=${page}`,
          { headers: { 'X-Auth-Token': 'any' } },
        );
        expect(response.status).toBe(200);
        const body = (await response.json()) as { total: number; purchases: { id: string }[] };
        expect(body.total).toBe(dataset.purchases.length);
        seen.push(...body.purchases.map((purchase) => purchase.id));
        if (body.purchases.length < 50) break;
      }
      expect(seen).toEqual(dataset.purchases.map((purchase) => purchase.id));
      // Its own address once, first; not Prism's internal one.
      expect(mock.output()).toMatch(new RegExp(`Mock at http://127\\.0\\.0\\.1:${port}`));
      expect(mock.output()).not.toContain('Prism is listening');
    } finally {
      await mock.stop();
    }
  }, 120_000);
});
