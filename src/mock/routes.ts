// The two operations the mock answers, by path.
export const LIST_PATH = '/v1.0/apigw/purchases/groups';

export type Route =
  | { operation: 'listPurchasedGroups' }
  | { operation: 'getPurchasedGroup'; purchaseId: string }
  | { operation: undefined; problem?: 'malformed' };

/** Which operation a request path is, with its purchase id decoded. */
export function route(pathname: string): Route {
  if (pathname === LIST_PATH) return { operation: 'listPurchasedGroups' };
  if (!pathname.startsWith(`${LIST_PATH}/`)) return { operation: undefined };
  const segment = pathname.slice(LIST_PATH.length + 1);
  if (segment === '' || segment.includes('/')) return { operation: undefined };
  try {
    return { operation: 'getPurchasedGroup', purchaseId: decodeURIComponent(segment) };
  } catch {
    // `%ZZ`, a lone `%`, or bytes that are not UTF-8 (`%FF`, `%C0%AF`).
    return { operation: undefined, problem: 'malformed' };
  }
}

/** Whether every percent-escape of a path decodes (as UTF-8); the guard in front of Prism asks this. */
export function isWellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
