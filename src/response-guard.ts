// What the client accepts of an answer before it reads the body: no
// redirect (the request is sent with `redirect: 'manual'`, and a 3xx would
// take the credentials to another origin), and no body over
// `maxResponseBytes` (cancelled unread, whether announced by Content-Length
// or found while streaming). The cap counts decoded bytes: fetch decodes a
// gzip, deflate or br body, and its Content-Length is the compressed size,
// so a compressed body is always counted as it is read.
import { ApigRedirectError, ApigResponseTooLargeError } from './errors.js';

export interface ResponseLimits {
  maxResponseBytes: number;
  method: string;
  path: string;
  /** The configured base URL: whose origin the credentials belong to. */
  baseUrl: string;
}

export function guardResponse(response: Response, limits: ResponseLimits): Response {
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
  if (identity && announced !== null && /^\d+$/.test(announced)) {
    if (Number(announced) <= maxResponseBytes) return response;
    void response.body?.cancel().catch(() => undefined);
    throw new ApigResponseTooLargeError({
      maxResponseBytes,
      announced: Number(announced),
      method,
      path,
    });
  }
  if (response.body === null) return response;
  // No length announced (chunked), or a compressed body: count while reading,
  // and stop at the cap; erroring the stream cancels the download.
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxResponseBytes) {
          controller.error(new ApigResponseTooLargeError({ maxResponseBytes, method, path }));
        } else {
          controller.enqueue(chunk);
        }
      },
    }),
  );
  return new Response(counted, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
