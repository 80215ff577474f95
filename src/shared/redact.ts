// Takes the client's secrets out of any text it puts into an error: an
// error page or a gateway message may echo request headers, and those carry
// the token, the keys and the signature.

export type Redact = (text: string) => string;

const hidden = '[redacted]';
// Shorter values (a mock's `dev` token) are no secret worth mangling every
// message for; IAM tokens, AKs (20) and SKs (40) are far longer.
const minimum = 8;
const signature = /(Signature=)[0-9a-fA-F]{16,}/g;

/** A function that replaces every occurrence of these secrets (and any `Signature=<hex>`). */
export function redactor(values: readonly unknown[]): Redact {
  // Longest first, so a secret that contains another is hidden whole.
  const secrets = values
    .filter((value): value is string => typeof value === 'string' && value.length >= minimum)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text.replace(signature, `$1${hidden}`);
    for (const secret of secrets) result = result.split(secret).join(hidden);
    return result;
  };
}

/** A copy of an error's chain with every message redacted (the originals may quote secrets). */
export function redactedCause(cause: unknown, redact: Redact, depth = 0): unknown {
  if (!(cause instanceof Error)) return typeof cause === 'string' ? redact(cause) : cause;
  const copy = new Error(redact(cause.message), {
    ...(cause.cause !== undefined && depth < 4
      ? { cause: redactedCause(cause.cause, redact, depth + 1) }
      : {}),
  });
  copy.name = cause.name;
  return copy;
}
