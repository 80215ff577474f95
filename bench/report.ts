// `npm run bench`: builds the package, runs bench/run.ts on this Node and on
// Node 24 (fetched by npx from the npm registry), adds the bundle sizes, and
// prints every figure next to its goal as Markdown for the README.
// Never a test: speed is reported, not asserted.

import { spawnSync } from 'node:child_process';
import { fromRoot, repoRoot } from '../lib/paths.ts';
import { scriptArgs } from '../lib/script.ts';
import { benchBundleSize } from './bundle-size.ts';
import { CALL_VARIANTS, type CallTimes, type CallVariant } from './calls.ts';
import type { NodeFigures } from './run.ts';

scriptArgs(
  `Usage: npm run bench [--verbose]\n\nRuns the client benchmarks on this Node and on Node 24 and prints the figures (run it alone).\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run bench`,
);

const runScript = fromRoot('bench/run.ts');

function run(command: string, args: string[]): NodeFigures | string {
  const child = spawnSync(command, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) return `${command} ${args.join(' ')} exited with ${child.status}`;
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as NodeFigures;
}

const build = spawnSync(
  process.execPath,
  ['--import', 'tsx', fromRoot('scripts/build-package.ts')],
  {
    cwd: repoRoot,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const nodes: NodeFigures[] = [];
for (const [command, args] of [
  [process.execPath, ['--import', 'tsx', runScript, '--json']],
  ['npx', ['-y', '-p', 'node@24', 'node', '--import', 'tsx', runScript, '--json']],
] as const) {
  const result = run(command, [...args]);
  if (typeof result === 'string') console.error(`skipped: ${result}`);
  else nodes.push(result);
}

const us = (value: number) => `${value.toFixed(1)} µs`;
const xs = (value: number) => `${value.toFixed(2)}×`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

console.log(nodes.map((n) => `Node ${n.node}: ${n.cpu}`).join('\n'));
console.log(
  "\nOne list call (seed list), per cell: server in this process or another, answer with Content-Length or chunked. Wall µs per call (× bare openapi-fetch), then CPU µs of the calling process per call (with an in-process server, the server's work is in it too):\n",
);
const VARIANT_NAMES: Record<CallVariant, string> = {
  fetch: 'raw fetch',
  fetchSigned: 'raw fetch, AK/SK headers',
  openapiFetch: 'bare openapi-fetch',
  token: 'our token call',
  aksk: 'our AK/SK call',
  huawei: 'Huawei SDK (HcClient, AK/SK)',
};
row(['Node', 'server', 'answer', ...CALL_VARIANTS.map((v) => VARIANT_NAMES[v])]);
row(['---', '---', '---', ...CALL_VARIANTS.map(() => '---:')]);
for (const { node, calls } of nodes) {
  for (const { layout, framing, times } of calls) {
    const bare = times.openapiFetch.wall;
    row([
      node,
      layout,
      framing,
      ...CALL_VARIANTS.map(
        (v) => `${us(times[v].wall)} (${xs(times[v].wall / bare)}), CPU ${us(times[v].cpu)}`,
      ),
    ]);
  }
}

console.log(
  "\nSigners on the same 200 requests (signatures per second) next to Huawei's AKSKSigner.sign:\n",
);
row(['Node', 'signer', 'ours', 'AKSKSigner.sign', 'ratio']);
row(['---', '---', '---:', '---:', '---:']);
for (const { node, signers } of nodes) {
  for (const s of signers)
    row([
      node,
      s.name,
      Math.round(s.ours).toLocaleString('en'),
      Math.round(s.theirs).toLocaleString('en'),
      xs(s.ratio),
    ]);
}

console.log('\nGoals (ratios of wall time within one run; every cell must meet them):\n');
const cellNames = nodes.flatMap((n) => n.calls.map((c) => `${n.node} ${c.layout} ${c.framing}`));
row(['Measure', 'Goal', ...cellNames]);
row(['---', '---', ...cellNames.map(() => '---')]);
// Goals, and two rows that are not goals (no verdict): what is left of the
// AK/SK call over a fetch that sends the same headers, and the CPU ratio.
const callRows: {
  name: string;
  target: string;
  ratio: (t: CallTimes) => number;
  met?: (r: number) => boolean;
}[] = [
  {
    name: 'token call / bare openapi-fetch',
    target: '≤ 1.10×',
    ratio: (t) => t.token.wall / t.openapiFetch.wall,
    met: (r) => r <= 1.1,
  },
  {
    name: 'AK/SK call / bare openapi-fetch',
    target: '≤ 1.25×',
    ratio: (t) => t.aksk.wall / t.openapiFetch.wall,
    met: (r) => r <= 1.25,
  },
  {
    name: 'Huawei SDK call / our AK/SK call',
    target: '≥ 1.5×',
    ratio: (t) => t.huawei.wall / t.aksk.wall,
    met: (r) => r >= 1.5,
  },
  {
    name: 'stretch: token call / raw fetch',
    target: '≤ 1.10×',
    ratio: (t) => t.token.wall / t.fetch.wall,
    met: (r) => r <= 1.1,
  },
  {
    name: '(AK/SK call / raw fetch sending AK/SK headers)',
    target: '–',
    ratio: (t) => t.aksk.wall / t.fetchSigned.wall,
  },
  {
    name: '(token call CPU / bare openapi-fetch CPU)',
    target: '–',
    ratio: (t) => t.token.cpu / t.openapiFetch.cpu,
  },
];
for (const { name, target, ratio, met } of callRows) {
  const cells = nodes.flatMap((n) =>
    n.calls.map(({ times: t }) => {
      const value = ratio(t);
      return met === undefined ? xs(value) : `${xs(value)} (${verdict(met(value))})`;
    }),
  );
  row([name, target, ...cells]);
}

console.log(`\n| Measure | Goal | ${nodes.map((n) => n.node).join(' | ')} |`);
row(['---', '---', ...nodes.map(() => '---')]);
const goal = (name: string, target: string, value: (n: NodeFigures) => [string, boolean]) =>
  row([
    name,
    target,
    ...nodes.map((n) => {
      const [text, met] = value(n);
      return `${text} (${verdict(met)})`;
    }),
  ]);
for (const signer of ['signHeaders', 'signRequest']) {
  goal(`${signer} / AKSKSigner.sign (throughput)`, '≥ 1.5×', ({ signers }) => {
    const ratio = signers.find((s) => s.name === signer)?.ratio ?? 0;
    return [xs(ratio), ratio >= 1.5];
  });
}
for (const kind of ['token', 'aksk'] as const) {
  goal(
    `heap growth over 100,000 ${kind === 'aksk' ? 'AK/SK' : 'token'} calls`,
    '≤ 5 MB',
    ({ heap }) => [mb(heap[kind].growthBytes), heap[kind].growthBytes <= 5 * 1024 * 1024],
  );
}
goal('timers / abort listeners left after them', '0 / 0', ({ heap }) => [
  `${heap.aksk.timersLeft} / ${heap.aksk.abortListenersLeft}`,
  heap.aksk.timersLeft === 0 && heap.aksk.abortListenersLeft === 0,
]);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const size = await benchBundleSize();
console.log('\n| Browser bundle (esbuild, minified) | minified | gzip -9 |');
console.log('|---|---:|---:|');
for (const r of size.rows) row([r.what, kb(r.minifiedBytes), kb(r.gzipBytes)]);
row([
  '@huaweicloud/huaweicloud-sdk-core, installed (Node only)',
  `${kb(size.huaweiOwnBytes)} itself, ${kb(size.huaweiInstalledBytes)} with its dependencies`,
  '',
]);
