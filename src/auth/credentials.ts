// Checks of the credentials, shared by the client (at creation, so a bad key
// fails before any request) and by signRequest. A message names the field,
// never its value: every one of them is a secret or part of one.

import { ApigArgumentError } from '../shared/errors.js';
import type { AkSkCredentials, Credentials } from './credential-types.js';

export type { AkSkCredentials };

// The AK goes into `Access=<AK>, SignedHeaders=...`: visible ASCII, no comma.
const ACCESS_KEY = /^[\x21-\x2b\x2d-\x7e]+$/;
// A header value Headers accepts unchanged; checked here because
// Headers.set() would quote the rejected value in its error.
const HEADER_TOKEN = /^[\x21-\x7e]+$/;

export function assertAkSkCredentials(
  credentials: unknown,
): asserts credentials is AkSkCredentials {
  if (typeof credentials !== 'object' || credentials === null) {
    throw new ApigArgumentError('credentials', 'must be an object with accessKey and secretKey');
  }
  const { accessKey, secretKey, securityToken } = credentials as Record<string, unknown>;
  if (typeof accessKey !== 'string' || accessKey === '') {
    throw new ApigArgumentError('credentials.accessKey', 'must be a non-empty string');
  }
  if (!ACCESS_KEY.test(accessKey)) {
    throw new ApigArgumentError('credentials.accessKey', 'must be visible ASCII without commas');
  }
  if (typeof secretKey !== 'string' || secretKey === '') {
    throw new ApigArgumentError('credentials.secretKey', 'must be a non-empty string');
  }
  if (securityToken === undefined) return;
  if (typeof securityToken !== 'string' || securityToken === '') {
    throw new ApigArgumentError(
      'credentials.securityToken',
      'must be a non-empty string when given',
    );
  }
  if (!HEADER_TOKEN.test(securityToken)) {
    throw new ApigArgumentError(
      'credentials.securityToken',
      'must be visible ASCII without spaces',
    );
  }
}

export function assertToken(token: unknown): asserts token is string {
  if (typeof token !== 'string' || token === '') {
    throw new ApigArgumentError('credentials.token', 'must be a non-empty string');
  }
  if (!HEADER_TOKEN.test(token)) {
    throw new ApigArgumentError('credentials.token', 'must be visible ASCII without spaces');
  }
}

/** The values of `credentials` that must never appear in a message or a log. */
export function secretsOf(credentials: Credentials | undefined): unknown[] {
  if (credentials === undefined) return [];
  return 'token' in credentials
    ? [credentials.token]
    : [credentials.secretKey, credentials.securityToken, credentials.accessKey];
}
