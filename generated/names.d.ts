// GENERATED FILE - DO NOT EDIT.
// Written by `npm run generate` from openapi/ (the bundled contract): names for the contract's shapes.
// Edit the contract in openapi/ and run `npm run generate`; `npm run check:generated` fails when this file is stale.
import type { components, operations } from './schema.js';

export type PurchaseBase = components['schemas']["PurchaseBase"];
export type GroupDomains = components['schemas']["GroupDomains"];
export type PurchasedGroupSummary = components['schemas']["PurchasedGroupSummary"];
export type PurchasedGroupList = components['schemas']["PurchasedGroupList"];
export type ApigErrorBody = components['schemas']["ApigError"];
export type PurchasedGroup = components['schemas']["PurchasedGroup"];
export type PurchasedApi = components['schemas']["PurchasedApi"];
export type PurchasedApiList = components['schemas']["PurchasedApiList"];
/** The query of listPurchasedGroups (every parameter optional unless the contract says otherwise). */
export type ListPurchasedGroupsQuery = NonNullable<operations["listPurchasedGroups"]['parameters']['query']>;
/** The query of listPurchasedApis (every parameter optional unless the contract says otherwise). */
export type ListPurchasedApisQuery = NonNullable<operations["listPurchasedApis"]['parameters']['query']>;
