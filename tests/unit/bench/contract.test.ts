// Input: a small hand-written sample of bench-results.json (two sizes per section, figures made up
// but shaped as scripts/bench.ts writes them), checked against the contract the bench validates
// its own output with, and the targets and growth worked out from it.
import { describe, expect, it } from 'vitest';
import { checkResults } from '../../../scripts/bench/contract.ts';
import { growth, LIMITS, targetsOf } from '../../../scripts/bench/targets.ts';

const spread = (median: number) => ({ median, min: median * 0.9, max: median * 1.2, q1: median, q3: median, n: 3 });

function sample() {
  const overhead = (orders: number, ext: number, floor: number) => ({
    orders,
    extensionMs: spread(ext),
    floorMs: spread(floor),
    extensionTraceMs: spread(ext * 0.9),
    floorTraceMs: spread(floor),
    extensionSampleMs: spread(ext * 1.05),
    floorSampleMs: spread(floor * 0.5),
    heapAddedBytes: orders * 1000,
    longTasksByExtension: { ...spread(0), max: 0 },
  });
  const ingestRun = (orders: number, ms: number) => ({
    orders,
    newMs: spread(ms),
    unchangedMs: spread(ms / 2),
    changed: orders,
  });
  const popup = (orders: number, cached: boolean, paint: number) => ({
    orders,
    cached,
    items: 20,
    paintMs: spread(paint),
    emptyPaintMs: spread(100),
  });
  return {
    date: '2026-12-02T12:00:00.000Z',
    commit: 'abc1234',
    chromium: '156.0.8078.114',
    runs: 3,
    seconds: 200,
    overhead: [overhead(50, 8, 5), overhead(500, 30, 10)],
    read: [
      { orders: 50, coldMs: spread(10), warmMs: spread(0.5) },
      { orders: 500, coldMs: spread(40), warmMs: spread(2) },
    ],
    ingest: { ...ingestRun(1000, 180), synthesized: 0, sizes: [ingestRun(100, 30), ingestRun(1000, 180)] },
    popup: [popup(100, false, 110), popup(100, true, 105), popup(1000, false, 130), popup(1000, true, 120)],
    growth: [],
    targets: [],
  };
}

describe('bench-results.json contract', () => {
  it('accepts a complete sample and keeps fields beyond the contract', () => {
    const results = sample();
    const parsed = checkResults({ ...results, table: [] }, true);
    expect(parsed.overhead?.[1]?.floorMs.median).toBe(10);
    expect(parsed.popup?.[3]?.emptyPaintMs.median).toBe(100);
    expect(parsed.ingest?.newMs.median).toBe(180);
    expect((parsed as Record<string, unknown>).table).toEqual([]);
  });

  it('names the field when an overhead entry has no floor', () => {
    const results = sample();
    const { floorMs: _gone, ...noFloor } = results.overhead[0]!;
    expect(() => checkResults({ ...results, overhead: [noFloor] }, true)).toThrow(/overhead\.0\.floorMs/);
  });

  it('names the field when a popup entry has no empty popup beside it', () => {
    const results = sample();
    const { emptyPaintMs: _gone, ...noEmpty } = results.popup[0]!;
    expect(() => checkResults({ ...results, popup: [noEmpty] }, true)).toThrow(/popup\.0\.emptyPaintMs/);
  });

  it('requires every section of a full run, but not of a run limited with --only', () => {
    const { ingest: _gone, ...noIngest } = sample();
    expect(() => checkResults(noIngest, true)).toThrow(/ingest/);
    expect(checkResults(noIngest, false).ingest).toBeUndefined();
  });

  it('rejects a median that is not a number', () => {
    const results = sample();
    results.read[0]!.coldMs.median = 'fast' as unknown as number;
    expect(() => checkResults(results, true)).toThrow(/read\.0\.coldMs\.median/);
  });
});

describe('targets and growth from the sample', () => {
  it('gives each target its ratio or figure and its verdict', () => {
    const targets = targetsOf({ ...sample(), contentGzip: 30 * 1024 });
    const byName = new Map(targets.map((t) => [t.target, t]));
    // 8 / 5 = 1.6× the floor passes; 30 / 10 = 3× does not.
    expect(byName.get('page cost, 50 orders / floor')).toMatchObject({ value: 1.6, pass: true });
    expect(byName.get('page cost, 500 orders / floor')).toMatchObject({ value: 3, pass: false });
    expect(byName.get('JS heap added, 500 orders')).toMatchObject({ value: 500_000, pass: true });
    expect(byName.get('popup paint, 1000 orders, later opening / empty popup')).toMatchObject({
      value: 1.2,
      pass: true,
    });
    expect(byName.get('popup paint, 1000 orders, first opening / empty popup')).toMatchObject({
      value: 1.3,
      pass: false,
    });
    expect(byName.get('ingest of 1000 new orders')).toMatchObject({ value: 180, limit: LIMITS.ingestMs, pass: true });
    expect(byName.get('content scripts, gzip')).toMatchObject({ pass: false, limit: 25 * 1024 });
    expect(checkResults({ ...sample(), targets }, true).targets).toHaveLength(targets.length);
  });

  it('states how each figure grows from its smallest size to its largest, beside the floor', () => {
    const list = growth(sample());
    const pageCost = list.find((g) => g.figure.startsWith('page cost'));
    expect(pageCost).toMatchObject({ from: 50, to: 500, small: 8, large: 30, factor: 3.75, floorFactor: 2 });
    expect(list.find((g) => g.figure.startsWith('ingest, new'))).toMatchObject({ from: 100, to: 1000, factor: 6 });
    expect(list.find((g) => g.figure.startsWith('popup paint, later'))).toMatchObject({
      factor: 120 / 105,
      // One sample of the empty popup serves both sizes: it has no growth of its own to show.
      floorFactor: null,
    });
    expect(list.find((g) => g.figure.startsWith('first read'))).toMatchObject({ factor: 4, floorFactor: null });
  });
});
