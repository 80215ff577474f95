// The errors the client throws. None of them ever carries request headers,
// so credentials (token, AK/SK signature, app_secret in bodies) cannot leak.
import type { components } from '../generated/schema.js';

type ApigErrorBody = components['schemas']['ApigError'];

/** The gateway answered with a non-2xx status. */
export class ApigError extends Error {
  override readonly name = 'ApigError';
  readonly status: number;
  /** `APIG.dddd`, `APIGW.dddd`, `APIC.dddd`…; undefined when the body was not an error body. */
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  /** From the body's `request_id`, else the `X-Request-Id` response header. */
  readonly requestId: string | undefined;
  readonly method: string;
  /** The request path, without query string. */
  readonly path: string;

  constructor(init: {
    status: number;
    statusText?: string;
    method: string;
    path: string;
    body: unknown;
    contentType?: string | null;
    /** The `X-Request-Id` response header. */
    requestIdHeader?: string | null;
  }) {
    const body = asApigErrorBody(init.body);
    const requestId = body?.request_id ?? (init.requestIdHeader || undefined);
    const detail = body
      ? `${body.error_code} ${body.error_msg}`
      : `${init.statusText || 'HTTP error'} (${describeBody(init.body, init.contentType)})`;
    super(
      `${init.method} ${init.path} failed with ${init.status}: ${detail}${requestId ? ` [request_id ${requestId}]` : ''}`,
    );
    this.status = init.status;
    this.errorCode = body?.error_code;
    this.errorMsg = body?.error_msg;
    this.requestId = requestId;
    this.method = init.method;
    this.path = init.path;
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
export class ApigNetworkError extends Error {
  override readonly name = 'ApigNetworkError';
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly timedOut: boolean;

  constructor(init: {
    method: string;
    path: string;
    attempts: number;
    timedOut: boolean;
    cause: unknown;
  }) {
    const what = init.timedOut ? 'timed out' : `failed (${causeMessage(init.cause)})`;
    super(`${init.method} ${init.path} ${what} after ${init.attempts} attempt(s)`, {
      cause: init.cause,
    });
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
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
