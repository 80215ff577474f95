// Public surface of apig-purchases.

export type { components, operations, paths } from '../generated/schema.js';
export type { AttemptEvent } from './attempt-event.js';
export { AUTH_HEADERS, SECRET_HEADERS } from './auth-headers.js';
export {
  type CallOptions,
  createPurchasesClient,
  type IterateOptions,
  type PurchasesClient,
  type PurchasesClientOptions,
  type ResponseInfo,
  type WithResponse,
  type WithResponseMethods,
} from './client.js';
export type {
  AkSkCredentials,
  Credentials,
  TokenCredentials,
} from './credential-types.js';
export {
  ApigArgumentError,
  ApigCallError,
  ApigError,
  ApigNetworkError,
  ApigRedirectError,
  ApigResponseShapeError,
  ApigResponseTooLargeError,
} from './errors.js';
export type { RetryOptions } from './retry.js';
export {
  type SignableRequest,
  type SignedAuthHeaders,
  signHeaders,
  signRequest,
} from './signing/load-signer.js';
export type * from './types.js';
