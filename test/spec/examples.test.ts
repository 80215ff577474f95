// Every example the contract shows, and Huawei's own examples, must be valid
// against the contract's schemas: the mock serves them and users copy them.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  documentedResponses,
  isObject,
  type Json,
  type JsonObject,
  loadContract,
  repoRoot,
  resolveRef,
} from '../support/contract.ts';
import { createContractValidator } from '../support/schema-validator.ts';

const contract = loadContract();
const validatorFor = createContractValidator(contract);

interface NamedExample {
  where: string;
  schema: Json;
  value: Json;
}

function responseExamples(): NamedExample[] {
  return documentedResponses(contract).flatMap(({ operationId, status, response }) => {
    const content = isObject(response.content) ? response.content : {};
    return Object.entries(content).flatMap(([mediaType, media]) => {
      if (!isObject(media) || !isObject(media.examples)) return [];
      return Object.entries(media.examples).map(([name, example]) => {
        const resolved = resolveRef(contract, example);
        return {
          where: `${operationId} ${status} ${mediaType} example "${name}"`,
          schema: media.schema ?? null,
          value: isObject(resolved) ? (resolved.value ?? null) : null,
        };
      });
    });
  });
}

function parameterExamples(): NamedExample[] {
  const parameters = isObject(contract.components) ? contract.components.parameters : undefined;
  if (!isObject(parameters)) return [];
  return Object.entries(parameters).flatMap(([name, parameter]) => {
    if (!isObject(parameter) || !isObject(parameter.schema)) return [];
    const { schema } = parameter;
    const values = [
      ...(Array.isArray(schema.examples) ? schema.examples : []),
      ...(schema.default === undefined ? [] : [schema.default]),
    ];
    return values.map((value) => ({
      where: `parameter ${name} value ${JSON.stringify(value)}`,
      schema,
      value,
    }));
  });
}

/** The JSON response example printed in one of Huawei's seed pages. */
function seedExample(fileStart: string): Json {
  const seeds = new URL('../shared/seeds/', `file://${repoRoot}`);
  const file = readdirSync(seeds).find((name) => name.startsWith(fileStart));
  if (!file) throw new Error(`no seed ${fileStart}* in ${seeds.pathname}`);
  const text = readFileSync(new URL(file, seeds), 'utf8');
  const start = text.indexOf('{', text.search(/响应参数样例|Example response/));
  let depth = 0;
  for (let end = start; end < text.length; end += 1) {
    if (text[end] === '{') depth += 1;
    if (text[end] === '}') depth -= 1;
    if (depth === 0) return JSON.parse(text.slice(start, end + 1)) as Json;
  }
  throw new Error(`unbalanced JSON in seed ${file}`);
}

const listSchema = { $ref: '#/components/schemas/PurchasedGroupList' };
const detailSchema = { $ref: '#/components/schemas/PurchasedGroup' };

describe('contract examples', () => {
  const examples = [...responseExamples(), ...parameterExamples()];

  it('covers every documented response with at least one example', () => {
    const withoutExample = documentedResponses(contract).filter(
      ({ operationId, status }) =>
        !examples.some((e) => e.where.startsWith(`${operationId} ${status} `)),
    );
    expect(withoutExample.map((r) => `${r.operationId} ${r.status}`)).toEqual([]);
  });

  it.each(examples.map((e) => [e.where, e] as const))(
    '%s is valid against its schema',
    (_, example) => {
      const validate = validatorFor(example.schema);
      validate(example.value);
      expect(validate.errors ?? []).toEqual([]);
    },
  );
});

describe("Huawei's documented examples", () => {
  it('the list example (Chinese page) validates unchanged', () => {
    const validate = validatorFor(listSchema);
    for (const seed of ['000_', '001_']) {
      validate(seedExample(seed));
      expect(validate.errors ?? [], `seed ${seed}`).toEqual([]);
    }
  });

  it('the list example in the contract is the seed, verbatim', () => {
    const seedList = resolveRef(contract, { $ref: '#/components/examples/seedList' }) as JsonObject;
    expect(seedList.value).toEqual(seedExample('001_'));
  });

  it('the detail example fails only on its spaced timestamps, and the contract fixes just those', () => {
    const raw = seedExample('002_') as JsonObject;
    const validate = validatorFor(detailSchema);
    validate(raw);
    const failing = (validate.errors ?? []).map(
      (error) => `${error.instancePath} ${error.keyword}`,
    );
    expect(failing.sort()).toEqual([
      '/expire_time format',
      '/order_time format',
      '/start_time format',
    ]);

    const fixed = Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [
        key,
        key.endsWith('_time') && typeof value === 'string' ? value.replaceAll(': ', ':') : value,
      ]),
    );
    validate(fixed);
    expect(validate.errors ?? []).toEqual([]);
    const seedDetail = resolveRef(contract, {
      $ref: '#/components/examples/seedDetail',
    }) as JsonObject;
    expect(seedDetail.value).toEqual(fixed);
  });

  it('rejects what the contract forbids (the validator is not a rubber stamp)', () => {
    const validate = validatorFor(detailSchema);
    const good = resolveRef(contract, { $ref: '#/components/examples/seedDetail' }) as JsonObject;
    const value = good.value as JsonObject;
    expect(validate({ ...value, quota_left: '2000000000' })).toBe(false);
    expect(validate({ ...value, quota_used: -1 })).toBe(false);
    expect(validate({ ...value, group_domains: null })).toBe(false);
    expect(validate({ ...value, group_domains: ['not a host name'] })).toBe(false);
    const errorValidate = validatorFor({ $ref: '#/components/schemas/ApigError' });
    expect(errorValidate({ error_code: 'APIG.30140', error_msg: 'x' })).toBe(false);
    expect(errorValidate({ error_code: 'APIG.3014' })).toBe(false);
  });
});
