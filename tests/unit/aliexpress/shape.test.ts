import { describe, expect, it } from 'vitest';
import * as s from '../../../src/aliexpress/shape.ts';

const issues = (schema: s.Shape<unknown>, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('shape: the checks the page-side code runs', () => {
  it('passes a matching value through unchanged, not a copy', () => {
    const value = { id: '1', extra: true, lines: [{ q: 2 }] };
    const r = s.object({ id: s.string(), lines: s.array(s.object({ q: s.number() })) }).safeParse(value);
    expect(r.success && r.data).toBe(value);
  });

  it('names the path and what was expected for each mismatch', () => {
    const schema = s.object({ id: s.string(), lines: s.array(s.object({ q: s.number() })) });
    expect(issues(schema, { lines: [{ q: 1 }, { q: '2' }] })).toEqual([
      'id: missing',
      'lines.1.q: expected number, got string',
    ]);
    expect(issues(schema, [])).toEqual([': expected object, got array']);
    expect(issues(s.number(), Number.NaN)).toEqual([': expected number, got number']);
  });

  it('treats absent, undefined and null alike only where optional', () => {
    const schema = s.object({ a: s.opt(s.string()), b: s.unknown() });
    expect(issues(schema, {})).toEqual([]);
    expect(issues(schema, { a: null })).toEqual([]);
    expect(issues(schema, { a: 3 })).toEqual(['a: expected string, got number']);
    expect(issues(s.object({ a: s.string() }), { a: null })).toEqual(['a: expected string, got null']);
  });

  it('strict objects name unknown keys (a typo in a rules file); loose ones ignore them', () => {
    expect(issues(s.strictObject({ css: s.string() }), { css: 'a', nte: 'x' })).toEqual(['nte: unknown key']);
    expect(issues(s.object({ css: s.string() }), { css: 'a', nte: 'x' })).toEqual([]);
  });

  it('checks lengths, literals, enums, unions and records', () => {
    expect(issues(s.string({ min: 1, max: 3 }), '')).toEqual([': expected 1-3 characters, got 0']);
    expect(issues(s.string({ max: 3 }), 'abcd')).toHaveLength(1);
    expect(issues(s.array(s.string(), { min: 1 }), [])).toEqual([': expected at least 1 items, got 0']);
    expect(issues(s.array(s.string(), { length: 2 }), ['a'])).toEqual([': expected 2 items, got 1']);
    expect(issues(s.literal('x'), 'y')).toEqual([': expected "x"']);
    expect(issues(s.enumOf(['a', 'b']), 'c')).toEqual([': expected one of a, b']);
    expect(issues(s.union(s.string(), s.number()), 5)).toEqual([]);
    expect(issues(s.union(s.string(), s.number()), true)).toHaveLength(1);
    expect(issues(s.record(s.array(s.string())), { a: ['x'], b: [1] })).toEqual(['b.0: expected string, got number']);
  });

  it('does not take an inherited key for an own one', () => {
    expect(issues(s.object({ toString: s.string() }), {})).toEqual(['toString: missing']);
  });
});
