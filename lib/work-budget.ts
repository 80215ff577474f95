// A count of units of work (schema nodes visited, values compared) that a
// piece of synchronous code may spend, so that input built to make it run
// away (a $ref graph with shared branches, a huge enum) ends with a message
// naming the budget instead of running for hours. Outside `withWorkBudget`
// nothing is counted.

export class WorkBudgetExceeded extends Error {
  constructor(readonly limit: number) {
    super(
      `the comparison needed more than ${limit.toLocaleString('en-US')} steps (its work budget, --max-work): the contract is built so that comparing it would run away (a $ref graph with shared branches, huge enums)`,
    );
  }
}

let left = Number.POSITIVE_INFINITY;
let limit = Number.POSITIVE_INFINITY;

/** Counts `units` against the running budget; throws WorkBudgetExceeded past it. */
export function spend(units = 1): void {
  left -= units;
  if (left < 0) throw new WorkBudgetExceeded(limit);
}

/** Runs `work` with at most `budget` units to spend (budgets do not nest: the inner one rules). */
export function withWorkBudget<T>(budget: number, work: () => T): T {
  const outer = { left, limit };
  left = budget;
  limit = budget;
  try {
    return work();
  } finally {
    left = outer.left;
    limit = outer.limit;
  }
}
