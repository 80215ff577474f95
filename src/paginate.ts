// Walks every page of the list, one request at a time.
import type { PurchasedGroupList, PurchasedGroupSummary } from './types.js';

export interface PageWalk {
  /** First page number (default 1). */
  firstPage: number;
  /** Items per page; 0 asks for every item on one page. */
  pageSize: number;
  /** Hard stop, so a server that keeps answering full pages cannot loop us forever. */
  maxPages: number;
}

/**
 * Yields every purchase from `firstPage` on. Stops at the first of: `total`
 * items seen (when the server sends `total`), an empty page, a short page
 * (fewer than `pageSize` items, so the last one), the one page that
 * `pageSize` 0 asks for, or `maxPages` pages read.
 */
export async function* paginate(
  fetchPage: (pageNo: number) => Promise<PurchasedGroupList>,
  walk: PageWalk,
): AsyncGenerator<PurchasedGroupSummary, void, undefined> {
  let seen = Math.max(0, walk.firstPage - 1) * walk.pageSize;
  for (let page = 0; page < walk.maxPages; page += 1) {
    const { total, purchases = [] } = await fetchPage(walk.firstPage + page);
    const wanted = total === undefined ? purchases.length : Math.max(0, total - seen);
    for (const purchase of purchases.slice(0, wanted)) {
      yield purchase;
    }
    seen += purchases.length;
    const last =
      purchases.length === 0 ||
      walk.pageSize === 0 ||
      purchases.length < walk.pageSize ||
      (total !== undefined && seen >= total);
    if (last) return;
  }
}
