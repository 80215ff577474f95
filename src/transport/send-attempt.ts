// One attempt of a typed call, the only way the client sends: headers (auth,
// then the caller's), the user's middleware if any, the AK/SK signature over
// what is about to go out, fetch, then the body read within the cap. With
// neither middleware nor a fetch option no Request object is made: the URL
// and options go straight to the global fetch, the cheapest way to send.
// The bytes on the wire are the same either way (test/unit/client-wire.test.ts).
import { signInPlace } from './authenticate.js';
import type { CallContext } from './call-context.js';
import { afterReceive, beforeSend, type HookSite, hookSite, recover } from './middleware.js';
import { readBody } from './read-body.js';

type SentHeaders = Headers | Record<string, string>;

/** What one attempt came to: an answer and its body, or why none came. */
export type AttemptOutcome =
  | { sentHeaders: SentHeaders; response: Response; body: string }
  | { sentHeaders: SentHeaders; failure: unknown };

// Auth, then the caller's headers (case-insensitively over auth, as
// openapi-fetch merges them). A plain record when there is nothing to merge.
function headersOf(call: CallContext): SentHeaders {
  const headers = call.client.auth.headers ?? {};
  if (call.headers === undefined) return headers;
  const merged = new Headers(headers);
  for (const name in call.headers) merged.set(name, call.headers[name] as string);
  return merged;
}

function setAll(headers: SentHeaders, extra: Record<string, string>): SentHeaders {
  if (!(headers instanceof Headers)) return { ...headers, ...extra };
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return headers;
}

/**
 * Sends one attempt. A failure to get an answer (network, timeout, redirect,
 * body over the cap) comes back as `failure`; a mistake before sending (a
 * middleware that throws, a signature that cannot be made) is thrown.
 */
export async function sendAttempt(call: CallContext, signal: AbortSignal): Promise<AttemptOutcome> {
  const { client, method, url } = call;
  const { sign } = client.auth;
  let headers = headersOf(call);
  if (client.fetch === undefined && client.middleware.length === 0) {
    if (sign !== undefined) headers = setAll(headers, await sign({ method, url, headers }));
    const sentHeaders = headers;
    const init: RequestInit = { method, headers, redirect: 'manual', signal };
    try {
      const response = await globalThis.fetch(url, init);
      return { sentHeaders, response, body: await readBody(response, call.limits) };
    } catch (failure) {
      return { sentHeaders, failure };
    }
  }
  const fetch = client.fetch ?? ((request: Request) => globalThis.fetch(request));
  const site = client.middleware.length > 0 ? hookSite(call) : undefined;
  let request = new Request(url, { method, headers, redirect: 'manual', signal });
  let answered: Response | undefined;
  if (site !== undefined) {
    const result = await beforeSend(client.middleware, request, site);
    if (result instanceof Response) answered = result;
    else if (result !== request) request = ofThisAttempt(result, signal);
  }
  if (sign !== undefined && answered === undefined) await signInPlace(sign, request);
  const sentHeaders = request.headers;
  try {
    let response = answered ?? (await fetchOrRecover(fetch, request, site, call));
    if (site !== undefined && answered === undefined) {
      response = await afterReceive(client.middleware, request, response, site);
    }
    return { sentHeaders, response, body: await readBody(response, call.limits) };
  } catch (failure) {
    return { sentHeaders, failure };
  }
}

// A Request a middleware made still ends with this attempt and follows no
// redirect. Copying a Request with options resets its referrer (Fetch
// standard, Request constructor), so that is carried over too.
function ofThisAttempt(request: Request, signal: AbortSignal): Request {
  const { referrer, referrerPolicy } = request;
  return new Request(request, { signal, redirect: 'manual', referrer, referrerPolicy });
}

async function fetchOrRecover(
  fetch: (request: Request) => Promise<Response>,
  request: Request,
  site: HookSite | undefined,
  call: CallContext,
): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    if (site === undefined) throw error;
    return recover(call.client.middleware, request, error, site);
  }
}
