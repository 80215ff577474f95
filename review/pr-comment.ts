// One comment on the pull request, kept up to date: run by
// .github/workflows/review-comment.yml (workflow_run, `pull-requests: write`,
// the default branch's code, never the head's) on the artifact the review
// job uploaded. That artifact is untrusted data: a fork's pull request can
// change the workflow that made it. So every file is size-capped before it
// is read, the report must match review/report.schema.json, the pull
// request's number is believed only when GitHub says that pull request's
// head is the commit the workflow ran on, and the comment is rendered here
// from the report's fields, every text escaped (inert.ts), never copied.
//
//   node --import tsx review/pr-comment.ts <artifact folder>
//
// Environment: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name), HEAD_SHA (the
// workflow_run's head commit), GITHUB_API_URL (default https://api.github.com).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { isMain } from '../lib/is-main.ts';
import { markdownOf } from './inert.ts';

/** Marks the comment this script owns; found again by it on the next run. */
export const marker = '<!-- apig-purchases:contract-review -->';

export const artifactLimits = {
  /** report.json of a large contract's review is well under this. */
  reportBytes: 2 * 1024 * 1024,
  pullRequestBytes: 1024,
  /** GitHub refuses comments over 65,536 characters. */
  commentChars: 60_000,
  /** Pages of 100 comments searched for ours. */
  pages: 30,
};

export class ArtifactRefused extends Error {}

interface Finding {
  id: string;
  kind: string;
  operation: string | null;
  message: string;
  location: { file: string; line: number } | null;
  base_location: { file: string; line: number } | null;
  accepted: { approved_by: string; expires: string } | null;
}

interface Report {
  passed: boolean;
  reasons: string[];
  base: { label: string; version: string | null };
  head: { label: string; version: string | null };
  counts: Record<string, number>;
  findings: Finding[];
}

const schema = JSON.parse(
  await readFile(new URL('./report.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: false, strict: true }).compile(schema);

async function readCapped(file: string, limit: number): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new ArtifactRefused(`${file}: missing`);
  if (info.size > limit) {
    throw new ArtifactRefused(`${file}: ${info.size} bytes, over the ${limit}-byte limit`);
  }
  return readFile(file, 'utf8');
}

/** The report and the pull request's number from the artifact, checked; refused otherwise. */
export async function readArtifact(folder: string): Promise<{ report: Report; number: number }> {
  const reportText = await readCapped(join(folder, 'report.json'), artifactLimits.reportBytes);
  let report: unknown;
  try {
    report = JSON.parse(reportText);
  } catch {
    throw new ArtifactRefused('report.json: not JSON');
  }
  if (!validate(report)) {
    const [first] = validate.errors ?? [];
    throw new ArtifactRefused(
      `report.json does not match review/report.schema.json: ${first?.instancePath || '/'} ${first?.message ?? ''}`,
    );
  }
  const pullText = await readCapped(
    join(folder, 'pull-request.json'),
    artifactLimits.pullRequestBytes,
  );
  let number: unknown;
  try {
    number = (JSON.parse(pullText) as { number?: unknown }).number;
  } catch {
    throw new ArtifactRefused('pull-request.json: not JSON');
  }
  if (!Number.isSafeInteger(number) || (number as number) < 1) {
    throw new ArtifactRefused('pull-request.json: `number` must be a positive whole number');
  }
  return { report: report as Report, number: number as number };
}

const lineOf = (found: Finding): string => {
  const where = found.location ?? found.base_location;
  const at = where === null ? '' : ` (${markdownOf(`${where.file}:${where.line}`)})`;
  const accepted =
    found.accepted === null
      ? ''
      : `; accepted until ${markdownOf(found.accepted.expires)}, approved by ${markdownOf(found.accepted.approved_by)}`;
  const operation = found.operation === null ? '' : `${markdownOf(found.operation)}: `;
  return `- **${markdownOf(found.kind)}** ${operation}${markdownOf(found.message)} — ${markdownOf(found.id)}${at}${accepted}`;
};

/** The comment's Markdown, from the report's fields only; capped in length. */
export function commentBody(report: Report, runUrl: string | undefined): string {
  const head = [
    marker,
    `## Contract review: ${report.passed ? 'passed' : 'FAILED'}`,
    '',
    `Base ${markdownOf(report.base.label)} (${markdownOf(report.base.version ?? 'no version')}), head ${markdownOf(report.head.label)} (${markdownOf(report.head.version ?? 'no version')}).`,
    '',
    Object.entries(report.counts)
      .map(([kind, count]) => `${markdownOf(kind.replaceAll('_', ' '))}: ${count}`)
      .join(' · '),
    '',
    ...report.reasons.map((reason) => `- ${markdownOf(reason)}`),
    ...(report.reasons.length > 0 ? [''] : []),
  ];
  const order = ['check', 'breaking', 'unclassified', 'warning', 'non-breaking'];
  const findings = [...report.findings].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind),
  );
  const lines = [...head];
  let length = lines.join('\n').length;
  let shown = 0;
  for (const found of findings) {
    const line = lineOf(found);
    if (length + line.length + 200 > artifactLimits.commentChars) break;
    lines.push(line);
    length += line.length + 1;
    shown += 1;
  }
  if (shown < findings.length) {
    lines.push('', `${findings.length - shown} more findings: see the run's job summary.`);
  }
  if (runUrl !== undefined) lines.push('', `[The review run](${encodeURI(runUrl)})`);
  return `${lines.join('\n')}\n`;
}

export interface CommentTarget {
  apiUrl: string;
  token: string;
  repository: string;
  /** The commit the review ran on: the pull request's head must be it. */
  headSha: string;
}

async function github(
  target: CommentTarget,
  method: string,
  path: string,
  body?: object,
): Promise<unknown> {
  const response = await fetch(`${target.apiUrl}${path}`, {
    method,
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${target.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) {
    throw new Error(`GitHub answered ${response.status} to ${method} ${path}`);
  }
  return response.json();
}

/** Creates the comment, or updates the one this script made before; says which. */
export async function postComment(
  target: CommentTarget,
  artifactFolder: string,
  runUrl?: string,
): Promise<{ action: 'created' | 'updated'; id: number; number: number }> {
  if (!/^[\w.-]+\/[\w.-]+$/.test(target.repository)) {
    throw new Error(
      `GITHUB_REPOSITORY must be owner/name, got ${JSON.stringify(target.repository)}`,
    );
  }
  const { report, number } = await readArtifact(artifactFolder);
  const repo = `/repos/${target.repository}`;
  const pull = (await github(target, 'GET', `${repo}/pulls/${number}`)) as {
    head?: { sha?: string };
  };
  if (pull.head?.sha !== target.headSha) {
    throw new ArtifactRefused(
      `pull request #${number} is not the one this run reviewed (its head is not ${target.headSha.slice(0, 12)})`,
    );
  }
  const body = commentBody(report, runUrl);
  for (let page = 1; page <= artifactLimits.pages; page += 1) {
    const comments = (await github(
      target,
      'GET',
      `${repo}/issues/${number}/comments?per_page=100&page=${page}`,
    )) as { id: number; body?: string; user?: { type?: string } }[];
    const ours = comments.find(
      (comment) => comment.user?.type === 'Bot' && comment.body?.startsWith(marker),
    );
    if (ours !== undefined) {
      await github(target, 'PATCH', `${repo}/issues/comments/${ours.id}`, { body });
      return { action: 'updated', id: ours.id, number };
    }
    if (comments.length < 100) break;
  }
  const created = (await github(target, 'POST', `${repo}/issues/${number}/comments`, { body })) as {
    id: number;
  };
  return { action: 'created', id: created.id, number };
}

if (isMain(import.meta.url)) {
  const [folder] = process.argv.slice(2);
  const { GITHUB_TOKEN, GITHUB_REPOSITORY, HEAD_SHA, GITHUB_API_URL, RUN_URL } = process.env;
  try {
    if (folder === undefined || !GITHUB_TOKEN || !GITHUB_REPOSITORY || !HEAD_SHA) {
      throw new Error(
        'usage: GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/name HEAD_SHA=… node --import tsx review/pr-comment.ts <artifact folder>',
      );
    }
    const done = await postComment(
      {
        apiUrl: GITHUB_API_URL ?? 'https://api.github.com',
        token: GITHUB_TOKEN,
        repository: GITHUB_REPOSITORY,
        headSha: HEAD_SHA,
      },
      folder,
      RUN_URL,
    );
    console.log(`${done.action} comment ${done.id} on pull request #${done.number}`);
  } catch (error) {
    // Never the token: messages name paths, statuses and numbers only.
    console.error(`review comment: ${(error as Error).message}`);
    process.exit(1);
  }
}
