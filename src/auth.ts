// Authentication: an IAM token header, or an AK/SK signature computed per
// request (so every retry is signed afresh), dated by the client's signing
// clock: as headers for the typed methods, as middleware for `raw`.
import type { Middleware } from 'openapi-fetch';
import { AUTH_HEADERS } from './auth-headers.js';
import { type SigningClock, signingDate } from './clock-skew.js';
import type { AkSkCredentials, Credentials } from './credential-types.js';
import { assertAkSkCredentials, assertToken } from './credentials.js';
import { ApigArgumentError } from './errors.js';
import {
  type SignableRequest,
  type SignedAuthHeaders,
  signHeadersInline,
  signRequestInPlace,
} from './signing/load-signer.js';

export type { Credentials, TokenCredentials } from './credential-types.js';

/** How a client authenticates: a fixed header (IAM token), or a signature per request (AK/SK). */
export interface ClientAuth {
  headers?: Record<string, string>;
  /** AK/SK: the auth headers of a request about to be sent (synchronous on Node). */
  sign?: (request: SignableRequest) => SignedAuthHeaders | Promise<SignedAuthHeaders>;
  /** The same signature for requests openapi-fetch builds (`raw`). */
  middleware?: Middleware;
}

// A token is the same on every request: a default header of the
// openapi-fetch client, which costs nothing per call (no middleware pass).
function tokenAuth(token: string): ClientAuth {
  assertToken(token);
  return { headers: { [AUTH_HEADERS.token]: token } };
}

function akskAuth(credentials: AkSkCredentials, clock: SigningClock): ClientAuth {
  assertAkSkCredentials(credentials);
  return {
    sign: (request) => signHeadersInline(request, credentials, signingDate(clock)),
    middleware: {
      onRequest({ request }) {
        // The Request is openapi-fetch's own, made for this attempt: sign it
        // in place (synchronously on Node once the signer is loaded).
        return signRequestInPlace(request, credentials, signingDate(clock));
      },
    },
  };
}

export function clientAuth(
  credentials: Credentials | undefined,
  clock: SigningClock = { offsetMs: 0 },
): ClientAuth {
  if (credentials === undefined) return {};
  if (typeof credentials !== 'object' || credentials === null) {
    throw new ApigArgumentError(
      'credentials',
      'must be { token } or { accessKey, secretKey, securityToken? }',
    );
  }
  if ('token' in credentials) return tokenAuth(credentials.token);
  if ('accessKey' in credentials || 'secretKey' in credentials) return akskAuth(credentials, clock);
  throw new ApigArgumentError(
    'credentials',
    'must be { token } or { accessKey, secretKey, securityToken? }',
  );
}
