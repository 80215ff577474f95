// The errors the client throws. None of them ever carries request headers,
// and every text taken from an answer (an error message that may echo a
// header) is passed through the client's redaction first, so credentials
// (token, keys, signature, app_secret in bodies) cannot leak.
import type { components } from '../../generated/schema.js';
import { describeSkew, GATEWAY_TOLERANCE_MS } from './clock-skew.js';
import { type Redact, redactedCause } from './redact.js';

type ApigErrorBody = components['schemas']['ApigError'];

/** What every error of a sent call says: which request it was. */
export abstract class ApigCallError extends Error {
  readonly method: string;
  /** The request path, without query string. */
  readonly path: string;

  constructor(init: { method: string; path: string }, message: string, options?: ErrorOptions) {
    super(message, options);
    this.method = init.method;
    this.path = init.path;
  }
}

/** The gateway answered with a non-2xx status. */
export class ApigError extends ApigCallError {
  override readonly name = 'ApigError';
  readonly status: number;
  /** `APIG.dddd`, `APIGW.dddd`, `APIC.dddd`…; undefined when the body was not an error body. */
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  /** From the body's `request_id`, else the `X-Request-Id` response header. */
  readonly requestId: string | undefined;
  /** Attempts made, the first included (a retried 429 shows 3). */
  readonly attempts: number;
  /** From the first attempt to this answer, backoff included, in ms. */
  readonly elapsedMs: number;
  /**
   * AK/SK 401 only: the gateway's clock (its `Date` header) minus the
   * signing clock, in ms, when they are 5 minutes or more apart; APIG
   * rejects signatures dated more than 15 minutes off.
   */
  readonly clockSkewMs: number | undefined;

  constructor(init: {
    status: number;
    statusText?: string;
    method: string;
    path: string;
    body: unknown;
    contentType?: string | null;
    /** The `X-Request-Id` response header. */
    requestIdHeader?: string | null;
    attempts?: number;
    elapsedMs?: number;
    clockSkewMs?: number;
    /** Removes the client's secrets from texts the answer supplied. */
    redact?: Redact;
  }) {
    const redact = init.redact ?? ((text: string) => text);
    const attempts = init.attempts ?? 1;
    const elapsedMs = init.elapsedMs ?? 0;
    const parsed = asApigErrorBody(init.body);
    const body = parsed && {
      error_msg: redact(parsed.error_msg),
      error_code: redact(parsed.error_code),
      ...(parsed.request_id === undefined ? {} : { request_id: parsed.request_id }),
    };
    const fromAnswer = body?.request_id ?? (init.requestIdHeader || undefined);
    const requestId = fromAnswer === undefined ? undefined : redact(fromAnswer);
    const detail = body
      ? `${body.error_code} ${body.error_msg}`
      : `${redact(init.statusText ?? '') || 'HTTP error'} (${describeBody(init.body, init.contentType)})`;
    const skew = init.clockSkewMs === undefined ? '' : skewNote(init.clockSkewMs);
    super(
      init,
      `${init.method} ${init.path} failed with ${init.status}: ${detail}${requestId ? ` [request_id ${requestId}]` : ''} ${attemptsNote(attempts, elapsedMs)}${skew}`,
    );
    this.status = init.status;
    this.errorCode = body?.error_code;
    this.errorMsg = body?.error_msg;
    this.requestId = requestId;
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
    this.clockSkewMs = init.clockSkewMs;
  }
}

/**
 * The server answered with a redirect. These GETs are never redirected by
 * APIG, and following one would carry the credentials to another origin, so
 * the client does not follow it (on any attempt) and throws this instead.
 */
export class ApigRedirectError extends ApigCallError {
  override readonly name = 'ApigRedirectError';
  /** The 3xx status; 0 in browsers, which hide redirects (`opaqueredirect`). */
  readonly status: number;
  /** The origin the `Location` header pointed to, when it could be read. */
  readonly locationOrigin: string | undefined;

  constructor(init: {
    status: number;
    location: string | null;
    base: string;
    method: string;
    path: string;
  }) {
    let origin: string | undefined;
    try {
      origin = init.location === null ? undefined : new URL(init.location, init.base).origin;
    } catch {
      origin = undefined;
    }
    const where = origin === undefined ? 'a location the client cannot read' : origin;
    super(
      init,
      `${init.method} ${init.path} was redirected (${init.status || 'opaque redirect'}) to ${where}: not followed, so the credentials stay with ${new URL(init.base).origin}`,
    );
    this.status = init.status;
    this.locationOrigin = origin;
  }
}

/** The answer's body was larger than `maxResponseBytes`: it was cancelled, and not retried. */
export class ApigResponseTooLargeError extends ApigCallError {
  override readonly name = 'ApigResponseTooLargeError';
  readonly maxResponseBytes: number;

  constructor(init: {
    maxResponseBytes: number;
    announced?: number;
    method: string;
    path: string;
  }) {
    const size =
      init.announced === undefined ? 'is larger than' : `(${init.announced} bytes) is larger than`;
    super(
      init,
      `${init.method} ${init.path}: the response body ${size} maxResponseBytes (${init.maxResponseBytes}); it was not read`,
    );
    this.maxResponseBytes = init.maxResponseBytes;
  }
}

/** A 2xx answer whose body breaks the contract where the client relies on it (a page's `total`). */
export class ApigResponseShapeError extends ApigCallError {
  override readonly name = 'ApigResponseShapeError';
  /** The body's field that was wrong, e.g. `total`. */
  readonly field: string;

  constructor(init: { method: string; path: string; field: string; problem: string }) {
    super(init, `${init.method} ${init.path}: the answer's ${init.field} ${init.problem}`);
    this.field = init.field;
  }
}

/** An argument was rejected before any request was sent. */
export class ApigArgumentError extends TypeError {
  override readonly name = 'ApigArgumentError';
  /** The parameter that was wrong, e.g. `page_size` or `purchaseId`. */
  readonly parameter: string;

  constructor(parameter: string, problem: string) {
    super(`${parameter} ${problem}`);
    this.parameter = parameter;
  }
}

/** No answer: the connection failed or timed out on every attempt. */
export class ApigNetworkError extends ApigCallError {
  override readonly name = 'ApigNetworkError';
  readonly attempts: number;
  /** From the first attempt to the last failure, backoff included, in ms. */
  readonly elapsedMs: number;
  readonly timedOut: boolean;

  constructor(init: {
    method: string;
    path: string;
    attempts: number;
    elapsedMs?: number;
    timedOut: boolean;
    cause: unknown;
    redact?: Redact;
  }) {
    const redact = init.redact ?? ((text: string) => text);
    const cause = redactedCause(init.cause, redact);
    const what = init.timedOut ? 'timed out' : `failed (${causeMessage(cause)})`;
    const elapsedMs = init.elapsedMs ?? 0;
    super(init, `${init.method} ${init.path} ${what} ${attemptsNote(init.attempts, elapsedMs)}`, {
      cause,
    });
    this.attempts = init.attempts;
    this.elapsedMs = elapsedMs;
    this.timedOut = init.timedOut;
  }
}

// As Huawei's SDKs read error bodies (huaweicloud-sdk-go-v3 core/sdkerr):
// `error_code`/`error_msg`, or `code`/`message` from other Huawei services.
function asApigErrorBody(body: unknown): ApigErrorBody | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const [code, msg] =
    typeof fields.error_code === 'string'
      ? [fields.error_code, fields.error_msg]
      : [fields.code, fields.message];
  if (typeof code !== 'string' || code === '' || typeof msg !== 'string') return undefined;
  const { request_id } = fields;
  return typeof request_id === 'string' && request_id !== ''
    ? { error_code: code, error_msg: msg, request_id }
    : { error_code: code, error_msg: msg };
}

// The body itself is not quoted: an intermediary's error page could echo
// request headers, and those carry credentials.
function describeBody(body: unknown, contentType: string | null | undefined): string {
  if (body === undefined || body === '') return 'empty body';
  const type = contentType ? `, ${contentType.split(';')[0]}` : '';
  if (typeof body === 'string') return `non-JSON body of ${body.length} characters${type}`;
  return `JSON body that is not an APIG error${type}`;
}

function causeMessage(cause: unknown): string {
  const nested =
    cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return cause instanceof Error ? `${cause.message}${nested}` : String(cause);
}

/** `after 1 attempt in 12 ms`, `after 3 attempts (2 retries) in 1.4 s`. */
function attemptsNote(attempts: number, elapsedMs: number): string {
  const time =
    elapsedMs < 1000 ? `${Math.round(elapsedMs)} ms` : `${(elapsedMs / 1000).toFixed(1)} s`;
  if (attempts === 1) return `after 1 attempt in ${time}`;
  const retries = attempts - 1;
  return `after ${attempts} attempts (${retries} ${retries === 1 ? 'retry' : 'retries'}) in ${time}`;
}

function skewNote(skewMs: number): string {
  return `; ${describeSkew(skewMs)}, and APIG rejects AK/SK signatures dated more than ${GATEWAY_TOLERANCE_MS / 60_000} minutes off: set the clock right (NTP), or create the client with correctClockSkew: true`;
}
