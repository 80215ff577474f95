// Every example the contract shows, and Huawei's own examples, must be valid
// against the contract's schemas: the mock serves them and users copy them.
import { describe, expect, it } from 'vitest';
import type { OperationId } from '../../generated/operations.js';
import { route } from '../../src/mock/routes.ts';
import {
  documentedResponses,
  isObject,
  type Json,
  type JsonObject,
  loadContract,
  resolveRef,
} from '../support/contract.ts';
import { loadGatewayTraffic, trafficMember } from '../support/gateway-traffic.ts';
import { houseSchemas } from '../support/house-schemas.ts';
import { createContractValidator } from '../support/schema-validator.ts';

const contract = loadContract();
const validatorFor = createContractValidator(contract);

interface NamedExample {
  where: string;
  schema: Json;
  value: Json;
}

type ResponseExample = NamedExample & { operationId: OperationId; status: string };

function responseExamples(): ResponseExample[] {
  return documentedResponses(contract).flatMap(({ operationId, status, response }) => {
    const content = isObject(response.content) ? response.content : {};
    return Object.entries(content).flatMap(([mediaType, media]) => {
      if (!isObject(media) || !isObject(media.examples)) return [];
      return Object.entries(media.examples).map(([name, example]) => {
        const resolved = resolveRef(contract, example);
        return {
          operationId: operationId as OperationId,
          status,
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

/** The JSON body of a corpus member, parsed. */
const bodyOf = (name: string): JsonObject => JSON.parse(trafficMember(name).response.body);

/** The schema of a member's answer: the 200 body of the operation its path is, or ApigError. */
function schemaFor(path: string, status: number): Json {
  if (status !== 200) return { $ref: '#/components/schemas/ApigError' };
  const { operation } = route(path);
  const ok = documentedResponses(contract).find(
    (pair) => pair.operationId === operation && pair.status === '200',
  );
  const media = isObject(ok?.response.content)
    ? ok.response.content['application/json']
    : undefined;
  if (!isObject(media)) throw new Error(`no operation documents a 200 body for ${path}`);
  return media.schema ?? null;
}

describe('the contract accepts what the real gateway sends (test/fixtures/gateway-traffic)', () => {
  const members = loadGatewayTraffic().filter((member) => !member.documentationArtifact);

  it.each(members.map((m) => [`${m.name} (${m.source})`, m] as const))('%s', (_, member) => {
    const validate = validatorFor(schemaFor(member.request.path, member.response.status));
    validate(JSON.parse(member.response.body));
    expect(validate.errors ?? []).toEqual([]);
  });

  it('covers the gateway error families, null and [] domains, and the default subdomain', () => {
    const codes = members.map((m) => (JSON.parse(m.response.body) as JsonObject).error_code);
    expect(codes).toEqual(expect.arrayContaining(['APIGW.0301', 'APIGW.0308', 'APIG.1000']));
    const items = (bodyOf('list-all-domains-null-or-empty').purchases ?? []) as JsonObject[];
    expect(items.map((item) => item.group_domains)).toEqual([null, [], undefined]);
    expect(bodyOf('detail-default-subdomain').group_domains).toContainEqual(
      expect.stringMatching(/\.apic\.cn-north-4\.huaweicloudapis\.com$/),
    );
  });
});

describe("Huawei's documented examples", () => {
  it('the list example (Chinese page) validates unchanged', () => {
    const validate = validatorFor(listSchema);
    validate(bodyOf('seed-list'));
    expect(validate.errors ?? []).toEqual([]);
  });

  it('the list example in the contract is the seed, verbatim', () => {
    const seedList = resolveRef(contract, { $ref: '#/components/examples/seedList' }) as JsonObject;
    expect(seedList.value).toEqual(bodyOf('seed-list'));
  });

  it('the detail example fails only on its spaced timestamps, and the contract fixes just those', () => {
    const member = trafficMember('seed-detail');
    const raw = bodyOf('seed-detail');
    expect(String(raw.order_time)).toBe('2018-01-02T10: 51: 26Z');
    const validate = validatorFor(detailSchema);
    validate(raw);
    const failing = (validate.errors ?? []).map(
      (error) => `${error.instancePath} ${error.keyword}`,
    );
    expect(failing.sort()).toEqual(
      (member.documentationArtifact?.violations ?? []).map((pointer) => `${pointer} format`),
    );

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
    expect(validate({ ...value, quota_used: 1.5 })).toBe(false);
    expect(validate({ ...value, group_domains: 'test.market.example.com' })).toBe(false);
    expect(validate({ ...value, group_domains: [42] })).toBe(false);
    expect(validate({ ...value, start_time: '2018-01-01' })).toBe(false);
    const errorValidate = validatorFor({ $ref: '#/components/schemas/ApigError' });
    expect(errorValidate({ error_code: '', error_msg: 'x' })).toBe(false);
    expect(errorValidate({ error_code: 'APIG.3014' })).toBe(false);
  });
});

describe('house strictness: our own examples are complete and plausible', () => {
  const house = (schema: Json) => validatorFor(schema);
  const cases: [string, Json, Json][] = responseExamples().map((example) => {
    const strict =
      example.status === '200' ? houseSchemas[example.operationId] : houseSchemas.error;
    return [example.where, strict as unknown as Json, example.value];
  });

  it.each(cases)('%s', (_, schema, value) => {
    const validate = house(schema);
    validate(value);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('catches what the contract lets through but our data must not do', () => {
    const detail = house(houseSchemas.getPurchasedGroup as unknown as Json);
    const value = resolveRef(contract, { $ref: '#/components/examples/seedDetail' }) as JsonObject;
    const { quota_left: _dropped, ...incomplete } = value.value as JsonObject;
    expect(detail(incomplete)).toBe(false);
    expect(detail({ ...(value.value as JsonObject), group_domains: ['not a host'] })).toBe(false);
    expect(detail({ ...(value.value as JsonObject), quota_used: -1 })).toBe(false);
  });
});
