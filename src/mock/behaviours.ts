// What stays per operation in the mock: its data behaviour. Everything else
// (routing, 401, 400 from the contract's bounds, Prefer, paging, MSW
// handlers) enumerates the operation table. A new operation of the contract
// fails to compile here until it says which collection it serves, and which
// filters match exactly and which by substring.
import type { OperationId } from '../../generated/operations.js';
import type { operations } from '../../generated/schema.js';

/**
 * The collections of the mock's data: each item of a component schema, its
 * key, the fields the data must mask, and the fields that name an item of
 * another collection (checked by checkDataset).
 */
export const collections = {
  purchases: { schema: 'PurchasedGroup', key: 'id', masked: { app_secret: '******' } },
  apis: { schema: 'PurchasedApi', key: 'id', references: { purchase_id: 'purchases' } },
} as const;

type Item = Record<string, unknown>;
type Collection = keyof typeof collections;
/** The checked data (dataset.ts's MockData), as the filters read it. */
type Data = { readonly [Name in Collection]: readonly Item[] };

/** The names of an operation's query and path parameters, from the generated types. */
type QueryName<Id extends OperationId> = keyof NonNullable<operations[Id]['parameters']['query']> &
  string;
type PathName<Id extends OperationId> = keyof NonNullable<operations[Id]['parameters']['path']> &
  string;

/** A query filter: the item matches when `value(item)` equals (or contains) the parameter. */
export interface Filter<Parameter extends string = string> {
  parameter: Parameter;
  match: 'exact' | 'substring';
  value: (item: Item, data: Data) => unknown;
}

/**
 * An operation's behaviour, its parameter names typed by the contract's: a
 * parameter renamed in the contract fails `tsc` here instead of silently
 * filtering nothing.
 */
export type Behaviour<Id extends OperationId> =
  /** A paged list of a collection, filters combined with AND; `show` is how the list shows an item. */
  | {
      kind: 'list';
      collection: Collection;
      filters: Filter<QueryName<Id>>[];
      show?: (item: Item) => Item;
    }
  /** One item of a collection, looked up by a path parameter; unknown is the contract's 404. */
  | { kind: 'item'; collection: Collection; parameter: PathName<Id>; field: string };

/** Any operation's behaviour, as the mock's core reads it. */
export type AnyBehaviour =
  | { kind: 'list'; collection: Collection; filters: Filter[]; show?: (item: Item) => Item }
  | { kind: 'item'; collection: Collection; parameter: string; field: string };

const exact = <Parameter extends string>(
  parameter: Parameter,
  field: string = parameter,
): Filter<Parameter> => ({
  parameter,
  match: 'exact',
  value: (item) => item[field],
});
const substring = <Parameter extends string>(
  parameter: Parameter,
  field: string = parameter,
): Filter<Parameter> => ({
  parameter,
  match: 'substring',
  value: (item) => item[field],
});

// Purchases by id, built once per dataset: filtering the APIs by group looks
// one up per API, and a scan each time made a request quadratic in the data
// (24,000 of each: about a second per request, on the loop the server shares).
const purchasesById = new WeakMap<Data, Map<unknown, Data['purchases'][number]>>();
const purchaseOf = (data: Data, id: unknown) => {
  let index = purchasesById.get(data);
  if (index === undefined) {
    index = new Map(data.purchases.map((purchase) => [purchase.id, purchase]));
    purchasesById.set(data, index);
  }
  return index.get(id);
};

/** A field of the purchase an API belongs to (its `purchase_id`): how the APIs list filters by group. */
const ofPurchase = <Parameter extends 'group_id' | 'group_name'>(
  parameter: Parameter,
  match: Filter['match'],
): Filter<Parameter> => ({
  parameter,
  match,
  value: (api, data) => purchaseOf(data, api.purchase_id)?.[parameter],
});

export const behaviours = {
  listPurchasedGroups: {
    kind: 'list',
    collection: 'purchases',
    filters: [exact('id'), exact('group_id'), substring('group_name')],
    // As the list shows a purchase: no domain names (the seed sends `null`).
    show: (purchase) => ({ ...purchase, group_domains: null }),
  },
  getPurchasedGroup: {
    kind: 'item',
    collection: 'purchases',
    parameter: 'purchase_id',
    field: 'id',
  },
  // The page does not say how its conditions combine: the same AND, exact ids
  // and substring names as the groups list; group_id and group_name through
  // the API's purchase.
  listPurchasedApis: {
    kind: 'list',
    collection: 'apis',
    filters: [
      exact('api_id', 'id'),
      substring('api_name', 'name'),
      ofPurchase('group_id', 'exact'),
      ofPurchase('group_name', 'substring'),
    ],
  },
} satisfies { [Id in OperationId]: Behaviour<Id> };
