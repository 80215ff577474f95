// `raw`: an openapi-fetch client for the contract's paths, with the same
// guards as the typed methods and none of their retries or argument checks.
// Its fetch reads every answer with the one body reader (no redirect, the
// size cap) and hands openapi-fetch a Response of the text; the user's
// middleware runs first and the AK/SK signature last, over what is sent.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/schema.js';
import { signInPlace } from './authenticate.js';
import type { ClientContext } from './call-context.js';
import { readBody } from './read-body.js';

// Statuses whose Response may carry no body at all.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function rawClient(client: ClientContext): Client<paths> {
  const { baseUrl, auth, maxResponseBytes } = client;
  const raw = createClient<paths>({
    baseUrl,
    ...(auth.headers ? { headers: auth.headers } : {}),
    // Never follow a redirect (read-body.ts refuses one).
    redirect: 'manual',
    // Looked up per call, so a fetch patched after creation (tests, polyfills) is used.
    fetch: async (request) => {
      const response = await (client.fetch ?? globalThis.fetch)(request);
      const limits = {
        maxResponseBytes,
        method: request.method,
        path: new URL(request.url).pathname,
        baseUrl,
      };
      const text = await readBody(response, limits);
      const { status, statusText, headers } = response;
      return new Response(NULL_BODY.has(status) ? null : text, { status, statusText, headers });
    },
  });
  const { sign } = auth;
  const signing: Middleware[] = sign
    ? [
        {
          async onRequest({ request }) {
            await signInPlace(sign, request);
            return request;
          },
        },
      ]
    : [];
  raw.use(...client.middleware, ...signing);
  return raw;
}
