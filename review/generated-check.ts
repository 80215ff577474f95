// Whether the head's generated/ is what the base's generator makes of the
// head's openapi/ (base code, head data: the head's generator is never
// run). CI's `npm run check:generated` would refuse a stale generated/, so
// the review finds it first. The generator runs in a child process that the
// review's deadline kills (it is synchronous work on pull-request data), with
// the review's own Redocly configuration.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../lib/paths.ts';
import { runNode } from '../lib/run-node.ts';
import { type Change, code } from './change.ts';
import { checkIds } from './check-ids.ts';
import { CannotReview } from './errors.ts';
import { reviewConfig } from './load.ts';

const child = fromRoot('review/generated-check-child.ts');
const tsx = fromRoot('node_modules/tsx/dist/cli.mjs');

/** What the generator reads and writes: when none of it differs from the base, nothing can have gone stale. */
const generatorPaths = ['openapi', 'generated', 'src/mock/dataset.json'];

async function untouched(top: string, commit: string): Promise<boolean> {
  const git = (args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile('git', args, { cwd: top, encoding: 'utf8' }, (error, out) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, out }),
      );
    });
  const diff = await git(['diff', '--quiet', commit, '--', ...generatorPaths]);
  if (diff.code !== 0) return false;
  const added = await git(['ls-files', '--others', '--exclude-standard', '--', ...generatorPaths]);
  return added.code === 0 && added.out.trim() === '';
}

/**
 * A finding per stale or missing file under `top`; none when `top` has no
 * generated/, or when neither the contract nor generated/ differ from `commit`.
 */
export async function generatedFindings(
  top: string,
  commit: string,
  signal?: AbortSignal,
): Promise<Change[]> {
  if (!existsSync(join(top, 'generated'))) return [];
  if (await untouched(top, commit)) return [];
  const run = await runNode([tsx, child, top, reviewConfig], { cwd: top, signal });
  if (run.code !== 0) {
    const said = (run.stderr || run.stdout).trim().split('\n').slice(0, 3).join(' ');
    throw new CannotReview(`the base's generator could not render the head's openapi/: ${said}`);
  }
  const outcome = JSON.parse(run.stdout) as
    | { stale: { file: string; missing: boolean }[] }
    | { refused: string };
  if ('refused' in outcome) {
    const said = outcome.refused.split('\n').slice(0, 4).join(' ');
    return [
      {
        kind: 'check',
        rule: checkIds.generatedStale,
        operation: null,
        message: `${code('npm run generate')} refuses the head's openapi/: ${code(said)}. Fix what it names, then run it and commit the result`,
        location: { file: 'generated/openapi.yaml', line: 1, column: 1, pointer: '', exact: true },
      },
    ];
  }
  // A tree without the mock's dataset (another project's) has nothing of it to keep fresh.
  const kept = outcome.stale.filter(
    ({ file, missing }) => !missing || file.startsWith('generated/'),
  );
  return kept.map(({ file, missing }) => ({
    kind: 'check',
    rule: checkIds.generatedStale,
    operation: null,
    message: `${code(file)} is ${missing ? 'missing' : 'stale'}: it is not what ${code('npm run generate')} makes of the head's openapi/. Run ${code('npm run generate')} and commit the result (CI's ${code('npm run check:generated')} refuses it)`,
    location: { file, line: 1, column: 1, pointer: '', exact: !missing },
  }));
}
