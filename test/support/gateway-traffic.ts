// The gateway-traffic corpus (test/fixtures/gateway-traffic/): answers shaped
// like the real gateway's, each file naming where its shape comes from.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const folder = new URL('../fixtures/gateway-traffic/', import.meta.url);

export interface TrafficMember {
  /** File name without `.yaml`. */
  name: string;
  source: string;
  request: { path: string; query?: string };
  /** `encoding`: the upstream sends the body compressed so (whatever the request accepted). */
  response: {
    status: number;
    headers?: Record<string, string>;
    body: string;
    encoding?: 'gzip' | 'deflate' | 'br';
  };
  /** Set on a documentation artifact: the JSON pointers the contract rightly rejects. */
  documentationArtifact?: { violations: string[] };
}

export function loadGatewayTraffic(): TrafficMember[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const member = parse(readFileSync(new URL(file, folder), 'utf8')) as TrafficMember;
      for (const key of ['source', 'request', 'response'] as const) {
        if (!member[key]) throw new Error(`test/fixtures/gateway-traffic/${file}: no ${key}`);
      }
      return { ...member, name: file.replace(/\.yaml$/, '') };
    });
}

/** One member by file name (without `.yaml`). */
export function trafficMember(name: string): TrafficMember {
  const member = loadGatewayTraffic().find((candidate) => candidate.name === name);
  if (!member) throw new Error(`no member ${name} in test/fixtures/gateway-traffic/`);
  return member;
}

/** The member's request as a path with its query, if any. */
export const requestTarget = ({ request }: TrafficMember): string =>
  request.query ? `${request.path}?${request.query}` : request.path;
