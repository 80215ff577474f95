// `npm run bench:review`: how long `npm run review` takes on this contract and
// on synthetic contracts of 300 and 2,000 paths (copies of this contract's
// two paths over its shared components). Each size runs the real CLI in a
// temporary git repository: the base commit is the contract, the head edits
// every operation's description and removes one status, so the review has
// work to report. A last row reviews this repository's own tree as a pull
// request meets it (openapi/ in its files, translations, generated/ checked
// by the generator). Each row also gives the size of the JSON report.
// Speed is reported here, never asserted in a test.

import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse, stringify } from 'yaml';
import { fromRoot } from '../lib/paths.ts';
import { runNode } from '../lib/run-node.ts';
import { scriptArgs } from '../lib/script.ts';
import { commitAll, git } from '../test/support/git-repo.ts';
import { median } from './support/median.ts';

scriptArgs(
  `Usage: npm run bench:review [--verbose]\n\nTimes npm run review on this contract and on 300- and 2,000-path synthetic ones.\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run bench:review`,
);

const tsx = fromRoot('node_modules/tsx/dist/cli.mjs');
const cli = fromRoot('review/cli.ts');
const runs = 3;

type Doc = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

/** This contract with its paths copied `copies` times (null: as it is). */
async function contract(copies: number | null): Promise<Doc> {
  const bundled = parse(await readFile(fromRoot('generated/openapi.yaml'), 'utf8')) as Doc;
  if (copies === null) return bundled;
  const paths: Doc['paths'] = {};
  for (let i = 0; i < copies; i += 1) {
    for (const [path, item] of Object.entries(bundled.paths)) {
      const copy = structuredClone(item) as Record<string, Record<string, unknown>>;
      for (const operation of Object.values(copy)) {
        if (typeof operation.operationId === 'string') operation.operationId += `${i}`;
      }
      paths[path.replace('/groups', `/groups${i}`)] = copy;
    }
  }
  return { ...bundled, paths };
}

function edited(document: Doc): Doc {
  const head = structuredClone(document);
  let first = true;
  for (const item of Object.values(head.paths)) {
    for (const operation of Object.values(item) as Record<string, unknown>[]) {
      operation.description = `${String(operation.description)} (edited)`;
      if (first) {
        delete (operation.responses as Record<string, unknown>)['500'];
        first = false;
      }
    }
  }
  return head;
}

async function timeReview(label: string, copies: number | null): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'review-bench-'));
  try {
    await mkdir(join(repo, 'openapi'));
    await cp(fromRoot('redocly.yaml'), join(repo, 'redocly.yaml'));
    const base = await contract(copies);
    await writeFile(join(repo, 'openapi/openapi.yaml'), stringify(base));
    git(repo, 'init', '-q', '-b', 'main');
    commitAll(repo, 'base');
    await writeFile(join(repo, 'openapi/openapi.yaml'), stringify(edited(base)));
    return await row(label, Object.keys(base.paths).length, repo);
  } finally {
    await rm(repo, { recursive: true, force: true });
  }
}

/** The review of `repo` timed `runs` times against HEAD, as one row of the table. */
async function row(label: string, paths: number, repo: string): Promise<string> {
  const times: number[] = [];
  let code: number | string | null = null;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = await runNode([tsx, cli, '--base', 'HEAD', '--output', join(repo, 'r.md')], {
      cwd: repo,
    });
    times.push(performance.now() - started);
    code = result.code;
  }
  times.sort((a, b) => a - b);
  const json = await jsonBytes(repo);
  return `| ${label} | ${paths} | ${(median(times) / 1000).toFixed(2)} s | ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} | ${String(code)} | ${json} |`;
}

/** The size of the JSON report of one more run (untimed); '–' where the CLI has no --format. */
async function jsonBytes(repo: string): Promise<string> {
  const out = join(repo, 'r.json');
  const result = await runNode([tsx, cli, '--base', 'HEAD', '--format', 'json', '--output', out], {
    cwd: repo,
  });
  if (result.code === 2) return '–';
  return `${((await readFile(out)).length / 1024).toFixed(1)} kB`;
}

/** This repository's tree, as a pull request that edits one description meets the review. */
async function timeThisTree(): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'review-bench-tree-'));
  try {
    for (const path of ['openapi', 'generated', 'src/mock/dataset.json', 'redocly.yaml']) {
      await cp(fromRoot(path), join(repo, path), { recursive: true });
    }
    git(repo, 'init', '-q', '-b', 'main');
    commitAll(repo, 'base');
    const file = join(repo, 'openapi/components/schemas/PurchaseBase.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'No bound is documented.',
        'No bound is documented (edited).',
      ),
    );
    const paths = Object.keys((await contract(null)).paths).length;
    return await row("this repository's tree (files, translations, generated/)", paths, repo);
  } finally {
    await rm(repo, { recursive: true, force: true });
  }
}

console.log(
  `Node ${process.version}; git ${execFileSync('git', ['--version']).toString().trim()}\n`,
);
console.log('| contract | paths | median wall | runs | exit | JSON report |');
console.log('|---|---:|---:|---|---:|---:|');
console.log(await timeReview('this contract (goal ≤ 1.5 s)', null));
console.log(await timeReview('300 paths', 150));
console.log(await timeReview('2,000 paths (goal ≤ 5 s)', 1000));
console.log(await timeThisTree());
