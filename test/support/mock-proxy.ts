// Starts `mock/proxy-cli.ts` as `npm run mock:proxy` does, and `mock/cli.ts`
// as `npm run mock` does, each on a free port.
import { fromRoot } from '../../lib/paths.ts';
import { freePort, type RunningServer, spawnServer } from '../../lib/spawn-server.ts';

export type RunningProxy = RunningServer & { url: string };

export async function startMockProxy(
  upstreamUrl: string,
  ...flags: string[]
): Promise<RunningProxy> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await spawnServer({
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      fromRoot('mock/proxy-cli.ts'),
      upstreamUrl,
      '--port',
      String(port),
      ...flags,
    ],
    readyUrl: `${url}/`,
    readyLine: `Validation proxy at ${url}`,
    // A preflight is answered by the proxy itself and does not reach the upstream.
    readyRequest: {
      method: 'OPTIONS',
      headers: { Origin: 'http://test', 'Access-Control-Request-Method': 'GET' },
    },
    readyTimeoutMs: 30_000,
  });
  return { ...server, url };
}

export type RunningMock = RunningServer & { url: string; port: number };

/** `npm run mock -- <flags>` on a free port, once it answers. */
export async function startMockCli(...flags: string[]): Promise<RunningMock> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await spawnServer({
    command: process.execPath,
    args: ['--import', 'tsx', fromRoot('mock/cli.ts'), ...flags, '--port', String(port)],
    cwd: fromRoot('.'),
    readyUrl: `${url}/`,
    readyLine: `Mock at ${url}`,
    readyRequest: {
      method: 'OPTIONS',
      headers: { Origin: 'http://test', 'Access-Control-Request-Method': 'GET' },
    },
    readyTimeoutMs: 30_000,
  });
  return { ...server, url, port };
}
