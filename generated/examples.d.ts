// GENERATED FILE - DO NOT EDIT.
// Written by `npm run generate` from openapi/ (the bundled contract): every named example, by operation and status; the fields of every object schema.
// Edit the contract in openapi/ and run `npm run generate`; `npm run check:generated` fails when this file is stale.
import type { components } from './schema.js';
import type { OperationId } from './operations.js';

export interface NamedExample {
  readonly name: string;
  readonly value: unknown;
}

export declare const examples: {
  readonly [Id in OperationId]: { readonly [status: string]: readonly NamedExample[] };
};

/** The gateway's answer to a path it has no API for (ApigError's x-unrouted-error). */
export declare const unroutedError: components['schemas']['ApigError'];

export interface Field {
  readonly type: string;
  readonly format?: string;
  /** The type of an array's items. */
  readonly items?: string;
}

export declare const fields: {
  readonly [Schema in keyof components['schemas']]?: { readonly [field: string]: Field };
};
