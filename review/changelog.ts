// CHANGELOG.md: one section per contract version (`info.version`), newest
// first, written from the review's change list. Pure functions over the text;
// the CLI reads and writes the file.
import type { Change, ChangeKind } from './change.ts';
import { markdownOf } from './inert.ts';
import { operationTitle } from './report.ts';

export const changelogFile = 'CHANGELOG.md';

const headings: readonly { kind: ChangeKind; title: string }[] = [
  { kind: 'breaking', title: 'Breaking' },
  { kind: 'warning', title: 'Warnings' },
  { kind: 'non-breaking', title: 'Non-breaking' },
  { kind: 'unclassified', title: 'Other' },
];

/** The section for one version: its changes by kind, each line naming its operation. */
export function changelogEntry(
  version: string,
  changes: readonly Change[],
  operationIds: ReadonlyMap<string, string>,
): string {
  const lines = [`## ${markdownOf(version)}`];
  for (const { kind, title } of headings) {
    // The exceptions file is the review's, not a change clients see.
    const ofKind = changes.filter(
      (found) => found.kind === kind && !found.rule.startsWith('review-exception-'),
    );
    if (ofKind.length === 0) continue;
    lines.push('', `### ${title}`, '');
    for (const found of ofKind) {
      lines.push(
        `- ${markdownOf(`${operationTitle(found.operation, operationIds)}: ${found.message}.`)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const isSectionHeading = (line: string): boolean => line.startsWith('## ');
const isHeadingOf = (line: string, version: string): boolean =>
  line === `## ${markdownOf(version)}` || line.startsWith(`## ${markdownOf(version)} `);

export const hasSection = (text: string, version: string): boolean =>
  text.split('\n').some((line) => isHeadingOf(line, version));

/**
 * The changelog with `entry` as the section of `version`: replacing the
 * section if there is one (a second review run in the same pull request),
 * else above the newest section.
 */
export function withEntry(text: string, version: string, entry: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => isHeadingOf(line, version));
  const entryLines = entry.trimEnd().split('\n');
  if (start >= 0) {
    const next = lines.findIndex((line, index) => index > start && isSectionHeading(line));
    const end = next < 0 ? lines.length : next;
    const after = lines.slice(end);
    return [
      ...lines.slice(0, start),
      ...entryLines,
      ...(after.length > 0 ? ['', ...after] : ['']),
    ].join('\n');
  }
  const first = lines.findIndex(isSectionHeading);
  if (first < 0) return `${text.trimEnd()}\n\n${entryLines.join('\n')}\n`;
  return [...lines.slice(0, first), ...entryLines, '', ...lines.slice(first)].join('\n');
}
