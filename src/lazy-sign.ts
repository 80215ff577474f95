// The public signRequest, loading the signer (sign.ts and its crypto) on
// first use. Apps that only use IAM tokens never download it; the module
// promise is kept because a dynamic import is not free on every call.
import type { AkSkCredentials } from './credentials.js';

let signer: Promise<typeof import('./sign.js')> | undefined;
const loadSigner = () => {
  signer ??= import('./sign.js');
  return signer;
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
  const { signRequest: sign } = await loadSigner();
  return sign(request, credentials, date);
}

/** The same, setting the headers on `request` itself (see sign.ts). */
export async function signRequestInPlace(
  request: Request,
  credentials: AkSkCredentials,
  date?: Date,
): Promise<Request> {
  const { signRequestInPlace: sign } = await loadSigner();
  return sign(request, credentials, date);
}
