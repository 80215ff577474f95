// The review as JSON, for bots and other tools: the verdict and why, both
// sides, and every finding with its rule, operation, place in the head's
// files (and in the base's, for what is gone) and its message as plain text.
// Its schema is review/report.schema.json (documented in docs/review.md);
// `version` changes when a field changes meaning or goes away.
import type { Change, ChangeKind } from './change.ts';
import { plainOf } from './inert.ts';
import type { SourceLocation } from './locate.ts';
import type { ContractSide, Review } from './report.ts';

export const reportFormat = 'apig-purchases/contract-review';
export const reportVersion = 1;

const levelOf: Record<ChangeKind, 'error' | 'warning' | 'info'> = {
  breaking: 'error',
  warning: 'warning',
  'non-breaking': 'info',
  unclassified: 'error',
  check: 'error',
};

const place = (location: SourceLocation | undefined) =>
  location === undefined
    ? null
    : {
        file: location.file,
        line: location.line,
        column: location.column,
        pointer: location.pointer,
        exact: location.exact,
      };

const side = (contract: ContractSide) => ({
  label: plainOf(contract.label),
  source: plainOf(contract.source),
  version: contract.version ?? null,
});

function findingOf(found: Change, review: Review) {
  return {
    id: found.rule,
    kind: found.kind,
    level: levelOf[found.kind],
    operation: found.operation,
    operation_id:
      found.operation === null ? null : (review.operationIds.get(found.operation) ?? null),
    message: plainOf(found.message),
    location: place(found.location),
    base_location: place(found.baseLocation),
    accepted: found.accepted ?? null,
  };
}

/** The JSON report; `exitCode` is what the review exits with (0 passed, 1 failed). */
export function renderJson(review: Review, exitCode: number): string {
  const count = (kind: ChangeKind) =>
    review.changes.filter((found) => found.kind === kind && found.accepted === undefined).length;
  return `${JSON.stringify(
    {
      format: reportFormat,
      version: reportVersion,
      passed: review.verdict.passed,
      exit_code: exitCode,
      reasons: review.verdict.problems.map(plainOf),
      base: side(review.base),
      head: side(review.head),
      counts: {
        breaking: count('breaking'),
        warning: count('warning'),
        non_breaking: count('non-breaking'),
        unclassified: count('unclassified'),
        check: count('check'),
        accepted: review.changes.filter((found) => found.accepted !== undefined).length,
      },
      findings: review.changes.map((found) => findingOf(found, review)),
      notes: review.notes.map(plainOf),
      lint: {
        ran: review.lint.ran,
        errors: review.lint.errors,
        warnings: review.lint.warnings,
        problems: review.lint.problems.map(plainOf),
      },
    },
    null,
    2,
  )}\n`;
}
