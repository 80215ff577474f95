// Where a schema holds other schemas, for every walk of the comparer (the
// response body down, a parameter's schema down): the one list of positions,
// so that each rule applies wherever its subject can sit. A child is walked
// when both sides have it; one side only is a rule's business (a property
// added, prefixItems removed, additionalProperties closed…).
import { isObject, type Json } from '../lib/json.ts';
import type { SchemaView } from './schema.ts';

export interface ChildPair {
  /** `stats.count`, `items[]`, `pair[0]`, `labels.*` (the values of a map). */
  where: string;
  base: Json;
  head: Json;
  /** For a property: whether its parent requires it, on each side. */
  requiredIn?: { base: boolean; head: boolean };
}

const below = (where: string, step: string): string =>
  where === '' ? step.replace(/^\./, '') : `${where}${step}`;

/** A schema for additionalProperties that says something (`{}` is `true`). */
const valueSchema = (extra: Json | undefined): extra is { [key: string]: Json } =>
  isObject(extra) && Object.keys(extra).length > 0;

export function childPairs(base: SchemaView, head: SchemaView, where: string): ChildPair[] {
  const children: ChildPair[] = [];
  for (const [name, baseChild] of base.properties) {
    const headChild = head.properties.get(name);
    if (headChild === undefined) continue;
    children.push({
      where: below(where, `.${name}`),
      base: baseChild,
      head: headChild,
      requiredIn: { base: base.required.has(name), head: head.required.has(name) },
    });
  }
  if (base.items !== undefined && head.items !== undefined) {
    children.push({ where: `${where}[]`, base: base.items, head: head.items });
  }
  const baseTuple = base.merged.prefixItems;
  const headTuple = head.merged.prefixItems;
  if (Array.isArray(baseTuple) && Array.isArray(headTuple)) {
    baseTuple.forEach((item, index) => {
      const other = headTuple[index];
      if (other !== undefined)
        children.push({ where: `${where}[${index}]`, base: item, head: other });
    });
  }
  const baseExtra = base.merged.additionalProperties;
  const headExtra = head.merged.additionalProperties;
  if (valueSchema(baseExtra) && valueSchema(headExtra)) {
    children.push({ where: below(where, '.*'), base: baseExtra, head: headExtra });
  }
  return children;
}
