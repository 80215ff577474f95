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
  /** The wall-clock limit of the whole review. */
  timeoutSeconds: number;
  /** The comparison's work budget: schema visits and value comparisons. */
  maxWork: number;
  /** Minimum days from deprecation to sunset for beta and stable operations. */
  deprecationDays: { beta: number; stable: number };
  help: boolean;
}

export const defaultTimeoutSeconds = 120;
/** 15× what comparing 2,000 paths spends (333,000 steps, 0.9 s here); this contract spends about 800. */
export const defaultMaxWork = 5_000_000;

export const usage = `Usage: npm run review -- --base <git-ref> [--allow-breaking] [--allow-unclassified]
         [--changelog] [--output <file>] [--timeout <seconds>] [--max-work <steps>]
         [--deprecation-days-beta <days>] [--deprecation-days-stable <days>]

Compares the contract bundled from openapi/ at <git-ref> with the working tree's
and writes a Markdown report to stdout and to build/review/report.md.

  --base <git-ref>    commit, branch or tag to compare with (e.g. origin/main, HEAD)
  --allow-breaking    exit 0 despite breaking changes (info.version must still get a new major)
  --allow-unclassified  exit 0 despite changes no rule classifies (read them first)
  --changelog         record the changes in CHANGELOG.md under the head's info.version
  --output <file>     write the report there instead of build/review/report.md
  --timeout <seconds> give up (exit 2) after this long; default ${defaultTimeoutSeconds}
  --max-work <steps>  give up (exit 2) when comparing takes more steps (schema nodes
                      visited, values compared); default ${defaultMaxWork.toLocaleString('en-US')}
  --deprecation-days-beta <days>, --deprecation-days-stable <days>
                      the least time a deprecation must give before its x-sunset, by the
                      operation's x-stability-level (none is stable); above 0 a deprecation
                      must carry an x-sunset. Default 0, as oasdiff's
  --verbose           print the stack of an unexpected error
  --help              show this help

Exit codes: 0 passed, 1 review failed (breaking or unclassified change), 2 could not
review (bad arguments, unknown ref, a base or head contract that cannot be read or
that the review refuses: a $ref leaving openapi/, a URL, a symlink out, an alias bomb,
a file over the size limit; or the --timeout was reached).`;

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
      timeoutSeconds: defaultTimeoutSeconds,
      maxWork: defaultMaxWork,
      deprecationDays: { beta: 0, stable: 0 },
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
  const timeout = values.timeout === undefined ? defaultTimeoutSeconds : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new CannotReview(
      `--timeout needs a number of seconds above 0, got "${values.timeout}"\n\n${usage}`,
    );
  }
  const whole = (option: string, fallback: number, least: number): number => {
    const raw = values[option as keyof typeof values];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < least) {
      throw new CannotReview(
        `--${option} needs a whole number of at least ${least}, got "${String(raw)}"\n\n${usage}`,
      );
    }
    return value;
  };
  return {
    base,
    maxWork: whole('max-work', defaultMaxWork, 1),
    deprecationDays: {
      beta: whole('deprecation-days-beta', 0, 0),
      stable: whole('deprecation-days-stable', 0, 0),
    },
    allowBreaking: values['allow-breaking'] === true,
    allowUnclassified: values['allow-unclassified'] === true,
    changelog: values.changelog === true,
    output: values.output,
    timeoutSeconds: timeout,
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
      timeout: { type: 'string' },
      'max-work': { type: 'string' },
      'deprecation-days-beta': { type: 'string' },
      'deprecation-days-stable': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
