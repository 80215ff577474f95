// A request parameter pair as the parameter rules read it: matched by
// location and name (`query page_size`), moved when the same name appears in
// another location, and how a message names it.
import type { JsonObject } from '../../lib/json.ts';
import { type Finding, finding, type ParameterPair, parameterLabel } from '../change.ts';
import type { SchemaView } from '../schema.ts';

const nameOf = (key: string): string => key.split(' ').slice(1).join(' ');

/** The other location under which the same name appears on the other side: a move. */
export function movedTo(pair: ParameterPair): string | undefined {
  const name = nameOf(pair.key);
  const others = pair.base === undefined ? pair.operation.base : pair.operation.head;
  return [...others.parameters.keys()].find(
    (key) => key !== pair.key && nameOf(key) === name && !others.parameters.has(pair.key),
  );
}

export type BothSides = ParameterPair & {
  base: JsonObject;
  head: JsonObject;
  baseSchema: SchemaView;
  headSchema: SchemaView;
};

/** Runs `find` on parameters both sides have. */
export const onBoth =
  (find: (pair: BothSides) => Finding | Finding[] | undefined) =>
  (pair: ParameterPair): Finding[] => {
    if (!pair.base || !pair.head || !pair.baseSchema || !pair.headSchema) return [];
    const found = find(pair as BothSides);
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  };

export const at = (pair: ParameterPair, text: string): Finding =>
  finding(pair.operation.head.key, `${parameterLabel(pair)}${text}`);

export const added = (pair: ParameterPair) =>
  pair.base === undefined && movedTo(pair) === undefined;
