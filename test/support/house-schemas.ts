// House strictness: what this project promises of its own examples and of
// the mock's data, beyond what the contract demands of the real gateway.
// The contract accepts whatever the sources allow (fields may be missing,
// group_domains may be null); our own data is complete and plausible, so a
// frontend developing against it sees every field.
import { fields } from '../../generated/examples.js';
import type { OperationId } from '../../generated/operations.js';

// Every field the contract names for a purchase (the generated field table).
const purchaseFields = Object.keys(fields.PurchaseBase ?? {});

const count = { type: 'integer', minimum: 0 } as const;

// `true` (anything): the contract checks the types; ajv's strict mode wants
// every required field named under properties.
const housePurchase = (domains: object) => ({
  type: 'object',
  required: [...purchaseFields, 'group_domains'],
  properties: {
    ...Object.fromEntries(purchaseFields.map((field) => [field, true])),
    quota_left: count,
    quota_used: count,
    app_secret: { const: '******' },
    group_domains: domains,
  },
});

/**
 * JSON Schemas (2020-12) applied on top of the contract's schema of the same
 * value: each operation's 200 body, and `error` for every other status.
 */
export const houseSchemas = {
  listPurchasedGroups: {
    type: 'object',
    required: ['total', 'size', 'purchases'],
    properties: {
      total: count,
      size: count,
      purchases: { type: 'array', items: housePurchase({ type: 'null' }) },
    },
  },
  getPurchasedGroup: housePurchase({
    type: 'array',
    minItems: 1,
    items: { type: 'string', format: 'hostname' },
  }),
  listPurchasedApis: {
    type: 'object',
    required: ['total', 'size', 'apis'],
    properties: {
      total: count,
      size: count,
      apis: {
        type: 'array',
        items: {
          type: 'object',
          required: Object.keys(fields.PurchasedApi ?? {}),
          // Every field a non-empty text: the page's example has all five.
          properties: Object.fromEntries(
            Object.keys(fields.PurchasedApi ?? {}).map((field) => [
              field,
              { type: 'string', minLength: 1 },
            ]),
          ),
        },
      },
    },
  },
  error: {
    type: 'object',
    required: ['error_code', 'error_msg'],
    properties: { error_code: { type: 'string', pattern: '^APIGW?\\.\\d{4}$' }, error_msg: true },
  },
} as const satisfies Record<OperationId | 'error', object>;
