// `GET /` of the mock: what it serves, at a glance, for whoever opens its
// address (a browser gets HTML, curl plain text): every operation of the
// table with an example URL, and the options in force. The validating proxy
// has none: `/` goes to its upstream.
import type { ServerResponse } from 'node:http';
import { operations } from '../generated/operations.js';
import { AUTH_HEADERS } from '../src/auth/auth-headers.ts';

export interface HomePage {
  /** What the mock serves, in words (`120 purchases and 300 apis from …`). */
  served: string;
  /** A value for each path parameter in the example URLs (an id the data has). */
  pathValues: Record<string, string>;
  /** The network and gateway options in force, a line each (none: a perfect network). */
  inForce: string[];
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function lines(home: HomePage, base: string): string[] {
  const examples = Object.values(operations).map((spec) => {
    const path = spec.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(home.pathValues[name] ?? name),
    );
    const query = spec.list ? `?${spec.list.pageSize}=5` : '';
    return { spec, url: `${base}${path}${query}` };
  });
  return [
    `apig-purchases mock: ${home.served}.`,
    '',
    "Operations (without credentials, the contract's 401):",
    ...examples.flatMap(({ spec, url }) => [
      `  ${spec.method} ${spec.path} (${spec.operationId}): ${spec.summary}`,
      `    curl -H '${AUTH_HEADERS.token}: any' '${url}'`,
    ]),
    '',
    "Any documented response is one header away: 'Prefer: code=404' or 'Prefer: example=sessionExpired';",
    "a delay or a fault too: 'Prefer: delay=2000', 'Prefer: fault=429' (or reset, timeout).",
    '',
    'In force:',
    ...(home.inForce.length === 0
      ? ['  no latency, no faults (--latency, --faults, --profile)']
      : home.inForce.map((line) => `  ${line}`)),
  ];
}

/** The page, as HTML when the client asks for it, else as text. */
export function sendHomePage(
  response: ServerResponse,
  home: HomePage,
  base: string,
  accept: string | undefined,
): void {
  const text = lines(home, base);
  const html = (accept ?? '').includes('text/html');
  const body = html
    ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>apig-purchases mock</title></head><body><pre>${text.map(escapeHtml).join('\n')}</pre></body></html>\n`
    : `${text.join('\n')}\n`;
  response.writeHead(200, {
    'Content-Type': html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
