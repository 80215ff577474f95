// What frontends rely on when they develop against `npm run mock`, checked
// with raw HTTP against the mock the global setup started. Expected bodies
// are read from generated/openapi.json, so the tests follow the contract.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type RunningPrism, startPrism } from '../../mock/prism.ts';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import {
  documentedResponses,
  isObject,
  type Json,
  type JsonObject,
  loadContract,
  resolveRef,
} from '../support/contract.ts';

const contract = loadContract();
const mockUrl = inject('examplesMockUrl');

const listPath = '/v1.0/apigw/purchases/groups';
const purchaseId = '3f30d49b-220f-4b11-9e94-c2fd3c1cc587';
const detailPath = `${listPath}/${purchaseId}`;
const token = { [AUTH_HEADERS.token]: 'token-from-iam' };
// The shape Huawei's SDKs send; the mock checks presence, not the signature.
const signature = {
  Authorization:
    'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=f20844ca8ffa0fbcc1c692e0685ddf7592fe748029f48fb9467ac0b0d096ea67',
  [AUTH_HEADERS.sdkDate]: '20060102T150405Z',
};
const frontendOrigin = 'http://localhost:5173';

interface NamedExample {
  name: string;
  value: Json;
}

/** The named examples of a response's JSON body, in document order. */
function examplesOf(response: JsonObject): NamedExample[] {
  const content = isObject(response.content) ? response.content['application/json'] : undefined;
  const examples = isObject(content) && isObject(content.examples) ? content.examples : {};
  return Object.entries(examples).map(([name, example]) => {
    const resolved = resolveRef(contract, example);
    return { name, value: isObject(resolved) ? (resolved.value ?? null) : null };
  });
}

function example(name: string): Json {
  const found = documentedResponses(contract)
    .flatMap(({ response }) => examplesOf(response))
    .find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no example named ${name} in the contract`);
  return found.value;
}

const concretePath = (path: string): string => path.replace('{purchase_id}', purchaseId);

async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${mockUrl}${path}`, { headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

const responses = documentedResponses(contract);

describe('CORS: browsers on another origin can call the mock', () => {
  it('answers the preflight for the credential, signing and Prefer headers', async () => {
    const requested = [...Object.values(AUTH_HEADERS), 'Prefer'].map((name) => name.toLowerCase());
    const response = await fetch(`${mockUrl}${listPath}`, {
      method: 'OPTIONS',
      headers: {
        Origin: frontendOrigin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': requested.join(','),
      },
    });
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe(frontendOrigin);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/\bGET\b/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of requested) expect(allowed.split(/\s*,\s*/)).toContain(header);
  });

  it('sends Access-Control-Allow-Origin on a cross-origin GET', async () => {
    const response = await get(listPath, { ...token, Origin: frontendOrigin });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(frontendOrigin);
  });

  it('sends it on errors too, so the page can read the APIG error body', async () => {
    const response = await get(listPath, { Origin: frontendOrigin });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(frontendOrigin);
  });
});

describe('credentials', () => {
  it.each([listPath, detailPath])('%s without credentials: 401 tokenMissing', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual(example('tokenMissing'));
  });

  it('the list with X-Auth-Token: 200 seedList', async () => {
    const response = await get(listPath, token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(example('seedList'));
  });

  it('the list with an AK/SK Authorization header: 200 seedList', async () => {
    const response = await get(listPath, signature);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(example('seedList'));
  });

  it('the detail with X-Auth-Token: 200 seedDetail', async () => {
    const response = await get(detailPath, token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(example('seedDetail'));
  });

  it('missing credentials win over an invalid parameter, as at the gateway', async () => {
    const response = await get(`${listPath}?page_size=-1`);
    expect(response.status).toBe(401);
    expect(response.body).toEqual(example('tokenMissing'));
  });
});

describe('invalid requests: 400 with an APIG body', () => {
  it.each([
    ['page_size=-1', 'page_size'],
    ['page_size=501', 'page_size'],
    ['page_size=abc', 'page_size'],
    ['page_no=abc', 'page_no'],
    ['page_no=1.5', 'page_no'],
  ])('?%s', async (query, parameter) => {
    const response = await get(`${listPath}?${query}`, token);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(example('parameterError'));
    expect(response.body).toMatchObject({ error_code: expect.stringMatching(/^APIG\.\d{4}$/) });
    // Prism names the broken rule in a header, which helps when debugging a page.
    expect(response.headers.get('sl-violations')).toContain(parameter);
  });

  it('Prefer selects the other documented 400 example', async () => {
    const response = await get(`${listPath}?page_size=501`, {
      ...token,
      Prefer: 'code=400, example=invalidParameterValue',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(example('invalidParameterValue'));
  });
});

describe('Prefer: code= answers every documented status with its first example', () => {
  it.each(responses.map((r) => [r.operationId, r.status, r] as const))(
    '%s %s',
    async (_operationId, status, documented) => {
      const [first] = examplesOf(documented.response);
      const response = await get(concretePath(documented.path), {
        ...token,
        Prefer: `code=${status}`,
      });
      expect(response.status).toBe(Number(status));
      expect(response.body).toEqual(first?.value);
    },
  );
});

describe('Prefer: code=…, example=… answers every named example', () => {
  const named = responses.flatMap((documented) =>
    examplesOf(documented.response).map(
      (named) => [documented.operationId, documented.status, named.name, documented] as const,
    ),
  );

  it.each(named)('%s %s %s', async (_operationId, status, name, documented) => {
    const response = await get(concretePath(documented.path), {
      ...token,
      Prefer: `code=${status}, example=${name}`,
    });
    expect(response.status).toBe(Number(status));
    expect(response.body).toEqual(example(name));
  });

  it('example= alone selects a 200 example', async () => {
    const response = await get(listPath, { ...token, Prefer: 'example=emptyList' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(example('emptyList'));
  });

  // Prism 5.14.2 looks an example up in the success response unless code= says
  // otherwise; the README tells frontends to send both. If this starts to
  // pass through, Prism changed and the README can be simplified.
  it('example= alone does not find an error example (send code= too)', async () => {
    const response = await get(detailPath, { ...token, Prefer: 'example=subscriptionNotFound' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).not.toEqual(example('subscriptionNotFound'));
  });
});

describe('log output', () => {
  const secret = 'do-not-log-this-token';
  let verbose: RunningPrism | undefined;

  // Prism prints request headers from `debug` down; the mock's own level is
  // `info`, which prints none. This checks the filter that guards the rest.
  beforeAll(async () => {
    verbose = await startPrism({ mode: 'static', logLevel: 'debug' });
  });
  afterAll(() => verbose?.stop());

  it('never prints credential header values, even at debug level', async () => {
    const url = `${verbose?.url}${listPath}`;
    await (await fetch(url, { headers: { [AUTH_HEADERS.token]: secret } })).text();
    await (
      await fetch(url, {
        headers: { [AUTH_HEADERS.authorization]: `SDK-HMAC-SHA256 Access=${secret}` },
      })
    ).text();
    // The log lines may trail the responses by a moment.
    await vi.waitFor(() => {
      const output = verbose?.output() ?? '';
      expect(output).toMatch(/x-auth-token: \[redacted\]/i);
      expect(output).toMatch(/authorization: \[redacted\]/i);
    });
    expect(verbose?.output()).not.toContain(secret);
  });
});
