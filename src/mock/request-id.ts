// The request id a mock answer carries in `X-Request-Id`, as APIG's answers
// do (32 hex characters, like the `request_id` of Huawei's error bodies), so
// that `withResponse().response.requestId` and support logs work against the
// mock too. WebCrypto: the same in Node and in a browser (MSW).
//
// Random bytes are drawn 256 ids at a time: one getRandomValues call per
// request was 5% of the mock's time under load (node --cpu-prof).
const idBytes = 16;
const pool = new Uint8Array(idBytes * 256);
let next = pool.length;
const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function newRequestId(): string {
  if (next + idBytes > pool.length) {
    crypto.getRandomValues(pool);
    next = 0;
  }
  let id = '';
  for (let index = next; index < next + idBytes; index++) id += hex[pool[index] ?? 0];
  next += idBytes;
  return id;
}
