// Type-level pins on the generated types: `npm test` type-checks this file
// (tsc), so a contract change that alters these shapes fails the build.
// The shapes follow what the sources guarantee (issue 8): the pages list the
// response fields without a "mandatory" column, so every field is optional.
import { describe, expectTypeOf, it } from 'vitest';
import type { components, operations, paths } from '../../generated/schema.d.ts';

type Schemas = components['schemas'];
type ListItem = NonNullable<Schemas['PurchasedGroupList']['purchases']>[number];
type Detail = Schemas['PurchasedGroup'];

describe('generated types', () => {
  it('quota and counters are numbers, when sent', () => {
    expectTypeOf<ListItem['quota_left']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListItem['quota_used']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Detail['quota_left']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Schemas['PurchasedGroupList']['total']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Schemas['PurchasedGroupList']['size']>().toEqualTypeOf<number | undefined>();
  });

  it('group_domains is a list of strings or null, in the detail and in the list', () => {
    expectTypeOf<NonNullable<Detail['group_domains']>>().toEqualTypeOf<string[]>();
    expectTypeOf<Detail['group_domains']>().toEqualTypeOf<string[] | null | undefined>();
    expectTypeOf<ListItem['group_domains']>().toEqualTypeOf<string[] | null | undefined>();
  });

  it('timestamps and ids are strings, and none of the fields is promised', () => {
    expectTypeOf<Detail['order_time']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Pick<ListItem, 'id' | 'app_key' | 'expire_time'>>().toEqualTypeOf<{
      id?: string;
      app_key?: string;
      expire_time?: string;
    }>();
  });

  it('the error body has error_code, error_msg and an optional request_id', () => {
    expectTypeOf<Schemas['ApigError']>().toEqualTypeOf<{
      error_code: string;
      error_msg: string;
      request_id?: string;
    }>();
  });

  it('operations expose their documented statuses, 429 from the gateway included', () => {
    expectTypeOf<keyof operations['listPurchasedGroups']['responses']>().toEqualTypeOf<
      200 | 400 | 401 | 429 | 500
    >();
    expectTypeOf<keyof operations['getPurchasedGroup']['responses']>().toEqualTypeOf<
      200 | 400 | 401 | 403 | 404 | 429
    >();
    expectTypeOf<
      NonNullable<paths['/v1.0/apigw/purchases/groups']['get']['parameters']['query']>['page_size']
    >().toEqualTypeOf<number | undefined>();
    expectTypeOf<
      paths['/v1.0/apigw/purchases/groups/{purchase_id}']['get']['parameters']['path']['purchase_id']
    >().toEqualTypeOf<string>();
  });
});
