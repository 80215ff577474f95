// `npm run load`: how the contract mock holds up when a frontend team (or a
// test suite) hammers it, and how long `npm run mock` takes to be usable.
//
// 1. autocannon, 10 connections for --duration seconds (30) on the list
//    endpoint with X-Auth-Token, against the mock (started as `npm run mock`
//    starts it) and against the bare node:http seed server of `npm run bench`,
//    which sends the same example; every answer must be a documented status
//    with the mock's exact body.
// 2. Start-up: from spawning `npm run mock` to its first answered request,
//    median of --startups runs (5).
//
// Goals: p99 ≤ 20 ms, ready ≤ 1.5 s. Exits 1 on errors, timeouts, body
// mismatches or undocumented statuses; a missed goal is reported, not fatal,
// since timing depends on the machine.

import { performance } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';
import { scriptArgs } from '../lib/script.ts';
import { freePort, spawnServer } from '../lib/spawn-server.ts';
import { startMock } from '../mock/start-mock.ts';
import { AUTH_HEADERS } from '../src/auth/auth-headers.ts';
import dataset from '../src/mock/dataset.json' with { type: 'json' };
import { checkDataset } from '../src/mock/dataset.ts';
import { documentedResponses, loadContract } from '../test/support/contract.ts';
import { median } from './support/median.ts';
import { startSeedServer } from './support/start-seed-server.ts';

const listPath = '/v1.0/apigw/purchases/groups';
const headers = { [AUTH_HEADERS.token]: 'load-test-token' };
const goals = { p99Ms: 20, readyMs: 1_500 };

interface Settings {
  duration: number;
  connections: number;
  warmup: number;
  startups: number;
}

const { values } = scriptArgs(
  `Usage: npm run load -- [--duration S] [--connections N] [--warmup S] [--startups N]

Load on the data-mode mock (autocannon) and its start-up time (run it alone).

Options:
  --duration <s>       seconds of load per run (default 30)
  --connections <n>    concurrent connections (default 10)
  --warmup <s>         seconds of warm-up before measuring (default 2)
  --startups <n>       mock start-ups to time (default 5)
  --verbose            print the stack of a failure
  --help, -h           show this help

Example:
  npm run load -- --duration 10 --connections 50`,
  {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    startups: { type: 'string', default: '5' },
  },
);

function settings(): Settings {
  const number = (name: keyof typeof values, min: number): number => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  return {
    duration: number('duration', 1),
    connections: number('connections', 1),
    warmup: number('warmup', 0),
    startups: number('startups', 1),
  };
}

/** The statuses the contract documents for the list operation. */
function documentedStatuses(): Set<string> {
  const pairs = documentedResponses(loadContract());
  return new Set(
    pairs.filter((pair) => pair.operationId === 'listPurchasedGroups').map((pair) => pair.status),
  );
}

async function load(url: string, body: string, run: Settings): Promise<Result> {
  const options = { url, connections: run.connections, headers, expectBody: body };
  // JIT and connection set-up are not what a frontend waits for.
  if (run.warmup > 0) await autocannon({ ...options, duration: run.warmup });
  return autocannon({ ...options, duration: run.duration });
}

async function loadMock(run: Settings): Promise<{ result: Result; body: string }> {
  // The main job: the data layer behind Prism, behind our front server.
  const data = checkDataset(dataset, 'src/mock/dataset.json');
  const mock = await startMock({ mode: 'data', host: '127.0.0.1', data });
  try {
    const response = await fetch(`${mock.url}${listPath}`, { headers });
    const body = await response.text();
    return { result: await load(`${mock.url}${listPath}`, body, run), body };
  } finally {
    await mock.stop();
  }
}

async function loadBare(run: Settings): Promise<Result> {
  const bare = await startSeedServer();
  try {
    const body = await (await fetch(`${bare.url}${listPath}`, { headers })).text();
    return await load(`${bare.url}${listPath}`, body, run);
  } finally {
    bare.stop();
  }
}

/** Milliseconds from spawning `npm run mock` to its first answered list request. */
async function startupTime(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const mock = await spawnServer({
    command: 'npm',
    args: ['run', 'mock', '--', '--port', String(port)],
    readyUrl: `http://127.0.0.1:${port}${listPath}`,
    readyRequest: { headers },
    readyIntervalMs: 10,
    // npm → sh → node → Prism: stopping the group ends them all.
    detached: true,
  });
  const elapsed = performance.now() - started;
  await mock.stop();
  return elapsed;
}

const histogram = (result: Result): string =>
  Object.entries(result.statusCodeStats)
    .map(([status, { count }]) => `${status}×${count}`)
    .join(' ') || 'none';

/** Why a run's answers are wrong, if they are. */
function failures(name: string, result: Result, documented: Set<string>): string[] {
  const found: string[] = [];
  if (result.errors + result.timeouts > 0) {
    found.push(`${name}: ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  if (result.mismatches > 0)
    found.push(`${name}: ${result.mismatches} bodies differ from the example`);
  const undocumented = Object.keys(result.statusCodeStats).filter((s) => !documented.has(s));
  if (undocumented.length > 0)
    found.push(`${name}: undocumented statuses ${undocumented.join(', ')}`);
  if (result.non2xx > 0) found.push(`${name}: ${result.non2xx} non-2xx answers`);
  return found;
}

function table(mock: Result, bare: Result): string {
  const rows: [string, string, string, string][] = [
    ['', 'npm run mock', 'bare node:http', 'mock / bare'],
    row('requests/s', mock.requests.average, bare.requests.average, 0),
    row('latency p50 (ms)', mock.latency.p50, bare.latency.p50, 1),
    row('latency p99 (ms)', mock.latency.p99, bare.latency.p99, 1),
    ['requests', String(mock.requests.total), String(bare.requests.total), ''],
    [
      'errors + timeouts',
      String(mock.errors + mock.timeouts),
      String(bare.errors + bare.timeouts),
      '',
    ],
    ['non-2xx', String(mock.non2xx), String(bare.non2xx), ''],
    ['body mismatches', String(mock.mismatches), String(bare.mismatches), ''],
    ['statuses', histogram(mock), histogram(bare), ''],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('   '),
    )
    .join('\n');
}

function row(
  label: string,
  mock: number,
  bare: number,
  digits: number,
): [string, string, string, string] {
  const ratio = bare === 0 ? '–' : `${(mock / bare).toFixed(2)}×`;
  return [label, format(mock, digits), format(bare, digits), ratio];
}

// autocannon records latency in whole milliseconds: 0 means "under 1 ms".
const format = (value: number, digits: number): string =>
  digits > 0 && value === 0 ? '< 1' : value.toFixed(digits);

const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const run = settings();
  const documented = documentedStatuses();
  console.log(
    `load: ${run.connections} connections, ${run.duration} s (after ${run.warmup} s warm-up), GET ${listPath}`,
  );
  // Start-up first, on a quiet machine, as a developer starts the mock.
  const startups: number[] = [];
  for (let i = 0; i < run.startups; i++) startups.push(await startupTime());

  const mock = await loadMock(run);
  const bare = await loadBare(run);
  console.log(`\n${table(mock.result, bare)}\n`);

  const ready = median(startups);
  const p99 = mock.result.latency.p99;
  console.log(
    `start-up of \`npm run mock\` to first answer (ms): ${startups.map((t) => t.toFixed(0)).join(', ')}`,
  );
  console.log(`goal p99 ≤ ${goals.p99Ms} ms: ${p99} ms, ${verdict(p99 <= goals.p99Ms)}`);
  console.log(
    `goal ready ≤ ${goals.readyMs} ms: median ${ready.toFixed(0)} ms of ${run.startups}, ${verdict(ready <= goals.readyMs)}`,
  );

  const wrong = [
    ...failures('mock', mock.result, documented),
    ...failures('bare', bare, documented),
  ];
  if (wrong.length > 0) {
    console.error(`\nFAILED:\n  ${wrong.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log('\nEvery answer was a documented status with the expected body.');
  }
}

await main();
