// The lint section of the report: `redocly lint` on the working tree's
// contract, read from its JSON output for the totals and the first problems.
import { runRedocly } from '../lib/redocly.ts';
import { code } from './change.ts';
import { contractEntry, type GuardedTree, reviewConfig } from './load.ts';

export interface LintResult {
  /** False when Redocly's output could not be read; `summary` says why. */
  ran: boolean;
  errors: number;
  warnings: number;
  /** `file:pointer rule message`, the first few problems. */
  problems: string[];
  summary: string;
}

interface RedoclyLintJson {
  totals: { errors: number; warnings: number };
  problems: {
    ruleId: string;
    severity: string;
    message: string;
    location?: { source?: { ref?: string }; pointer?: string }[];
  }[];
}

const shownProblems = 10;

export async function lintContract(head: GuardedTree, signal?: AbortSignal): Promise<LintResult> {
  const { top } = head;
  const result = await runRedocly(['lint', contractEntry, '--format=json'], top, {
    config: reviewConfig,
    signal,
  });
  let report: RedoclyLintJson;
  try {
    report = JSON.parse(result.stdout) as RedoclyLintJson;
  } catch {
    const why = result.stderr.trim().split('\n').at(-1) ?? `exit ${result.code}`;
    return {
      ran: false,
      errors: 0,
      warnings: 0,
      problems: [],
      summary: `redocly lint did not run: ${why}`,
    };
  }
  const { errors, warnings } = report.totals;
  const problems = report.problems.slice(0, shownProblems).map((problem) => {
    const where = problem.location?.[0];
    const file = (where?.source?.ref ?? contractEntry).replace(`${top}/`, '');
    return `${problem.severity} ${code(`${file}${where?.pointer ?? ''}`)} ${problem.ruleId}: ${problem.message}`;
  });
  return {
    ran: true,
    errors,
    warnings,
    problems,
    summary: `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  };
}
