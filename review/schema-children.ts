// Where a schema holds other schemas, for every walk of the comparer (the
// response body down, a parameter's schema down): the one list of positions,
// so that each rule applies wherever its subject can sit. A child is walked
// when both sides have it; one side only is a rule's business (a property
// added, prefixItems removed, additionalProperties closed…).
import { isObject, type Json, type JsonObject, sameResolved } from '../lib/json.ts';
import { memoisedByPair } from '../lib/pair-memo.ts';
import { mergeAllOf, typeList } from './normalise.ts';
import type { SchemaView } from './schema.ts';

export interface ChildPair {
  /** `stats.count`, `items[]`, `pair[0]`, `labels.*` (the values of a map). */
  where: string;
  base: Json;
  head: Json;
  /** For a property: whether its parent requires it, on each side. */
  requiredIn?: { base: boolean; head: boolean };
  /** The keys from the parent schema to this one, on each side (locate.ts). */
  baseSteps?: readonly string[];
  headSteps?: readonly string[];
}

/** The same steps on both sides. */
const steps = (...keys: string[]) => ({ baseSteps: keys, headSteps: keys });

/** A branch's place: `oneOf` items come first in alternativesOf, then `anyOf`'s. */
function branchSteps(view: SchemaView, index: number): string[] {
  const oneOf = Array.isArray(view.merged.oneOf) ? view.merged.oneOf.length : 0;
  return index < oneOf ? ['oneOf', String(index)] : ['anyOf', String(index - oneOf)];
}

const below = (where: string, step: string): string =>
  where === '' ? step.replace(/^\./, '') : `${where}${step}`;

/** A schema for additionalProperties that says something (`{}` is `true`). */
const valueSchema = (extra: Json | undefined): extra is { [key: string]: Json } =>
  isObject(extra) && Object.keys(extra).length > 0;

/** The oneOf/anyOf branches of a schema (after normalisation), as written. */
export const alternativesOf = (view: SchemaView): Json[] => [
  ...(Array.isArray(view.merged.oneOf) ? view.merged.oneOf : []),
  ...(Array.isArray(view.merged.anyOf) ? view.merged.anyOf : []),
];

export interface BranchMatch {
  /** Index pairs (base, head) of branches that are the same branch, changed or not. */
  pairs: { base: number; head: number; same: boolean }[];
  /** Branches with no counterpart on the other side. */
  removed: number[];
  added: number[];
}

export interface Documents {
  base: JsonObject;
  head: JsonObject;
}

const refName = (branch: Json | undefined): string | undefined =>
  isObject(branch) && typeof branch.$ref === 'string' ? branch.$ref.split('/').pop() : undefined;

/** How alike two branches are: their title, types and property names (0: nothing in common). */
function likeness(documents: Documents, base: Json, head: Json): number {
  const a = mergeAllOf(documents.base, base);
  const b = mergeAllOf(documents.head, head);
  let score = 0;
  if (typeof a.title === 'string' && a.title === b.title) score += 4;
  const typesA = typeList(a.type) ?? [];
  const typesB = typeList(b.type) ?? [];
  if (typesA.length > 0 && typesA.some((type) => typesB.includes(type))) score += 1;
  const namesA = Object.keys(isObject(a.properties) ? a.properties : {});
  const namesB = new Set(Object.keys(isObject(b.properties) ? b.properties : {}));
  score += 2 * namesA.filter((name) => namesB.has(name)).length;
  return score;
}

/**
 * Pairs the branches of two alternatives before they are compared: equal
 * branches first, then the same `$ref` name, then the most alike by
 * structure (title, types, property names). A branch narrowed or widened is
 * then a change of that branch, not one removed and one added. Computed once
 * per pair: the walk and the two alternative rules ask for it.
 */
export const matchBranches = memoisedByPair(matchOf);

function matchOf(base: SchemaView, head: SchemaView, documents: Documents): BranchMatch {
  const before = alternativesOf(base);
  const after = alternativesOf(head);
  const freeBase = new Set(before.keys());
  const freeHead = new Set(after.keys());
  const pairs: BranchMatch['pairs'] = [];
  const take = (i: number, j: number, same: boolean) => {
    pairs.push({ base: i, head: j, same });
    freeBase.delete(i);
    freeHead.delete(j);
  };
  for (const i of [...freeBase]) {
    const j = [...freeHead].find((k) =>
      sameResolved(documents.base, before[i], documents.head, after[k]),
    );
    if (j !== undefined) take(i, j, true);
  }
  for (const i of [...freeBase]) {
    const name = refName(before[i]);
    const j =
      name === undefined ? undefined : [...freeHead].find((k) => refName(after[k]) === name);
    if (j !== undefined) take(i, j, false);
  }
  for (const i of [...freeBase]) {
    let best: { j: number; score: number } | undefined;
    for (const j of freeHead) {
      const score = likeness(documents, before[i] as Json, after[j] as Json);
      if (score > 0 && (best === undefined || score > best.score)) best = { j, score };
    }
    if (best !== undefined) take(i, best.j, false);
  }
  return { pairs, removed: [...freeBase], added: [...freeHead] };
}

export function childPairs(
  base: SchemaView,
  head: SchemaView,
  where: string,
  documents?: Documents,
): ChildPair[] {
  const children: ChildPair[] = [];
  for (const [name, baseChild] of base.properties) {
    const headChild = head.properties.get(name);
    if (headChild === undefined) continue;
    children.push({
      where: below(where, `.${name}`),
      base: baseChild,
      head: headChild,
      requiredIn: { base: base.required.has(name), head: head.required.has(name) },
      ...steps('properties', name),
    });
  }
  if (base.items !== undefined && head.items !== undefined) {
    children.push({ where: `${where}[]`, base: base.items, head: head.items, ...steps('items') });
  }
  const baseTuple = base.merged.prefixItems;
  const headTuple = head.merged.prefixItems;
  if (Array.isArray(baseTuple) && Array.isArray(headTuple)) {
    baseTuple.forEach((item, index) => {
      const other = headTuple[index];
      if (other !== undefined) {
        const at = steps('prefixItems', String(index));
        children.push({ where: `${where}[${index}]`, base: item, head: other, ...at });
      }
    });
  }
  const baseExtra = base.merged.additionalProperties;
  const headExtra = head.merged.additionalProperties;
  if (valueSchema(baseExtra) && valueSchema(headExtra)) {
    const at = steps('additionalProperties');
    children.push({ where: below(where, '.*'), base: baseExtra, head: headExtra, ...at });
  }
  // Branches of alternatives both sides have, matched, when they differ.
  if (documents !== undefined) {
    const before = alternativesOf(base);
    const after = alternativesOf(head);
    if (before.length > 0 && after.length > 0) {
      for (const pair of matchBranches(base, head, documents).pairs) {
        if (pair.same) continue;
        children.push({
          where: `${where}<branch ${pair.head + 1}>`,
          base: before[pair.base] as Json,
          head: after[pair.head] as Json,
          baseSteps: branchSteps(base, pair.base),
          headSteps: branchSteps(head, pair.head),
        });
      }
    }
  }
  return children;
}
