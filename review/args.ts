// Command-line arguments of `npm run review`.
import { parseArgs } from 'node:util';
import { CannotReview } from './errors.ts';

export const reportFormats = ['markdown', 'json', 'github'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** One report to write: a format, to a file (relative to the current directory) or to stdout. */
export interface ReportOutput {
  format: ReportFormat;
  file: string | undefined;
}

export interface ReviewArgs {
  base: string;
  allowBreaking: boolean;
  allowUnclassified: boolean;
  changelog: boolean;
  /** The reports to write; without --format, Markdown to stdout and to a file. */
  outputs: ReportOutput[];
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

export const defaultReport = 'build/review/report.md';

export const usage = `Usage: npm run review -- --base <git-ref> [--allow-breaking] [--allow-unclassified]
         [--changelog] [--format <markdown|json|github> [--output <file>]]...
         [--timeout <seconds>] [--max-work <steps>]
         [--deprecation-days-beta <days>] [--deprecation-days-stable <days>]

Compares the contract bundled from openapi/ at <git-ref> with the working tree's
and writes a Markdown report to stdout and to ${defaultReport}.

  --base <git-ref>    commit, branch or tag to compare with (e.g. origin/main, HEAD)
  --allow-breaking    exit 0 despite breaking changes (info.version must still get a new major)
  --allow-unclassified  exit 0 despite changes no rule classifies (read them first)
  --changelog         record the changes in CHANGELOG.md under the head's info.version
  --format <format>   markdown (the default), json (docs/review.md gives its schema) or
                      github (workflow commands: annotations on the pull request's
                      lines); give it several times for several reports
  --output <file>     where the --format before it goes (stdout when it has none);
                      without any --format: the Markdown report's file instead of
                      ${defaultReport}
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

/**
 * Each --format with the --output after it, in the order given. No --format:
 * Markdown to stdout and to --output (or the default file).
 */
function outputsOf(tokens: ReturnType<typeof parse>['tokens']): ReportOutput[] {
  const outputs: ReportOutput[] = [];
  let lone: string | undefined;
  for (const token of tokens ?? []) {
    if (token.kind !== 'option' || (token.name !== 'format' && token.name !== 'output')) continue;
    const value = token.value ?? '';
    if (token.name === 'format') {
      if (!(reportFormats as readonly string[]).includes(value)) {
        throw new CannotReview(
          `--format needs one of ${reportFormats.join(', ')}, got "${value}"\n\n${usage}`,
        );
      }
      outputs.push({ format: value as ReportFormat, file: undefined });
      continue;
    }
    if (value.trim() === '') throw new CannotReview(`--output needs a file name\n\n${usage}`);
    const last = outputs.at(-1);
    if (last !== undefined && last.file === undefined) last.file = value;
    else if (last === undefined && lone === undefined) lone = value;
    else {
      throw new CannotReview(
        `--output ${value} has no --format of its own: give each --output after its --format\n\n${usage}`,
      );
    }
  }
  if (outputs.length === 0) {
    return [
      { format: 'markdown', file: undefined },
      { format: 'markdown', file: lone ?? defaultReport },
    ];
  }
  if (lone !== undefined) {
    throw new CannotReview(`--output ${lone} comes before any --format\n\n${usage}`);
  }
  if (outputs.filter((output) => output.file === undefined).length > 1) {
    throw new CannotReview(
      `only one report can go to stdout: give the others an --output\n\n${usage}`,
    );
  }
  return outputs;
}

export function parseReviewArgs(argv: readonly string[]): ReviewArgs {
  let values: ReturnType<typeof parse>['values'];
  let tokens: ReturnType<typeof parse>['tokens'];
  try {
    ({ values, tokens } = parse(argv));
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
      outputs: [],
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
  const outputs = outputsOf(tokens);
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
    outputs,
    timeoutSeconds: timeout,
    help: false,
  };
}

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    strict: true,
    tokens: true,
    allowPositionals: false,
    options: {
      base: { type: 'string' },
      'allow-breaking': { type: 'boolean' },
      'allow-unclassified': { type: 'boolean' },
      changelog: { type: 'boolean' },
      format: { type: 'string', multiple: true },
      output: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      'max-work': { type: 'string' },
      'deprecation-days-beta': { type: 'string' },
      'deprecation-days-stable': { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
