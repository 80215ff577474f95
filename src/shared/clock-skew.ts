// The gateway's clock against ours, for AK/SK: APIG rejects a signature
// whose X-Sdk-Date is more than 15 minutes from its own clock, and a skewed
// client clock is a classic cause of a 401 APIGW.0301. Every answer carries
// an HTTP `Date` header, so the offset can be measured and named.

/** The clock AK/SK signatures are dated by: the local clock plus a learnt offset. */
export interface SigningClock {
  /** Added to Date.now() when signing (0 until a correction is learnt). */
  offsetMs: number;
}

/** APIG's tolerance for X-Sdk-Date (Huawei's AK/SK signing guide). */
export const GATEWAY_TOLERANCE_MS = 15 * 60_000;
/** An offset from this size on is named in a 401's error, and corrected when asked. */
export const SKEW_NOTICE_MS = 5 * 60_000;

export const signingDate = (clock: SigningClock): Date => new Date(Date.now() + clock.offsetMs);

/** Gateway time minus local time in ms, from an answer's `Date` header; undefined if unreadable. */
export function gatewaySkewMs(dateHeader: string | null, localMs: number): number | undefined {
  if (dateHeader === null) return undefined;
  const gateway = Date.parse(dateHeader);
  return Number.isNaN(gateway) ? undefined : gateway - localMs;
}

/** `17 min 12 s`, `1 h 3 min 0 s`, `45 s`. */
export function formatOffset(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${min} min ${s} s`;
  return min > 0 ? `${min} min ${s} s` : `${s} s`;
}

/** "your clock is 17 min 12 s behind the gateway's" (skew > 0: the gateway is ahead). */
export function describeSkew(skewMs: number): string {
  return `your clock is ${formatOffset(skewMs)} ${skewMs > 0 ? 'behind' : 'ahead of'} the gateway's`;
}
