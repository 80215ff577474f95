// What the onAttempt hook is told about each attempt: enough for logs and
// metrics, never a credential (secret headers are replaced, and every other
// value goes through the client's redaction, as in errors).
import { requestIdHeader } from '../../generated/operations.js';
import { SECRET_HEADERS } from '../auth/auth-headers.js';
import { type Redact, redactedCause } from '../shared/redact.js';

export interface AttemptEvent {
  method: string;
  /** The request path, without query string. */
  path: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The answer's status; undefined when none came (network error, timeout, abort). */
  status: number | undefined;
  /** From sending to the body read (or the failure), in ms. */
  durationMs: number;
  /** The answer's `X-Request-Id`, which Huawei support asks for. */
  requestId: string | undefined;
  /** The request headers sent, names in lower case; credentials read `[redacted]`. */
  requestHeaders: Record<string, string>;
  /** Why no answer came, redacted; undefined when one did. */
  error: unknown;
  /** Whether another attempt follows. */
  willRetry: boolean;
}

const secret = new Set(SECRET_HEADERS.map((name) => name.toLowerCase()));

function redactedHeaders(
  headers: Headers | Record<string, string> | undefined,
  redact: Redact,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    out[lower] = secret.has(lower) ? '[redacted]' : redact(value);
  }
  return out;
}

/** One attempt as the sender left it: the headers sent, and an answer or why none came. */
interface SentAttempt {
  sentHeaders: Headers | Record<string, string>;
  response?: Response;
  failure?: unknown;
}

export function attemptEvent(
  call: { method: string; path: string; redact: Redact },
  outcome: SentAttempt,
  attempt: number,
  startedAt: number,
  willRetry: boolean,
): AttemptEvent {
  const { redact } = call;
  const { response } = outcome;
  const requestId = response?.headers.get(requestIdHeader) ?? undefined;
  return {
    method: call.method,
    path: call.path,
    attempt,
    status: response?.status,
    durationMs: performance.now() - startedAt,
    requestId: requestId === undefined ? undefined : redact(requestId),
    requestHeaders: redactedHeaders(outcome.sentHeaders, redact),
    error: response ? undefined : redactedCause(outcome.failure, redact),
    willRetry,
  };
}
