// Command-line arguments of `npm run review`.
import { parseArgs } from 'node:util';
import { CannotReview } from './errors.ts';

export interface ReviewArgs {
  base: string;
  allowBreaking: boolean;
  allowUnclassified: boolean;
  changelog: boolean;
  /** Where the report goes besides stdout; relative to the current directory. */
  output: string | undefined;
  help: boolean;
}

export const usage = `Usage: npm run review -- --base <git-ref> [--allow-breaking] [--changelog] [--output <file>]

Compares the contract bundled from openapi/ at <git-ref> with the working tree's
and writes a Markdown report to stdout and to build/review/report.md.

  --base <git-ref>    commit, branch or tag to compare with (e.g. origin/main, HEAD)
  --allow-breaking    exit 0 despite breaking changes (info.version must still get a new major)
  --allow-unclassified  exit 0 despite changes no rule classifies (read them first)
  --changelog         record the changes in CHANGELOG.md under the head's info.version
  --output <file>     write the report there instead of build/review/report.md
  --help              show this help

Exit codes: 0 passed, 1 review failed (breaking or unclassified change), 2 could not
review (bad arguments, unknown ref, a base or head contract that cannot be read).`;

export function parseReviewArgs(argv: readonly string[]): ReviewArgs {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    // parseArgs says which option is wrong; the usage says what is right.
    throw new CannotReview(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help === true) {
    return {
      base: '',
      allowBreaking: false,
      allowUnclassified: false,
      changelog: false,
      output: undefined,
      help: true,
    };
  }
  const base = values.base;
  if (base === undefined || base.trim() === '') {
    throw new CannotReview(`--base <git-ref> is required\n\n${usage}`);
  }
  if (base.startsWith('-')) {
    throw new CannotReview(`--base needs a git ref, got "${base}"\n\n${usage}`);
  }
  if (values.output !== undefined && values.output.trim() === '') {
    throw new CannotReview(`--output needs a file name\n\n${usage}`);
  }
  return {
    base,
    allowBreaking: values['allow-breaking'] === true,
    allowUnclassified: values['allow-unclassified'] === true,
    changelog: values.changelog === true,
    output: values.output,
    help: false,
  };
}

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      base: { type: 'string' },
      'allow-breaking': { type: 'boolean' },
      'allow-unclassified': { type: 'boolean' },
      changelog: { type: 'boolean' },
      output: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
