// Type-level pins on the generated types: `npm test` type-checks this file
// (tsc), so a contract change that alters these shapes fails the build.
import { describe, expectTypeOf, it } from 'vitest';
import type { components, operations, paths } from '../../generated/schema.d.ts';

type Schemas = components['schemas'];
type ListItem = Schemas['PurchasedGroupList']['purchases'][number];
type Detail = Schemas['PurchasedGroup'];

describe('generated types', () => {
  it('quota and counters are numbers', () => {
    expectTypeOf<ListItem['quota_left']>().toEqualTypeOf<number>();
    expectTypeOf<ListItem['quota_used']>().toEqualTypeOf<number>();
    expectTypeOf<Detail['quota_left']>().toEqualTypeOf<number>();
    expectTypeOf<Schemas['PurchasedGroupList']['total']>().toEqualTypeOf<number>();
    expectTypeOf<Schemas['PurchasedGroupList']['size']>().toEqualTypeOf<number>();
  });

  it('group_domains is string[] in the detail and never a list in the list', () => {
    expectTypeOf<Detail['group_domains']>().toEqualTypeOf<string[]>();
    expectTypeOf<ListItem['group_domains']>().toEqualTypeOf<null | undefined>();
  });

  it('timestamps and ids are strings, all common fields required', () => {
    expectTypeOf<Detail['order_time']>().toEqualTypeOf<string>();
    expectTypeOf<ListItem['id']>().toEqualTypeOf<string>();
    expectTypeOf<Pick<ListItem, 'id' | 'app_key' | 'expire_time'>>().toEqualTypeOf<{
      id: string;
      app_key: string;
      expire_time: string;
    }>();
  });

  it('the error body has error_code, error_msg and an optional request_id', () => {
    expectTypeOf<Schemas['ApigError']>().toEqualTypeOf<{
      error_code: string;
      error_msg: string;
      request_id?: string;
    }>();
  });

  it('operations expose their documented statuses', () => {
    expectTypeOf<keyof operations['listPurchasedGroups']['responses']>().toEqualTypeOf<
      200 | 400 | 401 | 500
    >();
    expectTypeOf<keyof operations['getPurchasedGroup']['responses']>().toEqualTypeOf<
      200 | 400 | 401 | 403 | 404
    >();
    expectTypeOf<
      NonNullable<paths['/v1.0/apigw/purchases/groups']['get']['parameters']['query']>['page_size']
    >().toEqualTypeOf<number | undefined>();
    expectTypeOf<
      paths['/v1.0/apigw/purchases/groups/{purchase_id}']['get']['parameters']['path']['purchase_id']
    >().toEqualTypeOf<string>();
  });
});
