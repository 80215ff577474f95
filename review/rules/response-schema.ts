// Response bodies, node by node from the body down (properties, items,
// tuples, map values and matched branches, after `$ref`s are followed and
// `allOf` members merged). A change is breaking when a value the client could
// read and parse before may now be missing, null, of another type or outside
// what it was promised. The rules live by kind: response-properties.ts,
// response-types.ts, response-values.ts, response-shapes.ts; this is their
// order in the catalogue.
import type { Rule } from '../change.ts';
import {
  existenceRules,
  mutabilityRules,
  nullableRules,
  requirednessRules,
} from './response-properties.ts';
import {
  additionalPropertiesRules,
  alternativeRules,
  prefixItemsRules,
} from './response-shapes.ts';
import { typeRules } from './response-types.ts';
import {
  boundRules,
  constRules,
  defaultRules,
  enumRules,
  patternRules,
} from './response-values.ts';

export const responseSchemaRules: Rule[] = [
  ...existenceRules(),
  ...requirednessRules(),
  ...nullableRules,
  ...typeRules(),
  ...enumRules,
  ...constRules(),
  ...patternRules(),
  ...defaultRules(),
  ...boundRules(),
  ...mutabilityRules(),
  ...alternativeRules(),
  ...additionalPropertiesRules(),
  ...prefixItemsRules(),
];
