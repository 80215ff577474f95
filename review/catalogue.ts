// The rule catalogue: every rule the review knows, in the order the report
// lists them. A rule lives in its group's file under rules/ with its id,
// level, description, oasdiff counterpart and check; adding one means adding
// it there and a fixture under fixtures/changes/ named after its id.
import type { Rule } from './change.ts';
import { constraintRules } from './rules/constraints.ts';
import { documentationRules } from './rules/documentation.ts';
import { lifecycleRules } from './rules/lifecycle.ts';
import { operationRules } from './rules/operations.ts';
import { parameterPropertyRules } from './rules/parameter-properties.ts';
import { parameterRules } from './rules/parameters.ts';
import { responseSchemaRules } from './rules/response-schema.ts';
import { responseRules } from './rules/responses.ts';
import { securityRules } from './rules/security.ts';
import { serverRules } from './rules/servers.ts';

export const catalogue: readonly Rule[] = [
  ...operationRules,
  ...lifecycleRules,
  ...parameterRules,
  ...parameterPropertyRules,
  ...responseRules,
  ...responseSchemaRules,
  ...constraintRules,
  ...securityRules,
  ...serverRules,
  ...documentationRules,
];

/** Every id a change may carry: each rule's, and its body id where it has one. */
export const catalogueIds: readonly string[] = catalogue.flatMap((rule) =>
  rule.bodyId === undefined ? [rule.id] : [rule.id, rule.bodyId],
);

const duplicate = catalogueIds.find((id, index) => catalogueIds.indexOf(id) !== index);
if (duplicate) throw new Error(`review/catalogue.ts: rule id ${duplicate} is defined twice`);
