// A result kept per pair of objects, for work that several readers ask of the
// same pair (the rules of one comparison, and its walk): computed once, and
// forgotten with the objects. Arguments after the pair must be determined by
// it (the documents the two schemas belong to), since they are not part of
// the key.
export function memoisedByPair<A extends object, B extends object, Rest extends unknown[], R>(
  compute: (a: A, b: B, ...rest: Rest) => R,
): (a: A, b: B, ...rest: Rest) => R {
  const results = new WeakMap<A, WeakMap<B, { value: R }>>();
  return (a, b, ...rest) => {
    let byB = results.get(a);
    if (byB === undefined) {
      byB = new WeakMap();
      results.set(a, byB);
    }
    let found = byB.get(b);
    if (found === undefined) {
      found = { value: compute(a, b, ...rest) };
      byB.set(b, found);
    }
    return found.value;
  };
}
