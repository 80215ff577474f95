// `GET /` of `npm run mock`: a page that says what it serves and shows every
// operation of the table with an example call: HTML for a browser, text for
// curl, nothing of a request echoed unescaped.
import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { operations } from '../../generated/operations.js';

const get = (accept: string, host?: string) =>
  new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const url = new URL(`${inject('mockUrl')}/`);
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: '/',
        headers: { Accept: accept, ...(host ? { Host: host } : {}) },
      },
      (answer) => {
        let body = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk) => {
          body += chunk;
        });
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 0,
            type: String(answer.headers['content-type']),
            body,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });

describe('GET / of the mock', () => {
  it('lists every operation with an example call, as text for curl', async () => {
    const page = await get('*/*');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/plain/);
    expect(page.body).toMatch(
      /^apig-purchases mock: \d+ purchases and \d+ apis from the bundled dataset/,
    );
    for (const spec of Object.values(operations)) {
      expect(page.body).toContain(`${spec.method} ${spec.path} (${spec.operationId})`);
    }
    expect(
      page.body.match(/curl -H 'X-Auth-Token: any' 'http:\/\/127\.0\.0\.1:\d+\/v1\.0\//g),
    ).toHaveLength(Object.keys(operations).length);
  });

  it('is HTML for a browser, with what the request brought escaped', async () => {
    const page = await get('text/html', 'x"><script>alert(1)</script>');
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('<pre>apig-purchases mock:');
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('&#60;script&#62;');
  });
});
