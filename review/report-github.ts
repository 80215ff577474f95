// The review as GitHub workflow commands: one `::error`, `::warning` or
// `::notice` per finding, on the head's file and line, so that GitHub shows
// it on the pull request's diff. GitHub annotates only the head's files: a
// removal is annotated on the nearest node that still exists, and its message
// says where it was in the base. Every value is escaped as GitHub's toolkit
// escapes them (actions/toolkit, core/src/command.ts): a contract value can
// forge neither a command nor a line break.
import type { Change, ChangeKind } from './change.ts';
import { plainOf } from './inert.ts';
import { operationTitle, placeOf, type Review } from './report.ts';

const commandOf: Record<ChangeKind, 'error' | 'warning' | 'notice'> = {
  breaking: 'error',
  warning: 'warning',
  'non-breaking': 'notice',
  unclassified: 'error',
  check: 'error',
};

/** A command's message: `%`, CR and LF escaped. */
export const escapeData = (text: string): string =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

/** A property's value: as data, and `:` and `,` too. */
export const escapeProperty = (text: string): string =>
  escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

function commandFor(found: Change, review: Review): string {
  const command = found.accepted === undefined ? commandOf[found.kind] : 'notice';
  const properties = [
    ...(found.location
      ? [
          `file=${escapeProperty(found.location.file)}`,
          `line=${found.location.line}`,
          `col=${found.location.column}`,
        ]
      : []),
    `title=${escapeProperty(found.rule)}`,
  ];
  const accepted =
    found.accepted === undefined
      ? ''
      : ` (accepted by the exception approved by ${found.accepted.approved_by} until ${found.accepted.expires})`;
  const where = plainOf(operationTitle(found.operation, review.operationIds));
  const message = `${where}: ${plainOf(found.message)}${plainOf(placeOf(found, true))}${accepted}`;
  return `::${command} ${properties.join(',')}::${escapeData(message)}`;
}

/** One command per finding, then one for the verdict when it failed. */
export function renderGithub(review: Review): string {
  const lines = review.changes.map((found) => commandFor(found, review));
  for (const problem of review.verdict.problems) {
    lines.push(`::error title=contract review::${escapeData(plainOf(problem))}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
