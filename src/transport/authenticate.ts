// Authentication: an IAM token header, or an AK/SK signature computed for
// each attempt (so every retry is signed afresh), dated by the client's
// signing clock. The one sender (send-attempt.ts) and `raw`'s last
// middleware (raw-client.ts) both sign through `sign`.
import { AUTH_HEADERS } from '../auth/auth-headers.js';
import type { AkSkCredentials, Credentials } from '../auth/credential-types.js';
import { assertAkSkCredentials, assertToken } from '../auth/credentials.js';
import { type SigningClock, signingDate } from '../shared/clock-skew.js';
import { ApigArgumentError } from '../shared/errors.js';
import {
  type SignableRequest,
  type SignedAuthHeaders,
  signHeaders,
} from '../signing/load-signer.js';

/** How a client authenticates: a fixed header (IAM token), or a signature per attempt (AK/SK). */
export interface ClientAuth {
  headers?: Record<string, string>;
  /** AK/SK: the auth headers of a request about to be sent. */
  sign?: (request: SignableRequest) => Promise<SignedAuthHeaders>;
}

// A token is the same on every request: a fixed header, no work per call.
function tokenAuth(token: string): ClientAuth {
  assertToken(token);
  return { headers: { [AUTH_HEADERS.token]: token } };
}

function akskAuth(credentials: AkSkCredentials, clock: SigningClock): ClientAuth {
  assertAkSkCredentials(credentials);
  return { sign: (request) => signHeaders(request, credentials, signingDate(clock)) };
}

const SHAPE = 'must be { token } or { accessKey, secretKey, securityToken? }';

export function clientAuth(credentials: Credentials, clock: SigningClock): ClientAuth {
  if (typeof credentials !== 'object' || credentials === null) {
    throw new ApigArgumentError('credentials', SHAPE);
  }
  if ('token' in credentials) return tokenAuth(credentials.token);
  if ('accessKey' in credentials || 'secretKey' in credentials) return akskAuth(credentials, clock);
  throw new ApigArgumentError('credentials', SHAPE);
}

/** Signs a Request about to be sent on its own headers, its body (if any) included. */
export async function signInPlace(
  sign: NonNullable<ClientAuth['sign']>,
  request: Request,
): Promise<void> {
  const { method, url, headers } = request;
  const body = request.body === null ? null : new Uint8Array(await request.clone().arrayBuffer());
  const signed = await sign({ method, url, headers, body });
  for (const [name, value] of Object.entries(signed)) headers.set(name, value);
}
