// JSON Schema 2020-12 validation against the contract's own schemas, with
// formats (date-time, hostname) checked, as the contract tests need it.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Json, JsonObject } from './contract.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under Node ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const contractId = 'https://apig-purchases.test/openapi.json';

export function createContractValidator(contract: JsonObject): (schema: Json) => ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // The OpenAPI document is not a schema; declaring its top-level keys lets
  // strict mode accept it while every schema inside is still checked strictly.
  for (const keyword of Object.keys(contract)) {
    if (!ajv.RULES.keywords[keyword]) ajv.addKeyword({ keyword });
  }
  // Extensions (`x-…`) annotate a schema; they validate nothing.
  for (const keyword of extensionsIn(contract)) {
    if (!ajv.RULES.keywords[keyword]) ajv.addKeyword({ keyword });
  }
  ajv.addSchema({ ...contract, $id: contractId });
  const cache = new Map<string, ValidateFunction>();
  return (schema) => {
    const key = JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) {
      // Local refs (#/components/...) resolve against the contract document.
      const rebased = JSON.parse(key.replaceAll('"$ref":"#/', `"$ref":"${contractId}#/`)) as object;
      validate = ajv.compile(rebased);
      cache.set(key, validate);
    }
    return validate;
  };
}

/** Every `x-…` key anywhere in `value`. */
function extensionsIn(value: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) extensionsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('x-')) found.add(key);
      extensionsIn(inner as Json, found);
    }
  }
  return found;
}
