// Serves files from folders on 127.0.0.1, as a frontend's dev server would.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
};

/** `roots` maps a URL prefix (e.g. `/docs/`) to a folder; the first match wins. */
export async function startStaticServer(roots: Record<string, string>) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(roots).find((candidate) => path.startsWith(candidate));
    const relative = normalize(path.slice(prefix?.length ?? 0) || 'index.html');
    if (prefix === undefined || relative.startsWith('..')) {
      response.writeHead(404).end();
      return;
    }
    try {
      const file = join(
        roots[prefix] ?? '',
        relative.endsWith('/') ? `${relative}index.html` : relative,
      );
      const body = await readFile(file);
      response
        .writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
