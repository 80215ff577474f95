// Authentication for the openapi-fetch client: an IAM token header, or an
// AK/SK signature computed per request (so every retry is signed afresh).
import type { Middleware } from 'openapi-fetch';
import { AUTH_HEADERS } from './auth-headers.js';
import type { AkSkCredentials, Credentials } from './credential-types.js';
import { assertAkSkCredentials, assertToken } from './credentials.js';
import { ApigArgumentError } from './errors.js';
import { signRequestInPlace } from './signing/load-signer.js';

export type { Credentials, TokenCredentials } from './credential-types.js';

/** How a client authenticates: a fixed header (IAM token) or middleware that signs each request (AK/SK). */
export interface ClientAuth {
  headers?: Record<string, string>;
  middleware?: Middleware;
}

// A token is the same on every request: a default header of the
// openapi-fetch client, which costs nothing per call (no middleware pass).
function tokenAuth(token: string): ClientAuth {
  assertToken(token);
  return { headers: { [AUTH_HEADERS.token]: token } };
}

function akskAuth(credentials: AkSkCredentials): ClientAuth {
  assertAkSkCredentials(credentials);
  return {
    middleware: {
      onRequest({ request }) {
        // The Request is openapi-fetch's own, made for this attempt: sign it
        // in place (synchronously on Node once the signer is loaded).
        return signRequestInPlace(request, credentials);
      },
    },
  };
}

export function clientAuth(credentials: Credentials | undefined): ClientAuth {
  if (credentials === undefined) return {};
  if (typeof credentials !== 'object' || credentials === null) {
    throw new ApigArgumentError(
      'credentials',
      'must be { token } or { accessKey, secretKey, securityToken? }',
    );
  }
  if ('token' in credentials) return tokenAuth(credentials.token);
  if ('accessKey' in credentials || 'secretKey' in credentials) return akskAuth(credentials);
  throw new ApigArgumentError(
    'credentials',
    'must be { token } or { accessKey, secretKey, securityToken? }',
  );
}
