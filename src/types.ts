// Names for the generated shapes the client hands out: a name for every
// component schema of the contract and for every operation's query, written
// by `npm run generate` into generated/names.d.ts. Nothing is restated here.
export type * from '../generated/names.js';
