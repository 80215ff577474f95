// The comment script against a fake GitHub API on 127.0.0.1: the first run
// creates the comment, the second updates it (and never a person's comment
// that quotes the marker), and an artifact that is oversized, malformed or
// about another pull request is refused before anything is written.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import { ArtifactRefused, artifactLimits, marker, postComment } from '../pr-comment.ts';
import type { Review } from '../report.ts';
import { renderJson } from '../report-json.ts';

const HEAD = 'c0ffee0000000000000000000000000000000001';
const TOKEN = 'ghs_fake-token-for-the-comment-test';

interface Comment {
  id: number;
  body: string;
  user: { type: string };
}

let server: Server;
let apiUrl = '';
const requests: { method: string; url: string; auth: string | undefined }[] = [];
let comments: Comment[] = [];

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
  });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const url = request.url ?? '';
    requests.push({ method: request.method ?? '', url, auth: request.headers.authorization });
    const send = (status: number, value: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    const pull = /^\/repos\/acme\/api\/pulls\/(\d+)$/.exec(url);
    if (pull)
      return send(200, {
        number: Number(pull[1]),
        head: { sha: pull[1] === '7' ? HEAD : 'other' },
      });
    if (/^\/repos\/acme\/api\/issues\/7\/comments\?/.test(url)) return send(200, comments);
    if (url === '/repos/acme/api/issues/7/comments' && request.method === 'POST') {
      const comment = {
        id: 100 + comments.length,
        body: JSON.parse(await bodyOf(request)).body,
        user: { type: 'Bot' },
      };
      comments.push(comment);
      return send(201, comment);
    }
    const patch = /^\/repos\/acme\/api\/issues\/comments\/(\d+)$/.exec(url);
    if (patch && request.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(patch[1]));
      if (comment === undefined) return send(404, {});
      comment.body = JSON.parse(await bodyOf(request)).body;
      return send(200, comment);
    }
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  requests.length = 0;
});

const review = (changes: Change[], passed: boolean): Review => ({
  base: {
    label: '`main` (1a2b3c4)',
    source: 'openapi/ bundled',
    version: '2.0.0',
    stats: undefined,
  },
  head: { label: 'working tree', source: 'openapi/ bundled', version: '2.1.0', stats: undefined },
  lint: { ran: true, errors: 0, warnings: 0, problems: [], summary: '' },
  changes,
  verdict: { passed, problems: passed ? [] : ['1 breaking change: undo it'] },
  docs: { path: 'build/docs/index.html', built: false, artifact: undefined },
  operationIds: new Map([['GET /items', 'listItems']]),
  notes: [],
});

const breaking: Change = {
  kind: 'breaking',
  rule: 'request-parameter-became-required',
  operation: 'GET /items',
  message: 'query parameter `q<img src=x onerror=alert(1)>` became required',
  location: { file: 'openapi/p.yaml', line: 3, column: 1, pointer: '/required', exact: true },
};

async function artifact(report: string, pull = '{"number":7}'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'review-artifact-'));
  await writeFile(join(folder, 'report.json'), report);
  await writeFile(join(folder, 'pull-request.json'), pull);
  return folder;
}

const target = () => ({ apiUrl, token: TOKEN, repository: 'acme/api', headSha: HEAD });

describe('the review comment', () => {
  it('is created on the first run and updated on the next, one comment in all', async () => {
    comments = [{ id: 1, body: `${marker} quoted by a person`, user: { type: 'User' } }];
    const first = await artifact(renderJson(review([breaking], false), 1));
    const second = await artifact(renderJson(review([], true), 0));
    try {
      expect(await postComment(target(), first)).toMatchObject({ action: 'created', number: 7 });
      const created = comments.at(-1);
      expect(created?.body.startsWith(marker)).toBe(true);
      expect(created?.body).toContain('## Contract review: FAILED');
      expect(created?.body).toContain('openapi/p.yaml:3');
      // The contract's text stays text: the tag is escaped (`\<img`), never raw.
      expect(created?.body).toContain('\\<img');
      expect(created?.body).not.toMatch(/(^|[^\\])<img/m);
      expect(requests.every((request) => request.auth === `Bearer ${TOKEN}`)).toBe(true);

      expect(await postComment(target(), second)).toMatchObject({
        action: 'updated',
        id: created?.id,
      });
      expect(comments).toHaveLength(2);
      expect(comments[0]?.body).toBe(`${marker} quoted by a person`);
      expect(comments[1]?.body).toContain('## Contract review: passed');
    } finally {
      await rm(first, { recursive: true, force: true });
      await rm(second, { recursive: true, force: true });
    }
  });

  it('refuses an oversized, malformed or foreign artifact before writing anything', async () => {
    comments = [];
    const cases: [string, string | undefined, RegExp][] = [
      ['x'.repeat(artifactLimits.reportBytes + 1), undefined, /over the \d+-byte limit/],
      ['{"passed": true', undefined, /report\.json: not JSON/],
      ['{"passed": true}', undefined, /does not match review\/report\.schema\.json/],
      [renderJson(review([], true), 0), '{"number": "7; rm -rf /"}', /positive whole number/],
      [renderJson(review([], true), 0), '{"number": 8}', /not the one this run reviewed/],
    ];
    for (const [report, pull, refused] of cases) {
      const folder = await artifact(report, pull);
      try {
        const error = await postComment(target(), folder).catch((caught: unknown) => caught);
        expect(error, String(refused)).toBeInstanceOf(ArtifactRefused);
        expect((error as Error).message).toMatch(refused);
        expect((error as Error).message).not.toContain(TOKEN);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    }
    expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(comments).toEqual([]);
  });
});
