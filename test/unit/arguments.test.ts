// The client's argument checks are the contract's: for every query parameter
// of every operation, read from the bundled contract (not from the table the
// client uses), a value at a bound is sent and one past it is refused by name
// before any request; an unknown parameter is refused naming the operation.
import { describe, expect, it } from 'vitest';
import { ApigArgumentError, createPurchasesClient } from '../../src/index.ts';
import { isObject, type Json, loadContract, resolveRef } from '../support/contract.ts';

const contract = loadContract();

interface Parameter {
  operationId: string;
  name: string;
  schema: Record<string, Json>;
  pathParameters: number;
}

const parameters: Parameter[] = Object.values(isObject(contract.paths) ? contract.paths : {})
  .flatMap((item) => Object.values(isObject(item) ? item : {}))
  .filter(isObject)
  .flatMap((operation) => {
    const all = (Array.isArray(operation.parameters) ? operation.parameters : [])
      .map((parameter) => resolveRef(contract, parameter))
      .filter(isObject);
    const inPath = all.filter((parameter) => parameter.in === 'path').length;
    return all
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => ({
        operationId: String(operation.operationId),
        name: String(parameter.name),
        schema: (isObject(parameter.schema) ? parameter.schema : {}) as Record<string, Json>,
        pathParameters: inPath,
      }));
  });

function recordingClient() {
  const sent: URL[] = [];
  const client = createPurchasesClient({
    baseUrl: 'http://127.0.0.1:9',
    credentials: { token: 't' },
    retry: false,
    fetch: async (request) => {
      sent.push(new URL(request.url));
      return Response.json({ total: 0, size: 0 });
    },
  });
  const callWith = (parameter: Parameter, query: Record<string, unknown>) => {
    const method = (client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[
      parameter.operationId
    ];
    if (!method) throw new Error(`the client has no method ${parameter.operationId}`);
    return method(...Array(parameter.pathParameters).fill('some-id'), query);
  };
  return { sent, callWith };
}

describe('query arguments, checked against the contract before any request', () => {
  it('covers every query parameter of the contract', () => {
    expect(parameters.length).toBeGreaterThanOrEqual(5);
  });

  const bounded = parameters.filter(
    (p) => typeof p.schema.minimum === 'number' || typeof p.schema.maximum === 'number',
  );
  it.each(bounded.map((p) => [`${p.operationId} ${p.name}`, p] as const))(
    '%s: sent at its bounds, refused past them',
    async (_, parameter) => {
      const { sent, callWith } = recordingClient();
      for (const bound of [parameter.schema.minimum, parameter.schema.maximum]) {
        if (typeof bound !== 'number') continue;
        await callWith(parameter, { [parameter.name]: bound });
        expect(sent.at(-1)?.searchParams.get(parameter.name)).toBe(String(bound));
      }
      const before = sent.length;
      for (const [bound, step] of [
        [parameter.schema.minimum, -1],
        [parameter.schema.maximum, 1],
      ] as const) {
        if (typeof bound !== 'number') continue;
        const error = await callWith(parameter, { [parameter.name]: bound + step }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ApigArgumentError);
        expect((error as ApigArgumentError).parameter).toBe(parameter.name);
      }
      expect(sent.length).toBe(before);
    },
  );

  const unbounded = parameters.filter(
    (p) => p.schema.type === 'integer' && p.schema.minimum === undefined,
  );
  it.each(unbounded.map((p) => [`${p.operationId} ${p.name}`, p] as const))(
    '%s: no bound in the contract, so any integer is sent',
    async (_, parameter) => {
      const { sent, callWith } = recordingClient();
      await callWith(parameter, { [parameter.name]: -3 });
      expect(sent.at(-1)?.searchParams.get(parameter.name)).toBe('-3');
    },
  );

  it.each([...new Set(parameters.map((p) => p.operationId))])(
    '%s refuses a parameter the contract does not define, listing those it does',
    async (operationId) => {
      const own = parameters.filter((p) => p.operationId === operationId);
      const { callWith } = recordingClient();
      const error = await callWith(own[0] as Parameter, { nope: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApigArgumentError);
      expect((error as Error).message).toBe(
        `nope is not a parameter of ${operationId} (expected one of ${own.map((p) => p.name).join(', ')})`,
      );
    },
  );
});
