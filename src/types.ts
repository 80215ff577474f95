// Names for the generated shapes the client hands out. Nothing is restated:
// every type is picked from generated/schema.d.ts.
import type { components, operations } from '../generated/schema.js';

type Schemas = components['schemas'];

/** Filters and paging of `listPurchasedGroups` (all optional). */
export type ListPurchasedGroupsQuery = NonNullable<
  operations['listPurchasedGroups']['parameters']['query']
>;
/** One page: `{ total, size, purchases }`. */
export type PurchasedGroupList = Schemas['PurchasedGroupList'];
/** A purchase as the list returns it (`group_domains` null or absent). */
export type PurchasedGroupSummary = NonNullable<PurchasedGroupList['purchases']>[number];
/** A purchase as the detail returns it, with its `group_domains`. */
export type PurchasedGroup = Schemas['PurchasedGroup'];
/** The APIG error body: `{ error_code, error_msg, request_id? }`. */
export type ApigErrorBody = Schemas['ApigError'];
