import { describe, expect, it } from 'vitest';
import { apportion, between, geometric, idFactory, prng, subSeed, weighted, zipfWeights } from './random.js';

describe('seeded randomness', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = prng(42);
    const b = prng(42);
    const c = prng(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(subSeed(42, 0)).not.toBe(subSeed(42, 1));
    expect(subSeed(42, 3)).toBe(subSeed(42, 3));
  });

  it('keeps between() within both bounds and reaches each of them', () => {
    const rnd = prng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(between(rnd, 3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('chooses in proportion to the weights, and never an item of weight zero', () => {
    const choose = weighted(['a', 'b', 'c'] as const, [6, 3, 0]);
    const rnd = prng(7);
    const n = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) n[choose(rnd)] += 1;
    expect(n.c).toBe(0);
    expect(n.a / n.b).toBeGreaterThan(1.85);
    expect(n.a / n.b).toBeLessThan(2.15);
    expect(() => weighted(['a'], [1, 2])).toThrow();
    expect(() => weighted(['a'], [0])).toThrow();
  });

  it('makes a long tail with Zipf weights: the first item weighs most, the tail still counts', () => {
    const w = zipfWeights(45, 1.1);
    expect(w[0]).toBe(1);
    for (let i = 1; i < w.length; i++) expect(w[i]!).toBeLessThan(w[i - 1]!);
    const total = w.reduce((a, b) => a + b, 0);
    // The top five take about half; the other forty the rest.
    expect((w[0]! + w[1]! + w[2]! + w[3]! + w[4]!) / total).toBeGreaterThan(0.45);
    expect((w[0]! + w[1]! + w[2]! + w[3]! + w[4]!) / total).toBeLessThan(0.7);
  });

  it('apportions a total exactly, in proportion, the same every time', () => {
    const parts = apportion(1_000_000, zipfWeights(20, 0.6));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(parts[0]!).toBeGreaterThan(parts[19]!);
    expect(apportion(1_000_000, zipfWeights(20, 0.6))).toEqual(parts);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('draws geometric counts around the mean', () => {
    const rnd = prng(9);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += geometric(rnd, 0.5);
    expect(sum / 20_000).toBeGreaterThan(0.45);
    expect(sum / 20_000).toBeLessThan(0.55);
    expect(geometric(rnd, 0)).toBe(0);
  });

  it('makes unique ids in the UUID layout the schemas accept', () => {
    const next = idFactory('5c1b44ed-7cb7-4528-96d8-6ac5f24d46ec');
    const ids = Array.from({ length: 5000 }, next);
    expect(new Set(ids).size).toBe(5000);
    for (const id of [ids[0]!, ids[4999]!])
      expect(id).toMatch(/^5c1b44ed-7cb7-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
