/** A small seeded generator (an LCG) for repeatable random test runs: `pick(n)` is in [0, n). */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}
