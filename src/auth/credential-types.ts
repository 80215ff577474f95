// The shapes of credentials, in a module that imports nothing, so every
// module that names them (auth, signing, transport) can without a cycle.

export interface TokenCredentials {
  /** IAM token (the `X-Subject-Token` of `POST /v3/auth/tokens`), sent as `X-Auth-Token`. */
  token: string;
}

export type AkSkCredentials = {
  /** Access key id (AK); sent in clear in the Authorization header. */
  accessKey: string;
  /** Secret access key (SK); only ever used as the HMAC key. */
  secretKey: string;
  /** Temporary credentials only: sent and signed as X-Security-Token. */
  securityToken?: string;
};

export type Credentials = TokenCredentials | AkSkCredentials;
