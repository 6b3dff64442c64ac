/**
 * Deterministic randomness for the data generator: one seeded stream per organisation, and the few
 * distributions a helpline's traffic follows (weighted choices, a long tail, counts around a mean).
 */

export type Rng = () => number;

/** Small deterministic PRNG (mulberry32): the same seed gives the same stream on every machine. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed for a sub-stream (organisation `index` of run `seed`), so streams do not line up. */
export function subSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x85ebca6b), 0xc2b2ae35) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function pick<T>(rnd: Rng, xs: readonly T[]): T {
  if (xs.length === 0) throw new Error('pick from an empty list');
  return xs[Math.floor(rnd() * xs.length)]!;
}

/** An integer in [min, max], both included. */
export function between(rnd: Rng, min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}

/** A chooser over `items` with the given relative weights (binary search over the cumulative sums). */
export function weighted<T>(items: readonly T[], weights: readonly number[]): (rnd: Rng) => T {
  if (items.length === 0 || items.length !== weights.length) throw new Error('weights do not match items');
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0)) throw new Error('negative weight');
    total += w;
    cumulative.push(total);
  }
  if (total <= 0) throw new Error('all weights are zero');
  return (rnd) => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** Zipf weights 1/rank^s: a few items get most of the traffic, the rest form a long tail. */
export function zipfWeights(n: number, s = 1): number[] {
  return Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
}

/**
 * Splits `total` into parts proportional to `weights` that add up to exactly `total` (largest remainders),
 * so a seed always gives the same counts.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}

/** A count with the given mean, geometric (0, 1, 2, … with ever smaller chances). */
export function geometric(rnd: Rng, mean: number): number {
  if (mean <= 0) return 0;
  const p = 1 / (1 + mean);
  let n = 0;
  while (rnd() > p) n += 1;
  return n;
}

/**
 * Ids for generated rows: the organisation's id prefix and a counter, in the UUID v4 layout the schemas
 * accept. Unique within and across organisations, the same for a seed, and appended in index order.
 */
export function idFactory(orgId: string): () => string {
  const prefix = `${orgId.slice(0, 8)}-${orgId.slice(9, 13)}`;
  let n = 0;
  return () => {
    n += 1;
    const hex = n.toString(16).padStart(15, '0');
    return `${prefix}-4${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${hex.slice(3 + 3, 15).padStart(12, '0')}`;
  };
}
