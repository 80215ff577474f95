// Which operation of the table a request path is, with its path parameters
// decoded: every `{name}` of a template matches one segment, as Prism routes
// it (an empty one too: `/groups/` is getPurchasedGroup without its id, which
// the contract refuses with a 400, not a 404).
import { type OperationId, operations } from '../../generated/operations.js';

export type Route =
  | { operation: OperationId; path: Record<string, string> }
  | { operation: undefined; problem?: 'malformed' };

const templates = Object.values(operations).map((spec) => ({
  operation: spec.operationId as OperationId,
  segments: spec.path.split('/'),
}));

/**
 * Whether every percent-escape of a URL (or a part of one) decodes as UTF-8:
 * the HTTP mock's front and the shared core (MSW) refuse the same URLs.
 */
export function decodes(url: string): boolean {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * A request target's path as Prism and fetch read it (WHATWG URL): dot
 * segments resolved, so `/v1.0/apigw/./purchases/groups` is the list.
 */
export function pathOf(target: string): string {
  try {
    return new URL(target, 'http://mock.invalid').pathname;
  } catch {
    return target.split('?')[0] ?? '/';
  }
}

export function route(pathname: string): Route {
  const segments = pathname.split('/');
  for (const template of templates) {
    if (template.segments.length !== segments.length) continue;
    const path: Record<string, string> = {};
    let matches = true;
    for (const [index, expected] of template.segments.entries()) {
      const actual = segments[index] ?? '';
      const name = /^\{(.+)\}$/.exec(expected)?.[1];
      if (name === undefined) {
        matches = actual === expected;
      } else {
        try {
          path[name] = decodeURIComponent(actual);
        } catch {
          // `%ZZ`, a lone `%`, or bytes that are not UTF-8 (`%FF`, `%C0%AF`).
          return { operation: undefined, problem: 'malformed' };
        }
      }
      if (!matches) break;
    }
    if (matches) return { operation: template.operation, path };
  }
  return { operation: undefined };
}
