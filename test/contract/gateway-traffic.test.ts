// Replays the gateway-traffic corpus (test/fixtures/gateway-traffic/) through
// `npm run mock:proxy` in its default errors mode: a local upstream answers
// each request with the member's recorded answer, and every answer must reach
// the client unchanged. The one documentation artifact (the detail page's
// spaced timestamps) must be reported as exactly its known violations.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import { ApigError, createPurchasesClient } from '../../src/index.ts';
import { callForRequest } from '../support/call-operation.ts';
import {
  loadGatewayTraffic,
  requestTarget,
  type TrafficMember,
} from '../support/gateway-traffic.ts';
import { type RunningProxy, startMockProxy } from '../support/mock-proxy.ts';

const members = loadGatewayTraffic();
const compress = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
const memberHeader = 'x-corpus-member';
const received = new Map<string, string>();

let upstream: Server;
let proxy: RunningProxy | undefined;

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const name = String(request.headers[memberHeader]);
    const member = members.find((candidate) => candidate.name === name);
    received.set(name, request.url ?? '');
    if (!member) {
      response.writeHead(599).end();
      return;
    }
    const { encoding, body } = member.response;
    response.writeHead(member.response.status, {
      'Content-Type': 'application/json; charset=utf-8',
      ...(encoding === undefined ? {} : { 'Content-Encoding': encoding }),
      ...member.response.headers,
    });
    response.end(encoding === undefined ? body : compress[encoding](body));
  });
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  proxy = await startMockProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  upstream.closeAllConnections();
  upstream.close();
});

const through = (member: TrafficMember) =>
  fetch(`${proxy?.url}${requestTarget(member)}`, {
    headers: {
      [AUTH_HEADERS.token]: 'token-from-iam',
      [memberHeader]: member.name,
      // What every browser sends: the proxy must still validate a compressed answer.
      'Accept-Encoding': 'gzip, deflate, br',
    },
  });

const gatewayShaped = members.filter((member) => !member.documentationArtifact);

describe('every gateway-shaped answer passes the validating proxy unchanged', () => {
  it.each(gatewayShaped.map((m) => [m.name, m] as const))('%s', async (_, member) => {
    const response = await through(member);
    expect(received.get(member.name), 'forwarded as sent').toBe(requestTarget(member));
    expect(response.status).toBe(member.response.status);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(JSON.parse(await response.text())).toEqual(JSON.parse(member.response.body));
    for (const [name, value] of Object.entries(member.response.headers ?? {})) {
      expect(response.headers.get(name)).toBe(value);
    }
  });

  it('forwards page_size=0 (every item) instead of refusing it', () => {
    const allOnOnePage = members.find((m) => m.request.query?.includes('page_size=0'));
    expect(allOnOnePage).toBeDefined();
    expect(received.get(allOnOnePage?.name ?? '')).toContain('page_size=0');
  });

  it('reaches the typed client as data or as an ApigError with the gateway code', async () => {
    for (const member of gatewayShaped) {
      const client = createPurchasesClient({
        baseUrl: proxy?.url ?? '',
        credentials: { token: 'token-from-iam' },
        retry: false,
      });
      const headers = { [memberHeader]: member.name };
      const call = callForRequest(client, member.request, { headers });
      const outcome = await call.catch((error: unknown) => error);
      const body = JSON.parse(member.response.body) as Record<string, unknown>;
      if (member.response.status === 200) {
        expect(outcome, member.name).toEqual(body);
      } else {
        expect(outcome, member.name).toBeInstanceOf(ApigError);
        expect(outcome, member.name).toMatchObject({
          status: member.response.status,
          errorCode: body.error_code,
          requestId: body.request_id ?? member.response.headers?.['X-Request-Id'],
        });
      }
    }
  });
});

describe('a documentation artifact is reported, not passed', () => {
  const artifacts = members.filter((member) => member.documentationArtifact);

  it.each(artifacts.map((m) => [m.name, m] as const))('%s', async (_, member) => {
    const response = await through(member);
    expect(response.status).toBe(500);
    const problem = (await response.json()) as { validation: { location: string[] }[] };
    const pointers = problem.validation.map((v) => `/${v.location.slice(2).join('/')}`);
    expect(pointers.sort()).toEqual(member.documentationArtifact?.violations);
  });
});
