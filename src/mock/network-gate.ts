// What a request meets before the data, wherever the mock runs (the HTTP
// mock's front, the MSW handlers): the gateway's checks and the network
// profile. In order:
//
// 1. no credentials: 401 APIG.1000;
// 2. with `tokenTtlMinutes`, a token past its lifetime: 401 APIG.1001;
// 3. with `verify`, an AK/SK signature APIG would refuse: 401 APIGW.0301;
// 4. `Prefer: delay=<ms>` and `Prefer: fault=<kind>`: the mock's own 400
//    when the operation cannot have them;
// 5. a fault: the one `Prefer` asks for, else one drawn from the profile;
// then the data (answer-request.ts). Every answer of an operation waits its
// latency first (`Prefer: delay` instead, when given). Each request draws
// two numbers from the seeded sequence, whatever happens to it, so that a
// seed replays the same delays and faults for the same requests.
import { type OperationId, operations } from '../../generated/operations.js';
import { AUTH_HEADERS } from '../auth/auth-headers.js';
import {
  documented,
  hasCredentials,
  type MockAnswer,
  mockRefusal,
  withBody,
} from './answer-request.js';
import {
  conditionsOf,
  type FaultKind,
  faultStatuses,
  maxDelayMs,
  type NetworkProfile,
} from './network-profile.js';
import { randomSeed, seededRandom } from './seeded-random.js';
import { type KeyPair, type ReceivedRequest, signatureProblem } from './verify-signature.js';

export interface GateOptions {
  profile?: NetworkProfile;
  /** The same seed, the same delays and faults for the same requests (default: random). */
  seed?: number;
  /** Check AK/SK signatures as APIG does, with this key pair. */
  verify?: KeyPair;
  /** Milliseconds now (tests give their own). */
  now?: () => number;
  /** One line per injected delay or fault, and per refusal of the mock's own. */
  onLine?: (line: string) => void;
}

export interface GateRequest extends ReceivedRequest {
  operation: OperationId;
}

export type GateVerdict =
  | { kind: 'pass' }
  | { kind: 'answer'; answer: MockAnswer }
  /** Close the connection without an answer (MSW: a network error). */
  | { kind: 'reset' }
  /** Never answer: the client gives up. */
  | { kind: 'timeout' };

export interface GateOutcome {
  /** How long to wait before acting on the verdict. */
  delayMs: number;
  verdict: GateVerdict;
}

export interface Gate {
  readonly seed: number;
  check(request: GateRequest): Promise<GateOutcome>;
}

/** Tokens remembered for `tokenTtlMinutes`: the oldest is forgotten past this many. */
export const maxRememberedTokens = 10_000;

export function createGate(options: GateOptions = {}): Gate {
  const seed = options.seed ?? randomSeed();
  const random = seededRandom(seed);
  // Read at each call, so that fake timers (vi.useFakeTimers) move it too.
  const now = options.now ?? (() => Date.now());
  const profile = options.profile ?? {};
  // What each operation meets, worked out once, not on every request.
  const conditionsByOperation = new Map(
    (Object.keys(operations) as OperationId[]).map((id) => [id, conditionsOf(profile, id)]),
  );
  const firstUse = new Map<string, number>();
  const say = options.onLine ?? (() => {});

  const tokenExpired = (token: string): boolean => {
    if (profile.tokenTtlMinutes === undefined) return false;
    // A long token is remembered by its ends and length, not whole.
    const key =
      token.length > 512 ? `${token.slice(0, 256)}…${token.length}…${token.slice(-256)}` : token;
    const first = firstUse.get(key);
    if (first === undefined) {
      if (firstUse.size >= maxRememberedTokens) {
        firstUse.delete(firstUse.keys().next().value as string);
      }
      firstUse.set(key, now());
      return false;
    }
    return now() - first > profile.tokenTtlMinutes * 60_000;
  };

  return {
    seed,
    async check(request) {
      const { operation } = request;
      const conditions = conditionsByOperation.get(operation) ?? conditionsOf(profile, operation);
      const [latencyDraw, faultDraw] = [random(), random()];
      const where = `${request.method} ${request.target.slice(0, 200)}`;
      const prefer = preferOf(request.headers.get('Prefer'));
      const { min, max } = conditions.latency;
      let delayMs = min + Math.floor(latencyDraw * (max - min + 1));
      let delayWhy = `latency ${min === max ? min : `${min}-${max}`} ms`;
      // One line a request: what the mock did of its own, and the delay it added.
      const decide = (verdict: GateVerdict, what?: string): GateOutcome => {
        const delayed = delayMs > 0 ? `after ${delayMs} ms (injected: ${delayWhy})` : undefined;
        const line = [what, delayed].filter(Boolean).join(', ');
        if (line !== '') say(`mock: ${where}: ${line}`);
        return { delayMs, verdict };
      };
      const answer = (
        status: string,
        name: string | undefined,
        headers: Record<string, string>,
      ) => {
        const chosen =
          (name && documented(operation, status, name)) || documented(operation, status);
        return {
          kind: 'answer',
          answer: withBody(Number(status), chosen?.value, headers),
        } as const;
      };
      const refuse = (problem: string) =>
        decide({ kind: 'answer', answer: mockRefusal(operation, problem) }, `refused: ${problem}`);

      if (prefer.delay !== undefined) {
        const ms = Number(prefer.delay);
        if (!(/^\d+$/.test(prefer.delay) && ms <= maxDelayMs)) {
          return refuse(
            `Prefer delay=${prefer.delay} is not whole milliseconds from 0 to ${maxDelayMs}`,
          );
        }
        delayMs = ms;
        delayWhy = 'Prefer: delay';
      }
      if (!hasCredentials(request.headers)) return decide(answer('401', 'tokenMissing', {}));
      const token = request.headers.get(AUTH_HEADERS.token);
      if (token !== null && tokenExpired(token)) {
        const problem = `the token's ${profile.tokenTtlMinutes} min (token TTL) are over`;
        return decide(
          answer('401', 'sessionExpired', { 'X-Mock-Problem': problem }),
          `401: ${problem}`,
        );
      }
      if (options.verify !== undefined && token === null) {
        const problem = await signatureProblem(request, options.verify, now());
        if (problem !== undefined) {
          // Dated by the mock's clock, as APIG's answer is by its own: the
          // client compares the two to say its clock is off.
          const headers = { 'X-Mock-Problem': problem, Date: new Date(now()).toUTCString() };
          return decide(answer('401', 'signatureRejected', headers), `401: ${problem}`);
        }
      }
      let fault: FaultKind | undefined;
      let faultWhy = 'Prefer: fault';
      if (prefer.fault !== undefined) {
        const kinds = ['reset', 'timeout', ...faultStatuses(operation)];
        if (!kinds.includes(prefer.fault)) {
          return refuse(
            `Prefer fault=${prefer.fault} is not a fault ${operation} can have (${kinds.join(', ')})`,
          );
        }
        fault = prefer.fault as FaultKind;
      } else {
        let threshold = 0;
        for (const candidate of conditions.faults) {
          threshold += candidate.rate;
          if (faultDraw < threshold) {
            fault = candidate.kind;
            faultWhy = `faults ${candidate.kind}=${candidate.rate}`;
            break;
          }
        }
      }
      if (fault === undefined) return decide({ kind: 'pass' });
      const what = `${fault === 'reset' ? 'connection reset' : fault === 'timeout' ? 'no answer (timeout)' : fault} (injected: ${faultWhy})`;
      if (fault === 'reset' || fault === 'timeout') return decide({ kind: fault }, what);
      return decide(answer(fault, undefined, { 'X-Mock-Fault': `${fault} (${faultWhy})` }), what);
    },
  };
}

/** `Prefer: delay=300, fault=429` (with code= and example=, which the data layer reads). */
function preferOf(header: string | null): { delay?: string; fault?: string } {
  if (header === null) return {};
  const delay = /(?:^|[,;\s])delay=([^,;\s]*)/.exec(header)?.[1];
  const fault = /(?:^|[,;\s])fault=([^,;\s]*)/.exec(header)?.[1];
  return { ...(delay === undefined ? {} : { delay }), ...(fault === undefined ? {} : { fault }) };
}
