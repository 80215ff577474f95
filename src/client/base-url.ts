// Where the client sends: a region's APIG endpoint (the contract's server
// URL) or a base URL of the caller's, refused at creation when it could leak
// a password or lose the operation path.
import { serverUrl } from '../../generated/operations.js';
import { ApigArgumentError } from '../shared/errors.js';

/** The base URL of `options`, without a trailing slash; every message hides user info. */
export function resolveBaseUrl({
  baseUrl,
  region,
}: {
  baseUrl?: string | undefined;
  region?: string | undefined;
}): string {
  if (baseUrl !== undefined) {
    const text = String(baseUrl);
    // A message never shows what stands before an `@`: it may be a password
    // (with a scheme, `//` alone, or neither).
    const shown = JSON.stringify(
      text.replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)?[^/?#]*@/i, '$1****@'),
    );
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new ApigArgumentError('baseUrl', `must be an absolute http(s) URL, got ${shown}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ApigArgumentError('baseUrl', `must use http or https, got ${url.protocol}`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new ApigArgumentError(
        'baseUrl',
        `must not hold a user name or password (got ${shown}): pass credentials instead`,
      );
    }
    // Operation paths are appended: after a query or a fragment they would be lost.
    if (text.includes('?') || text.includes('#')) {
      throw new ApigArgumentError(
        'baseUrl',
        `must not have a query or a fragment (got ${shown}): operation paths are appended to it`,
      );
    }
    return baseUrl.replace(/\/+$/, '');
  }
  if (region === undefined) {
    throw new ApigArgumentError('region', 'or baseUrl is required (e.g. region: "cn-north-4")');
  }
  if (typeof region !== 'string' || !/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) {
    throw new ApigArgumentError(
      'region',
      `must look like "cn-north-4", got ${JSON.stringify(region)}`,
    );
  }
  return serverUrl.replace('{region}', region);
}
