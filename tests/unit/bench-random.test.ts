import { describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/bench/random';

describe('bench: seeded random', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it('stays in range', () => {
    const rng = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
  });

  it('reaches both ends of an integer range', () => {
    const rng = createRandom(2);
    const seen = new Set(Array.from({ length: 200 }, () => rng.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it('samples distinct elements', () => {
    const rng = createRandom(3);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const sample = rng.sample(items, 3);
    expect(sample).toHaveLength(3);
    expect(new Set(sample).size).toBe(3);
    expect(rng.sample(items, 10).sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(4).pick([])).toThrow(/non-empty/);
  });
});
