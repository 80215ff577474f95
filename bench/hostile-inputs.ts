// `npm run fuzz:hostile` (second half): the long hostile-input runs that
// `npm test` only samples, with what each costs.
// 1. The review on hostile contracts: alias bombs of growing size, a $ref to
//    a URL that never answers, a file just under and just over the size
//    limit. Wall time, exit code and the review process's peak memory.
// 2. The client against gzip bombs of 100 and 400 MB decoded, under the
//    default 10 MB cap: time to ApigResponseTooLargeError and memory growth.
// Exits 1 if a review passed or hung, or if the client accepted a bomb.

import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { fromRoot, repoRoot } from '../lib/paths.ts';
import { runNode } from '../lib/run-node.ts';
import { scriptArgs } from '../lib/script.ts';
import { treeLimits } from '../review/contract-tree.ts';
import { ApigResponseTooLargeError, createPurchasesClient } from '../src/index.ts';
import { commitAll, git } from '../test/support/git-repo.ts';

scriptArgs(
  `Usage: npm run fuzz:hostile [--verbose]\n\nHostile contracts through the review and gzip bombs through the client, with what each costs.\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run fuzz:hostile`,
);

const problems: string[] = [];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// 1. The review.
const repo = await mkdtemp(join(tmpdir(), 'hostile-review-'));
await cp(join(repoRoot, 'openapi'), join(repo, 'openapi'), { recursive: true });
git(repo, 'init', '-q', '-b', 'main');
commitAll(repo, 'base');
const silent = createServer(() => undefined); // accepts, never answers
silent.listen(0, '127.0.0.1');
await once(silent, 'listening');
const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/x.yaml`;

/** `levels` levels of `width` aliases each: width^levels strings once expanded. */
const aliasBomb = (levels: number, width: number): string => {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(',')}]`];
  for (let level = 1; level < levels; level += 1) {
    lines.push(
      `l${level}: &l${level} [${Array(width)
        .fill(`*l${level - 1}`)
        .join(',')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
};

const detail = join(repo, 'openapi/paths/v1.0_apigw_purchases_groups_{purchase_id}.yaml');
const cases: [string, () => Promise<void>][] = [
  [
    'alias bomb, 9 × 9 (≈ 400 bytes)',
    () => writeFile(join(repo, 'openapi/b.yaml'), aliasBomb(9, 9)),
  ],
  [
    'alias bomb, 12 × 10 (≈ 600 bytes)',
    () => writeFile(join(repo, 'openapi/b.yaml'), aliasBomb(12, 10)),
  ],
  [
    'alias bomb, 40 × 40 (≈ 6 kB)',
    () => writeFile(join(repo, 'openapi/b.yaml'), aliasBomb(40, 40)),
  ],
  [
    '$ref to a URL that never answers',
    async () => {
      const text = await readFile(detail, 'utf8');
      await writeFile(detail, text.replace('../components/responses/NotFound.yaml', silentUrl));
    },
  ],
  [
    `a YAML file of ${mb(treeLimits.fileBytes - 4096)} (under the limit)`,
    () =>
      writeFile(
        join(repo, 'openapi/big.yaml'),
        `x: "${'y'.repeat(treeLimits.fileBytes - 4096)}"\n`,
      ),
  ],
  [
    `a YAML file of ${mb(treeLimits.fileBytes + 4096)} (over the limit)`,
    () =>
      writeFile(
        join(repo, 'openapi/big.yaml'),
        `x: "${'y'.repeat(treeLimits.fileBytes + 4096)}"\n`,
      ),
  ],
];
// The review runs in this node process (tsx as a loader, not its launcher), so its peak is measured.
const tsxLoader = pathToFileURL(fromRoot('node_modules/tsx/dist/loader.mjs')).href;
const peak = `--import=data:text/javascript,${encodeURIComponent(
  // biome-ignore lint/suspicious/noTemplateCurlyInString: code for the child, not a template here.
  "process.on('exit', () => process.stderr.write(`\\npeak-rss ${process.resourceUsage().maxRSS}\\n`));",
)}`;
console.log('| review of a hostile head | exit | wall | review peak RSS | says |');
console.log('|---|---:|---:|---:|---|');
for (const [name, plant] of cases) {
  await plant();
  const started = Date.now();
  const run = await runNode(
    [peak, '--import', tsxLoader, fromRoot('review/cli.ts'), '--base', 'HEAD', '--timeout', '60'],
    { cwd: repo },
  );
  const wall = Date.now() - started;
  const rss = Number(/peak-rss (\d+)/.exec(run.stderr)?.[1] ?? 0) * 1024;
  const says = run.stderr.split('\n').find((line) => line.startsWith('review:')) ?? '';
  console.log(
    `| ${name} | ${run.code} | ${(wall / 1000).toFixed(2)} s | ${mb(rss)} | ${says.slice(0, 90)} |`,
  );
  if (name.includes('under the limit')) {
    if (run.code === 2 && says.includes('over the')) problems.push(`${name}: refused`);
  } else if (run.code !== 2) {
    problems.push(`${name}: exit ${run.code}, expected 2`);
  }
  git(repo, 'checkout', '-q', '--', '.');
  git(repo, 'clean', '-qfdx');
}
silent.closeAllConnections();
silent.close();
await rm(repo, { recursive: true, force: true });

// 2. The client and gzip bombs.
const bombs = createServer((request, response) => {
  const decoded = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('group_name'));
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
  const gzip = createGzip();
  gzip.pipe(response);
  const chunk = Buffer.alloc(1 << 20, 'x');
  let written = 0;
  const pump = () => {
    while (written < decoded && !response.destroyed) {
      written += chunk.length;
      if (!gzip.write(chunk)) return gzip.once('drain', pump);
    }
    gzip.end();
  };
  gzip.write('{"total":1,"size":1,"purchases":[],"x":"');
  pump();
});
bombs.listen(0, '127.0.0.1');
await once(bombs, 'listening');
const client = createPurchasesClient({
  baseUrl: `http://127.0.0.1:${(bombs.address() as AddressInfo).port}`,
  credentials: { token: 't' },
});
console.log('\n| gzip bomb (decoded size) | outcome | time | RSS growth | heap growth |');
console.log('|---|---|---:|---:|---:|');
for (const decoded of [100 << 20, 400 << 20]) {
  globalThis.gc?.();
  const rss = process.memoryUsage().rss;
  const heap = process.memoryUsage().heapUsed;
  let maxRss = rss;
  const watch = setInterval(() => {
    maxRss = Math.max(maxRss, process.memoryUsage().rss);
  }, 5);
  const started = Date.now();
  const outcome = await client
    .listPurchasedGroups({ group_name: String(decoded) })
    .then(() => 'accepted')
    .catch((error: unknown) =>
      error instanceof ApigResponseTooLargeError ? 'ApigResponseTooLargeError' : String(error),
    );
  clearInterval(watch);
  const heapGrowth = process.memoryUsage().heapUsed - heap;
  console.log(
    `| ${mb(decoded)} | ${outcome} | ${Date.now() - started} ms | ${mb(maxRss - rss)} | ${mb(Math.max(0, heapGrowth))} |`,
  );
  if (outcome !== 'ApigResponseTooLargeError')
    problems.push(`gzip bomb of ${mb(decoded)}: ${outcome}`);
}
bombs.closeAllConnections();
bombs.close();

if (problems.length > 0) {
  console.error(problems.map((problem) => `FAILED: ${problem}`).join('\n'));
  process.exit(1);
}
console.log(
  '\nEvery hostile contract was refused (exit 2) and every gzip bomb stopped at the cap.',
);
