// The comparison and the translation check, in a worker thread: both are
// synchronous work on data from the pull request, which only terminating the
// thread can stop at the review's deadline (compare-within.ts).
import { parentPort } from 'node:worker_threads';
import { WorkBudgetExceeded, withWorkBudget } from '../lib/work-budget.ts';
import { type CompareOptions, compareContracts } from './compare.ts';
import type { ComparisonInput, ComparisonOutcome } from './compare-within.ts';
import { CannotReview } from './errors.ts';
import { locateChanges } from './locate.ts';
import { translationFindings } from './translations.ts';

async function run(input: ComparisonInput): Promise<ComparisonOutcome> {
  try {
    const options: CompareOptions = input.options;
    const changes = withWorkBudget(input.maxWork, () =>
      locateChanges(compareContracts(input.base, input.head, options), input.sources),
    );
    const translations = await translationFindings(
      input.top,
      input.base,
      input.head,
      input.sources,
    );
    return { ok: true, changes: [...changes, ...translations] };
  } catch (error) {
    if (error instanceof CannotReview || error instanceof WorkBudgetExceeded) {
      return { ok: false, cannotReview: true, message: error.message };
    }
    return { ok: false, cannotReview: false, message: (error as Error).message ?? String(error) };
  }
}

// The review starts this thread early and sends the two contracts once bundled.
parentPort?.once('message', async (input: ComparisonInput) => {
  parentPort?.postMessage(await run(input));
});
