// The request id a mock answer carries in `X-Request-Id`, as APIG's answers
// do (32 hex characters, like the `request_id` of Huawei's error bodies), so
// that `withResponse().response.requestId` and support logs work against the
// mock too. WebCrypto: the same in Node and in a browser (MSW).
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
