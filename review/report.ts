// The Markdown report: the verdict first, computed and worded here (what a
// reviewer needs, and nothing a contract can imitate), then the two sides,
// lint, the changes grouped by operation, a few numbers, and where the built
// docs are. Every text that comes from a contract goes through markdownOf.
import { type Change, type ChangeKind, code } from './change.ts';
import { exceptionsFile, type ListedException } from './exceptions.ts';
import { markdownOf } from './inert.ts';
import type { LintResult } from './lint.ts';
import type { ContractStats } from './operations.ts';
import type { Verdict } from './verdict.ts';

export interface ContractSide {
  /** `origin/main (1a2b3c4)` or `working tree`. */
  label: string;
  source: string;
  version: string | undefined;
  stats: ContractStats | undefined;
}

export interface DocsLocation {
  /** Relative to the repository: `build/docs/index.html`. */
  path: string;
  built: boolean;
  /** In CI: the artifact name and the run's URL. */
  artifact: { name: string; url: string } | undefined;
}

export interface Review {
  base: ContractSide;
  head: ContractSide;
  lint: LintResult;
  changes: readonly Change[];
  verdict: Verdict;
  docs: DocsLocation;
  /** operationId by operation key, for headings. */
  operationIds: ReadonlyMap<string, string>;
  /** Things worth saying that do not fail the review. */
  notes: readonly string[];
  /** Each entry of openapi/review-exceptions.yaml and what it allowed. */
  exceptions?: readonly { entry: ListedException; allowed: readonly Change[] }[];
}

const sections: readonly { kind: ChangeKind; title: string }[] = [
  { kind: 'check', title: 'What CI would refuse (fix before merging)' },
  { kind: 'breaking', title: 'Breaking changes' },
  { kind: 'warning', title: 'Warnings (may break some clients)' },
  { kind: 'non-breaking', title: 'Non-breaking changes' },
  { kind: 'unclassified', title: 'Other changes (not classified: read the diff)' },
];

export function renderReport(review: Review): string {
  return [
    '# Contract review',
    '',
    ...renderResult(review),
    '',
    ...renderSides(review),
    '',
    '## Lint',
    '',
    ...renderLint(review.lint),
    '',
    ...sections.flatMap(({ kind, title }) => [
      `## ${title}`,
      '',
      ...renderGrouped(
        review.changes.filter((found) => found.kind === kind && !found.accepted),
        review.operationIds,
      ),
      '',
    ]),
    '## Exceptions (openapi/review-exceptions.yaml)',
    '',
    ...renderExceptions(review),
    '',
    '## Stats',
    '',
    ...renderStats(review.base.stats, review.head.stats),
    '',
    '## Docs',
    '',
    renderDocs(review.docs),
    '',
  ].join('\n');
}

const version = (side: ContractSide): string =>
  side.version === undefined ? 'no info.version' : `info.version ${code(side.version)}`;

function renderSides({ base, head }: Review): string[] {
  return [
    `- Base: ${markdownOf(`${base.label}: ${base.stats === undefined ? base.source : `${version(base)}, from ${base.source}`}`)}`,
    `- Head: ${markdownOf(`${head.label}: ${version(head)}, from ${head.source}`)}`,
  ];
}

export const countOf = (changes: readonly Change[], kind: ChangeKind): number =>
  changes.filter((found) => found.kind === kind && !found.accepted).length;

/** Each entry, with the finding it allowed (or none). */
function renderExceptions(review: Review): string[] {
  const uses = review.exceptions ?? [];
  if (uses.length === 0) return ['None.'];
  return uses.flatMap(({ entry, allowed }) => [
    `- ${markdownOf(`${code(`${exceptionsFile}:${entry.line}`)}: ${code(entry.rule)} on ${entry.operation === null ? 'the whole contract' : code(entry.operation)} at ${code(`${entry.file}#${entry.pointer}`)}; ${code(entry.reason)}, approved by ${code(entry.approved_by)}, until ${code(entry.expires)}`)}`,
    ...(allowed.length === 0
      ? ['  - allowed nothing']
      : allowed.map((found) => `  - allowed: ${markdownOf(`${found.message}${placeOf(found)}`)}`)),
  ]);
}

function renderResult(review: Review): string[] {
  const { changes, verdict } = review;
  const accepted = changes.filter((found) => found.accepted).length;
  const checks = countOf(changes, 'check');
  const counts = [
    `${countOf(changes, 'breaking')} breaking, ${countOf(changes, 'warning')} warnings, ${countOf(changes, 'non-breaking')} non-breaking, ${countOf(changes, 'unclassified')} unclassified`,
    ...(checks > 0 ? [`${checks} that CI would refuse`] : []),
    ...(accepted > 0 ? [`${accepted} accepted by exceptions`] : []),
  ].join(', ');
  const outcome =
    changes.length === 0 ? 'no changes between the base and the head contract.' : `${counts}.`;
  return [
    `**Result: ${verdict.passed ? 'passed' : 'FAILED'}**: ${outcome}`,
    ...(verdict.problems.length > 0
      ? ['', ...verdict.problems.map((problem) => `- ${markdownOf(problem)}`)]
      : []),
    ...(review.notes.length > 0
      ? ['', ...review.notes.map((note) => `- Note: ${markdownOf(note)}`)]
      : []),
  ];
}

function renderLint(lint: LintResult): string[] {
  if (!lint.ran) return [lint.summary];
  const verdict = lint.errors === 0 ? 'clean' : 'FAILS';
  return [
    `\`redocly lint\` on the head contract: ${verdict} (${lint.summary}).`,
    ...(lint.problems.length > 0
      ? ['', ...lint.problems.map((problem) => `- ${markdownOf(problem)}`)]
      : []),
  ];
}

/** Changes under one heading per operation; contract-wide ones first. */
export function renderGrouped(
  changes: readonly Change[],
  operationIds: ReadonlyMap<string, string>,
): string[] {
  if (changes.length === 0) return ['None.'];
  const groups = new Map<string | null, Change[]>();
  for (const found of changes)
    groups.set(found.operation, [...(groups.get(found.operation) ?? []), found]);
  const order = [...groups.keys()].sort((a, b) =>
    a === null ? -1 : b === null ? 1 : a.localeCompare(b),
  );
  return order.flatMap((operation, index) => [
    ...(index > 0 ? [''] : []),
    `### ${markdownOf(operationTitle(operation, operationIds))}`,
    '',
    ...(groups.get(operation) ?? []).map(
      (found) => `- ${markdownOf(`${found.message} (${code(found.rule)})${placeOf(found)}`)}`,
    ),
  ]);
}

/**
 * ` at `openapi/…yaml:12``, and where it was in the base when the head no
 * longer has it; `baseOnly` says the base's place alone (GitHub annotates the head's).
 */
export function placeOf(found: Change, baseOnly = false): string {
  const { location, baseLocation } = found;
  const here = location === undefined || baseOnly ? '' : `${location.file}:${location.line}`;
  if (baseLocation === undefined) return here === '' ? '' : `, at ${code(here)}`;
  const was = `${baseLocation.file}:${baseLocation.line}`;
  return here === ''
    ? `, was at ${code(was)} in the base`
    : `, at ${code(here)} (was at ${code(was)} in the base)`;
}

export const operationTitle = (
  operation: string | null,
  operationIds: ReadonlyMap<string, string>,
): string => {
  if (operation === null) return 'Whole contract';
  const id = operationIds.get(operation);
  return id === undefined ? code(operation) : `${code(operation)} (${code(id)})`;
};

function renderStats(base: ContractStats | undefined, head: ContractStats | undefined): string[] {
  const cell = (stats: ContractStats | undefined, key: keyof ContractStats) =>
    stats === undefined ? '–' : String(stats[key]);
  const row = (name: string, key: keyof ContractStats) =>
    `| ${name} | ${cell(base, key)} | ${cell(head, key)} |`;
  return [
    '| | base | head |',
    '| --- | ---: | ---: |',
    row('operations', 'operations'),
    row('documented statuses', 'statuses'),
    row('schemas', 'schemas'),
  ];
}

function renderDocs(docs: DocsLocation): string {
  const local = `\`npm run docs\` builds the reference into \`${docs.path}\` (${docs.built ? 'built in this checkout' : 'not built in this checkout yet'}).`;
  return docs.artifact === undefined
    ? local
    : `${local} This run's build is the \`${docs.artifact.name}\` artifact: ${docs.artifact.url}`;
}
