// `npm run load`: the contract mock against its yardstick, Prism alone
// serving the contract's static examples (`prism mock`), each in its own
// process as users run them, measured alone, in one run.
//
// 1. Load: autocannon, --connections (10) for --duration seconds (30) on the
//    groups list with X-Auth-Token, after a warm-up: Prism alone, the mock
//    (`node --import tsx mock/cli.ts`, what `npm run mock` runs; and the
//    installed command, dist/cli.js, when built), and a bare node:http
//    server sending the seed list (the floor). Every answer must be a 200
//    with the body the server gave first.
// 2. Ready: from spawning to the first answered list request, median of
//    --startups runs (5): Prism alone (its own CLI, no npm), `npm run mock`,
//    and the installed command (`node dist/cli.js mock`).
//
// Goals (issue 27): throughput ≥ 1.0× Prism alone's, p99 ≤ 1.0× Prism
// alone's, ready (both ways) ≤ 1.0× Prism alone's own start. A missed goal
// is reported, not fatal (timing depends on the machine); wrong answers exit 1.

import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';
import { fromRoot, repoRoot } from '../lib/paths.ts';
import { scriptArgs } from '../lib/script.ts';
import { freePort, spawnServer } from '../lib/spawn-server.ts';
import { bundledSpec, prismBin } from '../mock/prism.ts';
import { AUTH_HEADERS } from '../src/auth/auth-headers.ts';
import { median } from './support/median.ts';
import { startSeedServer } from './support/start-seed-server.ts';

const headers = { [AUTH_HEADERS.token]: 'load-test-token' };

interface Settings {
  duration: number;
  connections: number;
  warmup: number;
  startups: number;
}

const { values } = scriptArgs(
  `Usage: npm run load -- [--duration S] [--connections N] [--warmup S] [--startups N]

The mock against Prism alone serving static examples: load (autocannon) and
start-up, each server in its own process. Run it alone.

Options:
  --duration <s>       seconds of load per server (default 30)
  --connections <n>    concurrent connections (default 10)
  --warmup <s>         seconds of warm-up before measuring (default 2)
  --startups <n>       start-ups to time, per way of starting (default 5)
  --query <q>          the list's query, e.g. page_size=3 (the size of Prism's example list;
                       default: none, the contract's default page of 20)
  --verbose            print the stack of a failure
  --help, -h           show this help

Example:
  npm run load -- --duration 10 --startups 3`,
  {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    startups: { type: 'string', default: '5' },
    query: { type: 'string', default: '' },
  },
);

const listPath = `/v1.0/apigw/purchases/groups${values.query ? `?${values.query}` : ''}`;

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

/** The installed command's bundle, if `npm run build:package` made it. */
const installedCli = fromRoot('dist/cli.js');

/** How each server is started, on a given port. */
const servers = {
  'Prism alone': (port: number) => ({
    command: process.execPath,
    args: [prismBin(), 'mock', bundledSpec, '--port', String(port), '--verboseLevel', 'warn'],
  }),
  'npm run mock': (port: number) => ({
    command: 'npm',
    args: ['run', 'mock', '--', '--port', String(port)],
  }),
  'node --import tsx mock/cli.ts': (port: number) => ({
    command: process.execPath,
    args: ['--import', 'tsx', fromRoot('mock/cli.ts'), '--port', String(port)],
  }),
  'installed command': (port: number) => ({
    command: process.execPath,
    args: [installedCli, 'mock', '--port', String(port)],
  }),
} as const;
type ServerName = keyof typeof servers;

async function spawnNamed(name: ServerName) {
  const port = await freePort();
  const started = performance.now();
  const server = await spawnServer({
    ...servers[name](port),
    cwd: repoRoot,
    readyUrl: `http://127.0.0.1:${port}${listPath}`,
    readyRequest: { headers },
    readyIntervalMs: 10,
    readyTimeoutMs: 30_000,
    // npm → sh → node: stopping the group ends them all.
    detached: true,
  });
  return { server, url: `http://127.0.0.1:${port}`, readyMs: performance.now() - started };
}

async function load(url: string, run: Settings): Promise<{ result: Result; bytes: number }> {
  const body = await (await fetch(`${url}${listPath}`, { headers })).text();
  const options = {
    url: `${url}${listPath}`,
    connections: run.connections,
    headers,
    expectBody: body,
  };
  // JIT and connection set-up are not what a frontend waits for.
  if (run.warmup > 0) await autocannon({ ...options, duration: run.warmup });
  return {
    result: await autocannon({ ...options, duration: run.duration }),
    bytes: Buffer.byteLength(body),
  };
}

async function loadServer(name: ServerName, run: Settings) {
  const { server, url } = await spawnNamed(name);
  try {
    return await load(url, run);
  } finally {
    await server.stop();
  }
}

/** Why a run's answers are wrong, if they are. */
function failures(name: string, result: Result): string[] {
  const found: string[] = [];
  if (result.errors + result.timeouts > 0) {
    found.push(`${name}: ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  if (result.mismatches > 0)
    found.push(`${name}: ${result.mismatches} bodies differ from the first`);
  if (result.non2xx > 0) found.push(`${name}: ${result.non2xx} non-2xx answers`);
  return found;
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
const pad = (cells: string[][]): string => {
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0))) ?? [];
  return cells
    .map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('   '),
    )
    .join('\n');
};

async function main(): Promise<void> {
  const run = settings();
  const installed = existsSync(installedCli);
  console.log(
    `load: ${run.connections} connections, ${run.duration} s (after ${run.warmup} s warm-up), GET ${listPath}, Node ${process.version}`,
  );
  // Start-ups first, on a quiet machine, alternating so that drift hits all alike.
  const starts: ServerName[] = [
    'Prism alone',
    'npm run mock',
    ...(installed ? (['installed command'] as const) : []),
  ];
  const ready = new Map<ServerName, number[]>(starts.map((name) => [name, []]));
  for (let i = 0; i < run.startups; i++) {
    for (const name of starts) {
      const { server, readyMs } = await spawnNamed(name);
      await server.stop();
      ready.get(name)?.push(readyMs);
    }
  }
  const loaded: ServerName[] = [
    'Prism alone',
    'node --import tsx mock/cli.ts',
    ...(installed ? (['installed command'] as const) : []),
  ];
  const results = new Map<string, { result: Result; bytes: number }>();
  for (const name of loaded) results.set(name, await loadServer(name, run));
  const bare = await startSeedServer();
  try {
    results.set('bare node:http (seed list)', await load(bare.url, run));
  } finally {
    bare.stop();
  }

  const prism = results.get('Prism alone')?.result;
  const rows = [['', 'req/s', 'p50 ms', 'p99 ms', 'body bytes', 'req/s vs Prism', 'p99 vs Prism']];
  for (const [name, { result, bytes }] of results) {
    rows.push([
      name,
      result.requests.average.toFixed(0),
      String(result.latency.p50),
      String(result.latency.p99),
      String(bytes),
      prism ? `${(result.requests.average / prism.requests.average).toFixed(2)}×` : '',
      prism && prism.latency.p99 > 0
        ? `${(result.latency.p99 / prism.latency.p99).toFixed(2)}×`
        : '',
    ]);
  }
  console.log(`\n${pad(rows)}\n`);
  const readyRows = [['ready (ms)', 'median', 'runs']];
  for (const [name, times] of ready) {
    readyRows.push([name, median(times).toFixed(0), times.map((t) => t.toFixed(0)).join(', ')]);
  }
  console.log(`${pad(readyRows)}\n`);

  const prismReady = median(ready.get('Prism alone') ?? []);
  for (const name of loaded.filter((n) => n !== 'Prism alone')) {
    const mine = results.get(name)?.result;
    if (!mine || !prism) continue;
    const rate = mine.requests.average / prism.requests.average;
    console.log(
      `goal ${name}: throughput ≥ 1.0× Prism alone: ${rate.toFixed(2)}×, ${verdict(rate >= 1)}`,
    );
    console.log(
      `goal ${name}: p99 ≤ 1.0× Prism alone's (${prism.latency.p99} ms): ${mine.latency.p99} ms, ${verdict(mine.latency.p99 <= prism.latency.p99)}`,
    );
  }
  for (const name of starts.filter((n) => n !== 'Prism alone')) {
    const mine = median(ready.get(name) ?? []);
    console.log(
      `goal ${name}: ready ≤ 1.0× Prism alone's (${prismReady.toFixed(0)} ms): ${mine.toFixed(0)} ms, ${verdict(mine <= prismReady)}`,
    );
  }
  if (!installed)
    console.log('(the installed command was not measured: run npm run build:package first)');

  const wrong = [...results].flatMap(([name, { result }]) => failures(name, result));
  if (wrong.length > 0) {
    console.error(`\nFAILED:\n  ${wrong.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log('\nEvery answer was a 200 with the body its server gave first.');
  }
}

await main();
