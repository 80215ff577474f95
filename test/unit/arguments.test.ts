// The client's argument bounds are the contract's: this fails when one moves
// without the other.
import { describe, expect, it } from 'vitest';
import { PAGE_NO, PAGE_SIZE } from '../../src/arguments.ts';
import { isObject, loadContract } from '../support/contract.ts';

function parameterSchema(name: string) {
  const components = loadContract().components;
  const parameters = isObject(components) ? components.parameters : undefined;
  const parameter = isObject(parameters) ? parameters[name] : undefined;
  return isObject(parameter) && isObject(parameter.schema) ? parameter.schema : {};
}

describe('argument bounds', () => {
  it('page_size bounds and default match the contract', () => {
    const { minimum, maximum, default: fallback } = parameterSchema('PageSize');
    expect(PAGE_SIZE).toEqual({ minimum, maximum, default: fallback });
  });

  it('page_no bounds and default match the contract', () => {
    const schema = parameterSchema('PageNo');
    expect(PAGE_NO).toEqual({ default: schema.default });
    expect(schema.minimum).toBeUndefined();
    expect(schema.maximum).toBeUndefined();
  });
});
