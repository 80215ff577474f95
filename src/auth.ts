// Authentication as openapi-fetch middleware: an IAM token header, or an
// AK/SK signature computed per request (so every retry is signed afresh).
import type { Middleware } from 'openapi-fetch';
import { ApigArgumentError } from './errors.js';
import { signRequest } from './lazy-sign.js';
import type { AkSkCredentials } from './sign.js';

export interface TokenCredentials {
  /** IAM token (the `X-Subject-Token` of `POST /v3/auth/tokens`), sent as `X-Auth-Token`. */
  token: string;
}

export type Credentials = TokenCredentials | AkSkCredentials;

export function tokenAuth(token: string): Middleware {
  checkHeaderValue('credentials.token', token);
  return {
    onRequest({ request }) {
      request.headers.set('X-Auth-Token', token);
      return request;
    },
  };
}

export function akskAuth(credentials: AkSkCredentials): Middleware {
  checkHeaderValue('credentials.accessKey', credentials.accessKey);
  checkHeaderValue('credentials.secretKey', credentials.secretKey);
  if (credentials.securityToken !== undefined) {
    checkHeaderValue('credentials.securityToken', credentials.securityToken);
  }
  return {
    onRequest({ request }) {
      return signRequest(request, credentials);
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

// The value itself is never part of the message: it is a secret.
function checkHeaderValue(parameter: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ApigArgumentError(parameter, 'must be a non-empty string');
  }
  if (/[\r\n\0]/.test(value)) {
    throw new ApigArgumentError(parameter, 'must not contain line breaks or NUL characters');
  }
}
