// `npm run review -- --base <git-ref>`: compares the contract at <git-ref> with
// the working tree's, writes a Markdown report to stdout and to
// build/review/report.md, and exits 1 on a breaking change that is not allowed
// or not versioned (2 when it cannot review at all). Works from any git work
// tree with an openapi/ folder; its own tools come from this repository.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { type JsonObject, objectAt } from '../lib/json.ts';
import {
  defaultReport,
  parseReviewArgs,
  type ReportFormat,
  type ReviewArgs,
  usage,
} from './args.ts';
import { type Change, code, defaultPolicy } from './change.ts';
import { changelogEntry, changelogFile, hasSection, withEntry } from './changelog.ts';
import { startComparison } from './compare-within.ts';
import { CannotReview } from './errors.ts';
import { applyExceptions } from './exceptions.ts';
import { generatedFindings } from './generated-check.ts';
import { plainOf } from './inert.ts';
import { lintContract } from './lint.ts';
import {
  checkHead,
  configChanged,
  contractEntry,
  gitTopLevel,
  loadBase,
  loadHead,
  resolveCommit,
} from './load.ts';
import { contractStats, operationsOf } from './operations.ts';
import { type DocsLocation, type Review, renderReport } from './report.ts';
import { renderGithub } from './report-github.ts';
import { renderJson } from './report-json.ts';
import { judge, shownVersion, type Verdict } from './verdict.ts';

const docsPath = 'build/docs/index.html';
// The artifact name .github/workflows/pull-request.yml uploads the docs under.
const docsArtifact = 'api-docs';

const versionOf = (document: JsonObject | undefined): string | undefined => {
  const version = objectAt(objectAt(document).info).version;
  return typeof version === 'string' ? version : undefined;
};

function operationIdsOf(...documents: (JsonObject | undefined)[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const document of documents) {
    if (document === undefined) continue;
    for (const operation of operationsOf(document).values()) {
      if (operation.operationId !== undefined) ids.set(operation.key, operation.operationId);
    }
  }
  return ids;
}

function docsLocation(top: string): DocsLocation {
  const { GITHUB_ACTIONS, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = process.env;
  const inCi = GITHUB_ACTIONS === 'true' && GITHUB_RUN_ID !== undefined;
  return {
    path: docsPath,
    built: existsSync(join(top, docsPath)),
    artifact: inCi
      ? {
          name: docsArtifact,
          url: `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`,
        }
      : undefined,
  };
}

const configNote = `${code('redocly.yaml')} differs from the base. The review linted and bundled with its own configuration, not this one: read the change as code.`;

interface Versions {
  base: string | undefined;
  head: string | undefined;
}

/** What the report should point out without failing the review. */
function notesFor(args: ReviewArgs, versions: Versions, changelog: string): string[] {
  const notes: string[] = [];
  if (
    !args.changelog &&
    versions.head !== undefined &&
    versions.head !== versions.base &&
    !hasSection(changelog, versions.head)
  ) {
    notes.push(
      `${changelogFile} has no section for ${code(versions.head)}: run ${code(`npm run review -- --base ${args.base} --changelog`)} and commit it.`,
    );
  }
  return notes;
}

interface ChangelogInput {
  top: string;
  changes: readonly Change[];
  versions: Versions;
  verdict: Verdict;
  operationIds: ReadonlyMap<string, string>;
}

/** Writes the head version's section; false when it was asked for but could not be written. */
async function recordChangelog(input: ChangelogInput, text: string): Promise<boolean> {
  const { versions } = input;
  if (!input.verdict.passed) {
    console.error(`${changelogFile} not updated: the review failed.`);
    return false;
  }
  if (input.changes.length === 0) {
    console.error(`${changelogFile} not updated: no change to record.`);
    return true;
  }
  if (versions.head === undefined || versions.head === versions.base) {
    console.error(
      `${changelogFile} not updated: info.version is still ${plainOf(shownVersion(versions.head))}, as at the base. Bump it first; each version gets one section.`,
    );
    return false;
  }
  const entry = changelogEntry(versions.head, input.changes, input.operationIds);
  await writeFile(join(input.top, changelogFile), withEntry(text, versions.head, entry));
  console.error(`updated ${changelogFile}: section ${plainOf(code(versions.head))}`);
  return true;
}

async function review(args: ReviewArgs, signal: AbortSignal): Promise<number> {
  const top = await gitTopLevel(process.cwd());
  const commit = await resolveCommit(top, args.base);
  // No tool reads the head before it is guarded. Lint then runs while the
  // contracts are compared: it is only needed for the report.
  const guarded = await checkHead(top);
  const comparison = startComparison();
  comparison.prepare('head', { root: contractEntry, texts: guarded.texts });
  const linting = lintContract(guarded, signal);
  const generating = generatedFindings(top, commit, signal);
  const [base, head, configEdited] = await Promise.all([
    loadBase(top, commit, signal, (files) => comparison.prepare('base', files)),
    loadHead(guarded, signal),
    configChanged(top, commit),
  ]);
  const policy = defaultPolicy();
  policy.deprecationDays = { ...policy.deprecationDays, ...args.deprecationDays };
  const compared = await comparison.run(
    {
      base: base.document,
      head: head.document,
      top,
      maxWork: args.maxWork,
      options: { policy },
      sources: { base: base.sources, head: head.sources },
    },
    signal,
  );
  const lint = await linting;
  const applied = applyExceptions(
    [...compared, ...(await generating)],
    { base: base.sources, head: head.sources },
    policy.today,
  );
  const { changes } = applied;
  const versions = { base: versionOf(base.document), head: versionOf(head.document) };
  const verdict = judge(
    {
      changes,
      baseVersion: versions.base,
      headVersion: versions.head,
      allowBreaking: args.allowBreaking,
      allowUnclassified: args.allowUnclassified,
    },
    applied.problems,
  );
  const changelog = await readFile(join(top, changelogFile), 'utf8').catch(() => '# Changelog\n');
  const operationIds = operationIdsOf(base.document, head.document);

  const review: Review = {
    base: {
      label: commit.startsWith(args.base)
        ? code(commit.slice(0, 7))
        : `${code(args.base)} (${commit.slice(0, 7)})`,
      source: base.source,
      version: versions.base,
      stats: contractStats(base.document),
    },
    head: {
      label: 'working tree',
      source: head.source,
      version: versions.head,
      stats: contractStats(head.document),
    },
    lint,
    changes,
    verdict,
    docs: docsLocation(top),
    operationIds,
    notes: [...(configEdited ? [configNote] : []), ...notesFor(args, versions, changelog)],
    exceptions: applied.uses,
  };
  const changelogWritten = args.changelog
    ? await recordChangelog({ top, changes, versions, verdict, operationIds }, changelog)
    : true;
  const exitCode = verdict.passed && changelogWritten ? 0 : 1;
  await writeReports(args, top, review, exitCode);
  for (const problem of verdict.problems) console.error(`review failed: ${plainOf(problem)}`);
  return exitCode;
}

const renderers: Record<ReportFormat, (review: Review, exitCode: number) => string> = {
  markdown: (review) => renderReport(review),
  json: renderJson,
  github: (review) => renderGithub(review),
};

/** Every report asked for: to its file (folders made), or to stdout. */
async function writeReports(args: ReviewArgs, top: string, review: Review, exitCode: number) {
  for (const { format, file } of args.outputs) {
    const text = renderers[format](review, exitCode);
    if (file === undefined) {
      process.stdout.write(text);
      continue;
    }
    const output = file === defaultReport ? join(top, defaultReport) : resolve(file);
    await mkdir(dirname(output), { recursive: true });
    await writeFile(output, text);
    console.error(`wrote ${relative(process.cwd(), output) || output}`);
  }
}

/** The review, or a CannotReview once `seconds` have passed (its child processes are killed). */
async function reviewWithin(args: ReviewArgs): Promise<number> {
  const seconds = args.timeoutSeconds;
  const deadline = AbortSignal.timeout(seconds * 1000);
  const running = review(args, deadline);
  const timedOut = new Promise<never>((_, reject) => {
    deadline.addEventListener('abort', () =>
      reject(
        new CannotReview(
          `gave up after ${seconds} s (--timeout ${seconds}): the contracts did not load, bundle and compare in time.`,
        ),
      ),
    );
  });
  running.catch(() => undefined); // its rejection after the deadline is the deadline's
  return Promise.race([running, timedOut]);
}

try {
  const args = parseReviewArgs(process.argv.slice(2));
  if (args.help) console.log(usage);
  else process.exitCode = await reviewWithin(args);
} catch (error) {
  if (!(error instanceof CannotReview)) {
    console.error(`review: ${(error as Error).message ?? String(error)}`);
    if (process.argv.includes('--verbose')) console.error(error);
    process.exit(2);
  }
  console.error(`review: ${error.message}`);
  // Nothing the review started may outlive it (a fetch, a child past its deadline).
  process.exit(2);
}
