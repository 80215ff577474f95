// Walks every page of a paged list, one request at a time, whichever key
// holds its items (the operation table says: `purchases`, `apis`).

export interface PageWalk {
  /** First page number (default 1). */
  firstPage: number;
  /** Items per page; 0 asks for every item on one page. */
  pageSize: number;
  /** Hard stop, so a server that keeps answering full pages cannot loop us forever. */
  maxPages: number;
  /** The body's array of items, e.g. `purchases`. */
  items: string;
  /** The error for a page field that is not what the contract says (a `total` of "n/a"). */
  badField: (field: string, problem: string) => Error;
}

/** `total` and `size` are counts: anything else would end the walk early or never (Math.max(0, NaN)). */
function checkCounts(body: Page, walk: PageWalk): void {
  for (const field of ['total', 'size']) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
      throw walk.badField(
        field,
        `is not a count of items (got ${typeof value === 'object' && value !== null ? 'an object' : shown})`,
      );
    }
  }
  const items = body[walk.items];
  if (items !== undefined && items !== null && !Array.isArray(items)) {
    throw walk.badField(walk.items, 'is not a list of items');
  }
}

/** A page as the gateway sends it: `{ total, size, <items>: [...] }`. */
export type Page = { total?: number } & Record<string, unknown>;

/**
 * Yields every item from `firstPage` on. Stops at the first of: `total`
 * items seen (when the server sends `total`), an empty page, a short page
 * (fewer than `pageSize` items, so the last one), the one page that
 * `pageSize` 0 asks for, or `maxPages` pages read.
 */
export async function* paginate<Item>(
  fetchPage: (pageNo: number) => Promise<Page>,
  walk: PageWalk,
): AsyncGenerator<Item, void, undefined> {
  let seen = Math.max(0, walk.firstPage - 1) * walk.pageSize;
  for (let page = 0; page < walk.maxPages; page += 1) {
    const body = await fetchPage(walk.firstPage + page);
    checkCounts(body, walk);
    const { total } = body;
    const items = (body[walk.items] ?? []) as Item[];
    const wanted = total === undefined ? items.length : Math.max(0, total - seen);
    for (const item of items.slice(0, wanted)) {
      yield item;
    }
    seen += items.length;
    const last =
      items.length === 0 ||
      walk.pageSize === 0 ||
      items.length < walk.pageSize ||
      (total !== undefined && seen >= total);
    if (last) return;
  }
}
