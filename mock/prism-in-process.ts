// Prism's router and validators (@stoplight/prism-http, the pinned Prism's
// own) in this process, in front of the data layer: what `npm run mock`
// (data mode) ran as a child Prism proxying to a data server, without the
// two loopback hops and the second process.
//
// Prism stays the contract's enforcer: its router picks the operation, its
// validators check the request and then the data layer's answer, and its
// words are kept (the 422's `validation` list, the 500 VIOLATIONS
// problem+json, `sl-violations`, the `Violation:` log lines). What is ours:
// the data layer answers in place of Prism's HTTP forwarder, and only the
// parts of Prism this needs are loaded (its mocker, json-schema-faker, takes
// most of Prism's start-up and is never used here).
//
// Mirrors @stoplight/prism-http-server 5.12 (server.js: the handler, CORS)
// and prism-http 5.12 (forwarder: input violations become a 422, a security
// one a 401) as the pinned Prism 5.14.2 runs them.
import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { MockAnswer } from '../src/mock/answer-request.ts';
import { bundledSpec, prismBin } from './prism.ts';

/** A request as Prism's HTTP server reads it (server.js `handler`). */
export interface PrismInput {
  method: string;
  /** The request target: path and query, as received. */
  target: string;
  headers: IncomingHttpHeaders;
}

/** What to send: status, headers and the body's text. */
export interface EnforcedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface PrismInProcess {
  /** The answer Prism's proxy (`--errors`) would give for `input`, the data layer answering for the upstream. */
  handle(input: PrismInput, upstream: (url: URL) => MockAnswer): Promise<EnforcedAnswer>;
}

interface Diagnostic {
  path?: string[];
  severity: number;
  code?: string | number;
  message: string;
  tags?: string[];
}
type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };
interface ProblemError extends Error {
  status?: number;
  detail?: string;
  additional?: { headers?: Record<string, string> } & Record<string, unknown>;
}
interface PrismOutput {
  statusCode: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Where the data layer waits on the request Prism forwards. */
const dataLayer = Symbol('data layer');

// Prism's DiagnosticSeverity (@stoplight/types): 0 Error, 1 Warning, 2 Information, 3 Hint.
const severityName = ['Error', 'Warning', 'Information', 'Hint'];

interface Loaded {
  factory: (
    config: unknown,
    components: unknown,
  ) => {
    request: (
      input: unknown,
      resources: unknown[],
      config?: unknown,
    ) => () => Promise<
      Either<
        ProblemError,
        { output: PrismOutput; validations: { input: Diagnostic[]; output: Diagnostic[] } }
      >
    >;
  };
  route: unknown;
  validator: { validateInput: unknown; validateOutput: unknown; validateSecurity: unknown };
  ProblemJsonError: {
    fromTemplate(template: unknown, detail: string, additional?: unknown): ProblemError;
    toProblemJson(error: ProblemError): Record<string, unknown>;
  };
  templates: Record<'UNPROCESSABLE_ENTITY' | 'UNAUTHORIZED' | 'VIOLATIONS', unknown>;
  getHttpOperationsFromSpec: (spec: string) => Promise<unknown[]>;
  parsePreferHeader: (value: string) => Record<string, unknown>;
}

/** Prism's modules, resolved from the installed @stoplight/prism-cli (an optional peer). */
function loadPrism(): Loaded {
  const fromPrism = createRequire(prismBin());
  const http = (path: string) =>
    createRequire(fromPrism.resolve('@stoplight/prism-http/package.json'))(`./dist/${path}`);
  const server = createRequire(fromPrism.resolve('@stoplight/prism-http-server/package.json'));
  return {
    factory: fromPrism('@stoplight/prism-core').factory,
    route: http('router').default,
    validator: http('validator'),
    ProblemJsonError: http('types').ProblemJsonError,
    templates: http('mocker/errors'),
    getHttpOperationsFromSpec: http('utils/operations').getHttpOperationsFromSpec,
    parsePreferHeader: server('parse-prefer-header'),
  };
}

export interface PrismInProcessOptions {
  spec?: string;
  /** Prism's log lines, as its CLI words them: the violations (`Violation: …`) and failures. */
  onLine?: (line: string) => void;
  /** Its info lines too (`Request received`, …): off by default, they cost time on every request. */
  verbose?: boolean;
}

export async function startPrismInProcess(
  options: PrismInProcessOptions = {},
): Promise<PrismInProcess> {
  const prism = loadPrism();
  const operations = await prism.getHttpOperationsFromSpec(options.spec ?? bundledSpec);
  // An operation without path parameters has `request.path: []`, and Prism's
  // validator still builds a URI template from its path on every request, to
  // validate no parameter (7% of the mock's time under load, node --cpu-prof).
  // Without the empty list it skips that step; what it checks is the same.
  for (const operation of operations as { request?: { path?: unknown[] } }[]) {
    if (operation.request?.path?.length === 0) delete operation.request.path;
  }
  const say = options.onLine ?? (() => {});
  // Prism's components log through pino; what its CLI prints at `warn` is kept (`info` with verbose).
  const logger = quietLogger(
    (level, message) => say(`[PRISM] ${level} ${message}`),
    options.verbose,
  );
  const config = {
    validateRequest: true,
    validateResponse: true,
    checkSecurity: true,
    errors: true,
    upstreamProxy: undefined,
    mock: {},
    isProxy: true,
    upstream: new URL('http://data-layer.invalid'),
  };
  // Prism hands its forwarder the request it was given: the data layer rides along on it.
  const forward =
    (input: { data: { [dataLayer]?: () => MockAnswer }; validations: Diagnostic[] }) =>
    () =>
    async (): Promise<Either<ProblemError, PrismOutput>> => {
      const failed = input.validations;
      if (failed.length > 0) {
        const security = failed.find((validation) => validation.code === 401);
        return { _tag: 'Left', left: security ? unauthorised(security) : unprocessable(failed) };
      }
      const answer = input.data[dataLayer]?.();
      if (answer === undefined) throw new Error('the request lost its data layer');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(answer.headers))
        headers[name.toLowerCase()] = value;
      return { _tag: 'Right', right: { statusCode: answer.status, headers, body: answer.body } };
    };
  const unauthorised = (security: Diagnostic) =>
    prism.ProblemJsonError.fromTemplate(
      prism.templates.UNAUTHORIZED,
      'Your request does not fullfil the security requirements and no HTTP unauthorized response was found in the spec, so Prism is generating this error for you.',
      security.tags?.length
        ? { headers: { 'WWW-Authenticate': security.tags.join(',') } }
        : undefined,
    );
  const unprocessable = (failed: Diagnostic[]) =>
    prism.ProblemJsonError.fromTemplate(
      prism.templates.UNPROCESSABLE_ENTITY,
      'Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you.',
      {
        validation: failed.map((detail) => ({
          location: detail.path,
          severity: severityName[detail.severity],
          code: detail.code,
          message: detail.message,
        })),
      },
    );
  const instance = prism.factory(config, {
    route: prism.route,
    ...prism.validator,
    forward,
    mock: () => () => ({ _tag: 'Left', left: new Error('the mocker is not used in data mode') }),
    logger,
  });

  return {
    async handle(input, upstream) {
      const url = new URL(input.target, 'http://mock.invalid');
      const raw = input.headers.prefer;
      const prefer = preferProblem(prism, Array.isArray(raw) ? raw.join(', ') : raw);
      if (prefer !== undefined) return problemAnswer(prism, prefer);
      const request = {
        method: input.method.toLowerCase(),
        url: {
          path: url.pathname,
          baseUrl: url.searchParams.get('__server') ?? undefined,
          query: nameValues(url.searchParams),
        },
        headers: input.headers,
        body: null,
        [dataLayer]: () => upstream(url),
      };
      const result = await instance.request(request, operations)();
      if (result._tag === 'Left') {
        // A request that breaks the contract: its violations, as Prism words them.
        const listed = result.left.additional?.validation;
        if (Array.isArray(listed)) {
          for (const { location, message } of listed as {
            location?: string[];
            message: string;
          }[]) {
            say(`[VALIDATOR] error Violation: request.${(location ?? []).join('.')} ${message}`);
          }
        } else {
          say(`[HTTP SERVER] error Request terminated with error: ${result.left}`);
        }
        return problemAnswer(prism, result.left);
      }
      const { output, validations } = result.right;
      const violations = [
        ...validations.input.map(withPrefix('request')),
        ...validations.output.map(withPrefix('response')),
      ];
      for (const violation of violations) {
        say(
          `[VALIDATOR] ${violation.severity.toLowerCase()} Violation: ${violation.location.join('.')} ${violation.message}`,
        );
      }
      const headers: Record<string, string> = {};
      if (violations.length > 0) headers['sl-violations'] = violationHeader(violations);
      const errors = validations.output
        .map(withPrefix('response'))
        .filter((violation) => violation.severity === 'Error');
      if (errors.length > 0) {
        const problem = prism.ProblemJsonError.fromTemplate(
          prism.templates.VIOLATIONS,
          'Your request/response is not valid and the --errors flag is set, so Prism is generating this error for you.',
          { validation: errors },
        );
        const answer = problemAnswer(prism, problem);
        return { ...answer, headers: { ...answer.headers, ...headers } };
      }
      return {
        status: output.statusCode,
        headers: { ...output.headers, ...headers },
        body: typeof output.body === 'string' ? output.body : JSON.stringify(output.body),
      };
    },
  };
}

function withPrefix(prefix: string) {
  return (detail: Diagnostic) => ({
    location: [prefix, ...(detail.path ?? [])],
    severity: severityName[detail.severity] ?? 'Error',
    code: detail.code,
    message: detail.message,
  });
}

// As prism-http-server: a header of at most about 8 kB.
const maxViolationHeader = 8 * 1024 - 100;
function violationHeader(violations: unknown[]): string {
  const value = JSON.stringify(violations);
  return value.length > maxViolationHeader
    ? `Too many violations! ${value.substring(0, maxViolationHeader)}`
    : value;
}

function problemAnswer(prism: Loaded, error: ProblemError): EnforcedAnswer {
  return {
    status: error.status || 500,
    headers: { 'content-type': 'application/problem+json', ...error.additional?.headers },
    body: JSON.stringify(prism.ProblemJsonError.toProblemJson(error)),
  };
}

/** As prism-http-server's searchParamsToNameValues: a repeated name is an array. */
function nameValues(searchParams: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const key of searchParams.keys()) {
    const values = searchParams.getAll(key);
    params[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return params;
}

/**
 * As prism-http-server's getHttpConfigFromRequest: a `Prefer` whose code is
 * not three digits, or whose dynamic is not true or false, is Prism's 422.
 */
function preferProblem(prism: Loaded, header: string | undefined): ProblemError | undefined {
  if (header === undefined) return undefined;
  const preferences = prism.parsePreferHeader(header);
  const wrong: string[] = [];
  if (preferences.code !== undefined && !/^\d{3}$/.test(String(preferences.code))) {
    wrong.push(`code: cannot decode ${JSON.stringify(preferences.code)}, should be a number`);
  }
  if (
    preferences.dynamic !== undefined &&
    !['true', 'false'].includes(String(preferences.dynamic))
  ) {
    wrong.push(
      `dynamic: cannot decode ${JSON.stringify(preferences.dynamic)}, should be a boolean`,
    );
  }
  if (wrong.length === 0) return undefined;
  return prism.ProblemJsonError.fromTemplate(
    prism.templates.UNPROCESSABLE_ENTITY,
    wrong.join('\n'),
  );
}

type Say = (level: string, message: string) => void;

/** pino's shape, as Prism's components use it: warnings and errors said, info too when verbose. */
function quietLogger(say: Say, verbose = false): unknown {
  const text = (args: unknown[]) => String(typeof args[0] === 'string' ? args[0] : (args[1] ?? ''));
  const logger: Record<string, unknown> = {
    child: () => logger,
    warn: (...args: unknown[]) => say('warning', text(args)),
    error: (...args: unknown[]) => say('error', text(args)),
    fatal: (...args: unknown[]) => say('fatal', text(args)),
  };
  for (const level of ['trace', 'debug']) logger[level] = () => {};
  for (const level of ['info', 'success', 'start']) {
    logger[level] = verbose ? (...args: unknown[]) => say(level, text(args)) : () => {};
  }
  return logger;
}
