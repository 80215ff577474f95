// The rule catalogue: every rule the review knows, in the order the report
// lists them. A rule lives in its group's file under rules/ with its id,
// level, description, oasdiff counterpart and check; adding one means adding
// it there and a fixture under fixtures/changes/ named after its id.
import type { Rule } from './change.ts';
import { constraintRules } from './rules/constraints.ts';
import { documentationRules } from './rules/documentation.ts';
import { lifecycleRules } from './rules/lifecycle.ts';
import { operationRules } from './rules/operations.ts';
import { parameterRules } from './rules/parameters.ts';
import { responseSchemaRules } from './rules/response-schema.ts';
import { responseRules } from './rules/responses.ts';
import { securityRules } from './rules/security.ts';
import { serverRules } from './rules/servers.ts';

export const catalogue: readonly Rule[] = [
  ...operationRules,
  ...lifecycleRules,
  ...parameterRules,
  ...responseRules,
  ...responseSchemaRules,
  ...constraintRules,
  ...securityRules,
  ...serverRules,
  ...documentationRules,
];

const duplicate = catalogue.find(
  (rule, index) => catalogue.findIndex((other) => other.id === rule.id) !== index,
);
if (duplicate) throw new Error(`review/catalogue.ts: rule id ${duplicate.id} is defined twice`);
