// The comparison and the translation check, in a worker thread: both are
// synchronous work on data from the pull request, which only terminating the
// thread can stop at the review's deadline (compare-within.ts).
import { parentPort } from 'node:worker_threads';
import { WorkBudgetExceeded, withWorkBudget } from '../lib/work-budget.ts';
import { type CompareOptions, compareContracts } from './compare.ts';
import type { ComparisonInput, ComparisonOutcome } from './compare-within.ts';
import { CannotReview } from './errors.ts';
import { locateChanges, type ParsedFiles, parseAll, type SourceFiles } from './locate.ts';
import { translationFindings } from './translations.ts';

async function run(input: ComparisonInput): Promise<ComparisonOutcome> {
  try {
    const options: CompareOptions = input.options;
    // One parse per file for both the changes and the translation findings.
    parsed.head ??= new Map();
    const changes = withWorkBudget(input.maxWork, () =>
      locateChanges(compareContracts(input.base, input.head, options), input.sources, parsed),
    );
    const translations = await translationFindings(
      input.top,
      input.base,
      input.head,
      input.sources,
      parsed.head,
    );
    return { ok: true, changes: [...changes, ...translations] };
  } catch (error) {
    if (error instanceof CannotReview || error instanceof WorkBudgetExceeded) {
      return { ok: false, cannotReview: true, message: error.message };
    }
    return { ok: false, cannotReview: false, message: (error as Error).message ?? String(error) };
  }
}

/** Each side's files, parsed as soon as they arrive (while Redocly bundles). */
const parsed: { base?: ParsedFiles; head?: ParsedFiles } = {};

export type WorkerMessage =
  | { kind: 'sources'; side: 'base' | 'head'; files: SourceFiles }
  | { kind: 'run'; input: ComparisonInput };

// The review starts this thread early, sends each side's files as soon as it
// has them, and the two contracts once bundled.
parentPort?.on('message', async (message: WorkerMessage) => {
  if (message.kind === 'sources') {
    try {
      parsed[message.side] = parseAll(message.files);
    } catch {
      // Parsed again, lazily, when a finding needs it.
    }
    return;
  }
  parentPort?.postMessage(await run(message.input));
});
