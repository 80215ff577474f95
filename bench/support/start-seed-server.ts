// Starts bench/support/seed-server.ts in a child process and returns its URL.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SeedServer {
  url: string;
  stop(): void;
}

export async function startSeedServer(): Promise<SeedServer> {
  const script = fileURLToPath(new URL('./seed-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
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
