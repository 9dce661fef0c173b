// Input: generated. Random JSON-like values (seeded, so a failure repeats), each compared with a
// copy whose keys are shuffled and with a copy changed in one place: the walked equality must
// agree with comparing the values' canonical JSON texts, which it replaced in the merge.
import { describe, expect, it } from 'vitest';
import { canonical, sameValue } from '../../../src/store/merge.ts';

/** A small seeded generator (mulberry32): the same values on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function value(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 5 : 8));
  if (pick === 0) return null;
  if (pick === 1) return Math.floor(next() * 4);
  if (pick === 2) return ['a', 'b', 'unknown', ''][Math.floor(next() * 4)];
  if (pick === 3) return next() < 0.5;
  if (pick === 4) return undefined;
  if (pick === 5) return Array.from({ length: Math.floor(next() * 3) }, () => value(next, depth + 1));
  const out: Record<string, unknown> = {};
  for (const k of ['x', 'y', 'z'].filter(() => next() < 0.6)) out[k] = value(next, depth + 1);
  return out;
}

/** The same value with every object's keys in another order. */
function shuffled(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shuffled);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, shuffled(x)]),
    );
  return v;
}

/** The same value changed in one place (or not at all, when there is no place to change). */
function changed(v: unknown, next: () => number): unknown {
  if (Array.isArray(v)) return v.length && next() < 0.7 ? v.map((x, i) => (i === 0 ? changed(x, next) : x)) : [...v, 1];
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (!keys.length) return { w: 1 };
    const k = keys[Math.floor(next() * keys.length)]!;
    return { ...v, [k]: changed((v as Record<string, unknown>)[k], next) };
  }
  return v === 1 ? 2 : 1;
}

const json = (v: unknown) => canonical(v === undefined ? null : v);

describe('sameValue', () => {
  it('agrees with comparing canonical JSON on 2,000 generated pairs', () => {
    const next = random(17);
    let equal = 0;
    for (let i = 0; i < 1000; i++) {
      const v = value(next, 0);
      const pairs: Array<[unknown, unknown]> = [
        [v, shuffled(v)],
        [v, changed(v, next)],
      ];
      for (const [a, b] of pairs) {
        const expected = json(a) === json(b);
        expect({ a, b, same: sameValue(a, b) }).toEqual({ a, b, same: expected });
        if (expected) equal += 1;
      }
    }
    // Both answers occur often: the comparison is not trivially one-sided.
    expect(equal).toBeGreaterThan(500);
    expect(equal).toBeLessThan(1500);
  });

  it('tells key order apart from content, and an undefined key from a missing one', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue({ amount: 3, currency: 'USD' }, { amount: 3, currency: 'EUR' })).toBe(false);
  });
});
