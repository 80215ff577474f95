// Authentication as openapi-fetch middleware: an IAM token header, or an
// AK/SK signature computed per request (so every retry is signed afresh).
import type { Middleware } from 'openapi-fetch';
import { type AkSkCredentials, assertAkSkCredentials, assertToken } from './credentials.js';
import { ApigArgumentError } from './errors.js';
import { signRequestInPlace } from './lazy-sign.js';

export interface TokenCredentials {
  /** IAM token (the `X-Subject-Token` of `POST /v3/auth/tokens`), sent as `X-Auth-Token`. */
  token: string;
}

export type Credentials = TokenCredentials | AkSkCredentials;

export function tokenAuth(token: string): Middleware {
  assertToken(token);
  return {
    onRequest({ request }) {
      request.headers.set('X-Auth-Token', token);
      return request;
    },
  };
}

export function akskAuth(credentials: AkSkCredentials): Middleware {
  assertAkSkCredentials(credentials);
  return {
    onRequest({ request }) {
      // The Request is openapi-fetch's own, made for this attempt: sign it in place.
      return signRequestInPlace(request, credentials);
    },
  };
}

export function authMiddleware(credentials: Credentials | undefined): Middleware | undefined {
  if (credentials === undefined) return undefined;
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
