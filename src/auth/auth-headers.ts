// The request headers that carry APIG credentials, named once: the client,
// the signer, the mock's log redaction and the tests all use these.

/** Header names as Huawei documents them (HTTP header names are case-insensitive). */
export const AUTH_HEADERS = {
  /** IAM token auth: the token itself. */
  token: 'X-Auth-Token',
  /** AK/SK: the signing time, `YYYYMMDDTHHMMSSZ`. */
  sdkDate: 'X-Sdk-Date',
  /** AK/SK: `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`. */
  authorization: 'Authorization',
  /** AK/SK with temporary credentials: the security token. */
  securityToken: 'X-Security-Token',
} as const;

/** The headers whose values are secrets or prove possession of one: never log them. */
export const SECRET_HEADERS: readonly string[] = [
  AUTH_HEADERS.token,
  AUTH_HEADERS.authorization,
  AUTH_HEADERS.securityToken,
];
