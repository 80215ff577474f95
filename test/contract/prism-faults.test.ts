// Prism faults never leave a client or a process hanging: a stopped Prism
// gets the client the documented 5xx within --prism-timeout, and Prism ends
// when the mock that started it is killed, even with SIGKILL. Prism runs as
// its own process in the mock's --examples and --dynamic modes (and in the
// proxy); the data mode runs its validators in the mock's own process.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startMock } from '../../mock/start-mock.ts';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import { purchases } from '../mock/behaviour.ts';
import { startMockCli } from '../support/mock-proxy.ts';

const list = '/v1.0/apigw/purchases/groups';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Prism faults never leave a client or a process hanging', () => {
  it('answers the documented 5xx when Prism stops answering, and says so in the log', async () => {
    const lines: string[] = [];
    const mock = await startMock({
      mode: 'examples',
      host: '127.0.0.1',
      data: { purchases, apis: [] },
      prismTimeoutMs: 1_000,
      onLine: (line) => lines.push(line),
    });
    const prism = mock.pid;
    if (prism === undefined)
      throw new Error('the examples mode runs Prism as a process of its own');
    try {
      process.kill(prism, 'SIGSTOP');
      const started = Date.now();
      const response = await fetch(`${mock.url}${list}`, {
        headers: { [AUTH_HEADERS.token]: 't' },
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error_code: 'APIG.9999' });
      expect(response.headers.get('x-mock-problem')).toBe('Prism did not answer within 1000 ms');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(lines.join('\n')).toContain(
        'Prism stopped answering: GET /v1.0/apigw/purchases/groups',
      );
    } finally {
      process.kill(prism, 'SIGCONT');
      await mock.stop();
    }
  });

  it('ends Prism when the mock (--examples) is killed with SIGKILL', async () => {
    const mock = await startMockCli('--examples');
    const { port } = mock;
    const parent = mock.child.pid ?? 0;
    const children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    expect(children.length).toBeGreaterThan(0);
    process.kill(parent, 'SIGKILL');
    await mock.exited;
    await expect.poll(() => children.filter(alive), { timeout: 5_000 }).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
