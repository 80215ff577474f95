// Walks every page of the list, one request at a time.
import type { PurchasedGroupList, PurchasedGroupSummary } from './types.js';

export interface PageWalk {
  /** First page number (default 1). */
  firstPage: number;
  pageSize: number;
  /** Hard stop, so a server that keeps answering full pages cannot loop us forever. */
  maxPages: number;
}

/**
 * Yields every purchase from `firstPage` on. Stops at the first of: `total`
 * items seen, an empty page, a short page (fewer than `pageSize` items, so
 * the last one), or `maxPages` pages read.
 */
export async function* paginate(
  fetchPage: (pageNo: number) => Promise<PurchasedGroupList>,
  walk: PageWalk,
): AsyncGenerator<PurchasedGroupSummary, void, undefined> {
  let seen = (walk.firstPage - 1) * walk.pageSize;
  for (let page = 0; page < walk.maxPages; page += 1) {
    const { total, purchases } = await fetchPage(walk.firstPage + page);
    for (const purchase of purchases.slice(0, Math.max(0, total - seen))) {
      yield purchase;
    }
    seen += purchases.length;
    if (purchases.length === 0 || purchases.length < walk.pageSize || seen >= total) return;
  }
}
