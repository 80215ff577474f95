// `npm run review:edits`: 1,000 random single-keyword edits of this contract
// (review/edits.ts), each reviewed against it, and where they land: on a named
// rule, on "no change" (an equivalent spelling, or a component no operation
// uses), or on the unclassified net (goal: under 2 %). Lists every edit that
// reached the net, and the no-change ones by kind, so each can be read.
import { readFileSync } from 'node:fs';
import type { JsonObject } from '../lib/json.ts';
import { fromRoot } from '../lib/paths.ts';
import { scriptArgs } from '../lib/script.ts';
import { reviewEdits } from '../review/edits.ts';

const { values } = scriptArgs(
  `Usage: npm run review:edits [-- --count N] [--seed S] [--verbose]\n\nReviews N random single-keyword edits of the contract (default 1000, seed 2026) and reports how many land on a named rule, on no change, and on the unclassified net.\n\nOptions:\n  --count N   how many edits (default 1000)\n  --seed S    the generator's seed (default 2026)\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run review:edits -- --count 300`,
  { count: { type: 'string' }, seed: { type: 'string' } },
);

const count = Number(values.count ?? 1000);
const seed = Number(values.seed ?? 2026);
const document = JSON.parse(readFileSync(fromRoot('generated/openapi.json'), 'utf8')) as JsonObject;
const started = performance.now();
const results = reviewEdits(document, count, seed);
const seconds = (performance.now() - started) / 1000;

const share = (n: number) => `${n} (${((n / results.length) * 100).toFixed(1)} %)`;
const by = (outcome: string) => results.filter((r) => r.outcome === outcome);
console.log(`${results.length} edits (seed ${seed}) reviewed in ${seconds.toFixed(1)} s`);
console.log(`  named rule:   ${share(by('named').length)}`);
console.log(`  no change:    ${share(by('no change').length)}`);
console.log(`  unclassified: ${share(by('unclassified').length)} (goal < 2 %)`);
const kinds = new Map<string, number>();
for (const r of by('no change')) {
  const what = r.edit;
  kinds.set(what, (kinds.get(what) ?? 0) + 1);
}
console.log('\nNo change, by edit:');
for (const [what, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${what}`);
console.log('\nUnclassified:');
for (const r of by('unclassified'))
  console.log(`  ${r.edit}\n    ${r.unclassified.join('\n    ')}`);
