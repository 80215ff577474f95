// The public signing functions, loading the signer (signer.ts and its crypto)
// on first use: apps that only use IAM tokens never download it. Both always
// return a promise; the client signs every AK/SK attempt through signHeaders.
import type { AkSkCredentials } from '../auth/credential-types.js';
import type { SignableRequest, SignedAuthHeaders } from './signer.js';

export type { SignableRequest, SignedAuthHeaders };

type Signer = typeof import('./signer.js');

let loaded: Signer | undefined;
let loading: Promise<Signer> | undefined;
const loadSigner = (): Promise<Signer> => {
  loading ??= import('./signer.js').then((module) => {
    loaded = module;
    return module;
  });
  return loading;
};

/**
 * Signs `request` with AK/SK (SDK-HMAC-SHA256) exactly as Huawei's SDKs do and
 * returns a new Request carrying `X-Sdk-Date`, `Authorization` and, for
 * temporary credentials, `X-Security-Token`. `date` defaults to now.
 */
export async function signRequest(
  request: Request,
  credentials: AkSkCredentials,
  date?: Date,
): Promise<Request> {
  return (loaded ?? (await loadSigner())).signRequest(request, credentials, date);
}

/**
 * The same signature for any HTTP client: give the method, URL, headers and
 * body as they will be sent, and add the returned headers to the request.
 */
export async function signHeaders(
  request: SignableRequest,
  credentials: AkSkCredentials,
  date?: Date,
): Promise<SignedAuthHeaders> {
  return (loaded ?? (await loadSigner())).signHeaders(request, credentials, date);
}
