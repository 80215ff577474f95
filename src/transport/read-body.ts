// What the client accepts of an answer before it reads the body: no
// redirect (the request is sent with `redirect: 'manual'`, and a 3xx would
// take the credentials to another origin), and no body over
// `maxResponseBytes` (cancelled unread, whether announced by Content-Length
// or found while reading). The cap counts decoded bytes: fetch decodes a
// gzip, deflate or br body, and its Content-Length is the compressed size,
// so a compressed body is always counted as it is read.
import { ApigRedirectError, ApigResponseTooLargeError } from '../shared/errors.js';

export interface ResponseLimits {
  maxResponseBytes: number;
  method: string;
  path: string;
  /** The configured base URL: whose origin the credentials belong to. */
  baseUrl: string;
}

/**
 * Throws for a redirect or an announced body over the cap. True when the
 * body must be counted while it is read (chunked or compressed), false when
 * its announced length is within the cap.
 */
function mustCount(response: Response, limits: ResponseLimits): boolean {
  const { maxResponseBytes, method, path } = limits;
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    void response.body?.cancel().catch(() => undefined);
    throw new ApigRedirectError({
      status: response.status,
      location: response.headers.get('Location'),
      base: limits.baseUrl,
      method,
      path,
    });
  }
  const announced = response.headers.get('Content-Length');
  const encoding = response.headers.get('Content-Encoding');
  const identity = encoding === null || /^\s*identity\s*$/i.test(encoding);
  if (!identity || announced === null || !/^\d+$/.test(announced)) return response.body !== null;
  if (Number(announced) <= maxResponseBytes) return false;
  void response.body?.cancel().catch(() => undefined);
  throw new ApigResponseTooLargeError({
    maxResponseBytes,
    announced: Number(announced),
    method,
    path,
  });
}

/**
 * The body as text (UTF-8, as Response.text() decodes it), read within the
 * cap: the one body reader, for the typed methods and `raw` alike. A body
 * that must be counted is read chunk by chunk and cancelled at the cap.
 */
export async function readBody(response: Response, limits: ResponseLimits): Promise<string> {
  if (!mustCount(response, limits)) return response.body === null ? '' : response.text();
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let seen = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    seen += value.byteLength;
    if (seen > limits.maxResponseBytes) {
      void reader.cancel().catch(() => undefined);
      throw new ApigResponseTooLargeError({ ...limits });
    }
    text += decoder.decode(value, { stream: true });
  }
}
