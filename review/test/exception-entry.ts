// An entry of openapi/review-exceptions.yaml, as YAML text, for the tests:
// by default the one that allows `required` (below); `fields` change it.
import type { Change } from '../change.ts';

export const required: Change = {
  kind: 'breaking',
  rule: 'request-parameter-became-required',
  operation: 'GET /v1.0/apigw/purchases/groups',
  message: 'query parameter `group_name` became required',
  location: {
    file: 'openapi/components/parameters/GroupNameFilter.yaml',
    line: 3,
    column: 1,
    pointer: '/required',
    exact: true,
  },
};

export const entry = (fields: Record<string, string | null>) =>
  `  - ${Object.entries({
    rule: required.rule,
    operation: required.operation,
    file: required.location?.file ?? '',
    pointer: '/required',
    reason: 'Nobody calls it without a group: agreed with the one tenant',
    approved_by: 'api-review@example.com',
    expires: '2027-01-31',
    ...fields,
  })
    .map(([key, value]) => `${key}: ${value === null ? 'null' : JSON.stringify(value)}`)
    .join('\n    ')}\n`;
