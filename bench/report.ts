// `npm run bench`: builds the package, runs bench/run.ts on this Node and on
// Node 24 (fetched by npx from the npm registry), adds the bundle sizes, and
// prints every figure next to its goal as Markdown for the README.
// Never a test: speed is reported, not asserted.

import { spawnSync } from 'node:child_process';
import { fromRoot, repoRoot } from '../lib/paths.ts';
import { scriptArgs } from '../lib/script.ts';
import { benchBundleSize } from './bundle-size.ts';
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
const times = (value: number) => `${value.toFixed(2)}×`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

console.log(nodes.map((n) => `Node ${n.node}: ${n.cpu}`).join('\n'));
console.log(
  '\nOne list call against a loopback node:http server (seed list), µs per call, and × raw fetch:\n',
);
row([
  'Node',
  'raw fetch',
  'raw fetch, AK/SK headers',
  'bare openapi-fetch',
  'our token call',
  'our AK/SK call',
  'Huawei SDK (HcClient, AK/SK)',
]);
row(['---', '---:', '---:', '---:', '---:', '---:', '---:']);
for (const { node, calls } of nodes) {
  const cell = (value: number) => `${us(value)} (${times(value / calls.fetch)})`;
  row([
    node,
    us(calls.fetch),
    cell(calls.fetchSigned),
    cell(calls.openapiFetch),
    cell(calls.token),
    cell(calls.aksk),
    cell(calls.huawei),
  ]);
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
      times(s.ratio),
    ]);
}

console.log('\nGoals (ratios within one run):\n');
row(['Measure', 'Goal', ...nodes.map((n) => n.node)]);
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
goal('token call / raw fetch', '≤ 1.05×', ({ calls }) => [
  times(calls.token / calls.fetch),
  calls.token / calls.fetch <= 1.05,
]);
goal('AK/SK call / raw fetch', '≤ 1.15×', ({ calls }) => [
  times(calls.aksk / calls.fetch),
  calls.aksk / calls.fetch <= 1.15,
]);
// Not a goal: the same call against a raw fetch that sends the same (longer)
// signed headers, computed once: what is left is the client's own work.
row([
  '(AK/SK call / raw fetch sending AK/SK headers)',
  '–',
  ...nodes.map(({ calls }) => times(calls.aksk / calls.fetchSigned)),
]);
goal('signHeaders / AKSKSigner.sign (throughput)', '≥ 1.5×', ({ signers }) => {
  const ratio = signers.find((s) => s.name === 'signHeaders')?.ratio ?? 0;
  return [times(ratio), ratio >= 1.5];
});
goal('Huawei SDK call / our AK/SK call (time)', '≥ 1.5×', ({ calls }) => [
  times(calls.huawei / calls.aksk),
  calls.huawei / calls.aksk >= 1.5,
]);
goal('heap growth over 100,000 AK/SK calls', '≤ 5 MB', ({ heap }) => [
  mb(heap.growthBytes),
  heap.growthBytes <= 5 * 1024 * 1024,
]);
goal('timers / abort listeners left after them', '0 / 0', ({ heap }) => [
  `${heap.timersLeft} / ${heap.abortListenersLeft}`,
  heap.timersLeft === 0 && heap.abortListenersLeft === 0,
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
