// A key as one token of a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`.
// The package's data checks and the repository's tools (lib/json.ts) share it.
export const escapePointerToken = (key: string): string =>
  key.replaceAll('~', '~0').replaceAll('/', '~1');
