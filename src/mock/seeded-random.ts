// A repeatable sequence of numbers in [0, 1) from a 32-bit seed (mulberry32):
// `--seed 7` replays the same delays and faults, request after request.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seed when none is given: said at start, so that a run can be repeated. */
export const randomSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
