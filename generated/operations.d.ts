// GENERATED FILE - DO NOT EDIT.
// Written by `npm run generate` from openapi/ (the bundled contract): the operation table.
// Edit the contract in openapi/ and run `npm run generate`; `npm run check:generated` fails when this file is stale.
import type { operations as Ops, Readable } from './schema.js';

export interface QueryParameter {
  readonly name: string;
  readonly type: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: unknown;
}

export interface OperationSpec {
  readonly operationId: string;
  readonly method: string;
  /** The path template, e.g. `/v1.0/apigw/purchases/groups/{purchase_id}`. */
  readonly path: string;
  readonly summary: string;
  /** In path order; `argument` is the method's parameter name. */
  readonly pathParameters: readonly { readonly name: string; readonly argument: string }[];
  readonly queryParameters: readonly QueryParameter[];
  /** Each documented status with the names of its examples, the first being the default. */
  readonly statuses: { readonly [status: string]: readonly string[] };
  /** A paged list: the body's items key, the paging parameters, the iterator's name. */
  readonly list?: {
    readonly items: string;
    readonly pageSize: string;
    readonly pageNo: string;
    readonly iterator: string;
  };
}

export type OperationId = "listPurchasedGroups" | "getPurchasedGroup" | "listPurchasedApis";

/** An operation's query: its parameters, or no key at all when it has none (yet). */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Query } }
  ? [NonNullable<Query>] extends [never]
    ? Record<string, never>
    : NonNullable<Query>
  : Record<string, never>;

export declare const operations: {
  readonly [Id in OperationId]: OperationSpec & { readonly operationId: Id };
};

/** The contract's server URL template (servers[0].url). */
export declare const serverUrl: "https://apig.{region}.myhuaweicloud.com";

/** The response header that carries the request id (documented on the contract's answers). */
export declare const requestIdHeader: "X-Request-Id";

/** One typed method per operation, one iterator per paged list; `Call` and `Iterate` are the client's options. */
export interface OperationMethods<Call, Iterate> {
  /** List purchased API groups (`GET /v1.0/apigw/purchases/groups`). */
  listPurchasedGroups(query?: QueryOf<Ops["listPurchasedGroups"]>, options?: Call): Promise<Readable<Ops["listPurchasedGroups"]['responses'][200]['content']['application/json']>>;
  /** Every item of listPurchasedGroups across pages (`page_size` per request, from `page_no`). */
  iteratePurchasedGroups(query?: QueryOf<Ops["listPurchasedGroups"]>, options?: Iterate): AsyncGenerator<NonNullable<Readable<Ops["listPurchasedGroups"]['responses'][200]['content']['application/json']>["purchases"]>[number], void, undefined>;
  /** Get one purchased API group (`GET /v1.0/apigw/purchases/groups/{purchase_id}`). */
  getPurchasedGroup(purchaseId: string, query?: QueryOf<Ops["getPurchasedGroup"]>, options?: Call): Promise<Readable<Ops["getPurchasedGroup"]['responses'][200]['content']['application/json']>>;
  /** List purchased APIs (`GET /v1.0/apigw/purchases/apis`). */
  listPurchasedApis(query?: QueryOf<Ops["listPurchasedApis"]>, options?: Call): Promise<Readable<Ops["listPurchasedApis"]['responses'][200]['content']['application/json']>>;
  /** Every item of listPurchasedApis across pages (`page_size` per request, from `page_no`). */
  iteratePurchasedApis(query?: QueryOf<Ops["listPurchasedApis"]>, options?: Iterate): AsyncGenerator<NonNullable<Readable<Ops["listPurchasedApis"]['responses'][200]['content']['application/json']>["apis"]>[number], void, undefined>;
}
