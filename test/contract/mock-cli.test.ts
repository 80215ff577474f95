// `npm run mock -- --data file.json`, and Prism as the contract's enforcer
// behind the data layer: a dataset that drifts from the contract fails
// loudly, never silently.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../../lib/paths.ts';
import { runNode } from '../../lib/run-node.ts';
import { freePort } from '../../lib/spawn-server.ts';
import { startMock } from '../../mock/start-mock.ts';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import type { MockPurchase } from '../../src/mock/dataset.ts';
import { purchases } from '../mock/behaviour.ts';
import { startMockCli } from '../support/mock-proxy.ts';

const cli = fromRoot('mock/cli.ts');
const list = '/v1.0/apigw/purchases/groups';
let work = '';
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mock-data-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const mockWith = async (file: string) =>
  runNode(['--import', 'tsx', cli, '--data', file, '--port', String(await freePort())], {
    cwd: repoRoot,
  });

describe('npm run mock -- --data', () => {
  it('stops at start on a bad dataset, naming the file, the JSON pointer and the problem', async () => {
    const file = join(work, 'bad.json');
    const items = [purchases[0], { ...purchases[1], quota_left: 'plenty' }];
    await writeFile(file, JSON.stringify({ purchases: items }, null, 2));
    const run = await mockWith(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}: /purchases/1/quota_left: must be an integer of at least 0`,
    );
  });

  it('stops on broken JSON with the line and column', async () => {
    const file = join(work, 'broken.json');
    await writeFile(file, '{\n  "purchases": [\n    {,\n  ]\n}\n');
    const run = await mockWith(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`${file.replaceAll('/', '\\/')}:3:6: not valid JSON`));
  });

  it('stops on a file that is not UTF-8, with the line and column', async () => {
    const file = join(work, 'latin1.json');
    const item = JSON.stringify({ purchases: [{ ...purchases[0], group_name: 'caf_' }] }, null, 2);
    const bytes = Buffer.from(item, 'utf8');
    bytes[bytes.indexOf('caf_') + 3] = 0xe9; // é in Latin-1
    await writeFile(file, bytes);
    const run = await mockWith(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/latin1\.json:\d+:\d+: not UTF-8 text/);
  });

  it('stops at start on what the servers could not serve: deep nesting, impossible dates', async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const deep = `${'{"a":'.repeat(20_000)}"bottom"${'}'.repeat(20_000)}`;
    const withExtra = JSON.stringify({ purchases: [{ ...purchases[0], extra: 'DEEP' }] });
    const cases = [
      [
        'deep.json',
        withExtra.replace('"DEEP"', deep),
        /\/purchases\/0\/extra(\/a)+: nests deeper than 64 levels/,
      ],
      [
        'date.json',
        JSON.stringify({ purchases: [{ ...purchases[0], start_time: '2024-13-45T99:99:99Z' }] }),
        /\/purchases\/0\/start_time: must be an RFC 3339 date-time/,
      ],
    ] as const;
    for (const [name, text, says] of cases) {
      const file = join(work, name);
      await writeFile(file, text);
      const run = await mockWith(file);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(says);
      expect(run.stderr).not.toContain('    at ');
    }
  });

  it("serves a dataset of the user's own", async () => {
    const file = join(work, 'own.json');
    const own = purchases.slice(0, 2).map((p, i) => ({ ...p, id: `own-${i}` }));
    await writeFile(file, JSON.stringify({ purchases: own }));
    const mock = await startMockCli('--data', file);
    try {
      const response = await fetch(`${mock.url}${list}`, {
        headers: { [AUTH_HEADERS.token]: 't' },
      });
      expect(await response.json()).toMatchObject({
        total: 2,
        purchases: [{ id: 'own-0' }, { id: 'own-1' }],
      });
    } finally {
      await mock.stop();
    }
  });
});

describe('npm run mock: the network options', () => {
  const mockWithArgs = async (...args: string[]) =>
    runNode(['--import', 'tsx', cli, ...args, '--port', String(await freePort())], {
      cwd: repoRoot,
      env: { ...process.env, APIG_MOCK_ACCESS_KEY: '', APIG_MOCK_SECRET_KEY: '' },
    });

  it('--verify-signatures without the key pair in the environment says which variables to set', async () => {
    const run = await mockWithArgs('--verify-signatures');
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      '--verify-signatures reads the key pair from the environment: set APIG_MOCK_ACCESS_KEY and APIG_MOCK_SECRET_KEY (not a flag, so that no secret shows in ps).',
    );
  });

  it('a bad profile and bad flags stop the mock with every problem at once', async () => {
    const file = join(work, 'profile.yaml');
    await writeFile(
      file,
      'latency: 10-5\noperations:\n  listPurchasedApis:\n    faults: { 404: 0.1 }\n',
    );
    const run = await mockWithArgs('--seed', 'soon');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--seed needs a whole number');
    const again = await mockWithArgs('--profile', file, '--faults', 'reset=2');
    expect(again.stderr.trim().split('\n')).toEqual([
      `${file}: /latency: its minimum 10 is above its maximum 5`,
      `${file}: /operations/listPurchasedApis/faults/404: 404 is not documented for listPurchasedApis (its error statuses: 400, 401, 429, 500); a fault is a documented answer, reset or timeout`,
      '--faults reset: needs a rate from 0 to 1, as reset=0.05, got 2',
    ]);
  });

  it('--data lists every problem, and warns of an unknown field (refused with --strict-data)', async () => {
    const file = join(work, 'unknown.json');
    const { group_name: _name, ...nameless } = purchases[0] as MockPurchase;
    await writeFile(
      file,
      JSON.stringify({
        purchases: [
          { ...purchases[1], colour: 'red' },
          nameless,
          { ...purchases[2], quota_left: -1 },
        ],
      }),
    );
    const strict = await mockWithArgs('--data', file, '--strict-data');
    expect(strict.code).toBe(1);
    expect(strict.stderr.trim().split('\n')).toEqual([
      '3 problems:',
      `${file}: /purchases/1/group_name: is missing (string)`,
      `${file}: /purchases/2/quota_left: must be an integer of at least 0`,
      `${file}: /purchases/0/colour: is not a field of PurchasedGroup ("colour")`,
    ]);
  });
});

describe('Prism checks every answer of the data layer', () => {
  it('turns data that breaks the contract into a 500 listing the violation', async () => {
    // Bypasses the dataset check on purpose: what Prism sees if a handler drifts.
    const drifted = [
      { ...purchases[0], quota_left: 'many', start_time: 'soon' },
    ] as unknown as MockPurchase[];
    const mock = await startMock({
      mode: 'data',
      host: '127.0.0.1',
      data: { purchases: drifted, apis: [] },
    });
    try {
      const response = await fetch(`${mock.url}${list}/${drifted[0]?.id}`, {
        headers: { [AUTH_HEADERS.token]: 't' },
      });
      expect(response.status).toBe(500);
      const problem = (await response.json()) as {
        type: string;
        validation: { location: string[] }[];
      };
      expect(problem.type).toMatch(/VIOLATIONS$/);
      expect(problem.validation.map((v) => v.location.join('.'))).toEqual(
        expect.arrayContaining(['response.body.quota_left', 'response.body.start_time']),
      );
    } finally {
      await mock.stop();
    }
  });
});
