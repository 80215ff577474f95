// GENERATED FILE - DO NOT EDIT.
// Written by `npm run generate` from openapi/ (the bundled contract): names for the contract's shapes, as answers carry them (Readable: no writeOnly property).
// Edit the contract in openapi/ and run `npm run generate`; `npm run check:generated` fails when this file is stale.
import type { components, operations, Readable } from './schema.js';

export type PurchaseBase = Readable<components['schemas']["PurchaseBase"]>;
export type GroupDomains = Readable<components['schemas']["GroupDomains"]>;
export type PurchasedGroupSummary = Readable<components['schemas']["PurchasedGroupSummary"]>;
export type PurchasedGroupList = Readable<components['schemas']["PurchasedGroupList"]>;
export type ApigErrorBody = Readable<components['schemas']["ApigError"]>;
export type PurchasedGroup = Readable<components['schemas']["PurchasedGroup"]>;
export type PurchasedApi = Readable<components['schemas']["PurchasedApi"]>;
export type PurchasedApiList = Readable<components['schemas']["PurchasedApiList"]>;
/** The query of listPurchasedGroups (every parameter optional unless the contract says otherwise). */
export type ListPurchasedGroupsQuery = NonNullable<operations["listPurchasedGroups"]['parameters']['query']>;
/** The query of listPurchasedApis (every parameter optional unless the contract says otherwise). */
export type ListPurchasedApisQuery = NonNullable<operations["listPurchasedApis"]['parameters']['query']>;
