// Starts a bench server answering the seed list, in this process or in a
// child process (bench/support/seed-server.ts), and returns its URL.
// Both layouts matter: a user's server is another process (often another
// machine), while tests and SSR apps talk to one in their own process.
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Framing, seedServer } from './seed-answer.ts';

export const LAYOUTS = ['in-process', 'other-process'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface SeedServer {
  url: string;
  stop(): void;
}

export interface SeedServerOptions {
  layout?: Layout;
  framing?: Framing;
}

export async function startSeedServer({
  layout = 'other-process',
  framing = 'content-length',
}: SeedServerOptions = {}): Promise<SeedServer> {
  if (layout === 'in-process') {
    const server = seedServer(framing);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      stop: () => {
        server.closeAllConnections();
        server.close();
      },
    };
  }
  const script = fileURLToPath(new URL('./seed-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, framing], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [url] = await Promise.race([
    createInterface({ input: child.stdout })
      [Symbol.asyncIterator]()
      .next()
      .then((line) => [String(line.value)]),
    new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`seed server exited with ${code}`))),
    ),
  ]);
  return { url: url ?? '', stop: () => child.kill() };
}
