// Public surface of apig-purchases.

export type { components, operations, paths } from '../generated/schema.js';
export { AUTH_HEADERS, SECRET_HEADERS } from './auth/auth-headers.js';
export type {
  AkSkCredentials,
  Credentials,
  TokenCredentials,
} from './auth/credential-types.js';
export { createPurchasesClient } from './client/create-client.js';
export type {
  CallOptions,
  IterateOptions,
  PurchasesClient,
  PurchasesClientOptions,
  ResponseInfo,
  WithResponse,
  WithResponseMethods,
} from './client/options.js';
export {
  ApigArgumentError,
  ApigCallError,
  ApigError,
  ApigNetworkError,
  ApigRedirectError,
  ApigResponseShapeError,
  ApigResponseTooLargeError,
} from './shared/errors.js';
export {
  type SignableRequest,
  type SignedAuthHeaders,
  signHeaders,
  signRequest,
} from './signing/load-signer.js';
export type { AttemptEvent } from './transport/attempt-event.js';
export type { Middleware } from './transport/middleware.js';
export type { RetryOptions } from './transport/retry-policy.js';
export type * from './types.js';
