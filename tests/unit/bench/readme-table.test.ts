// Input: two hand-written bench-results.json samples (figures made up, shaped as scripts/bench.ts
// writes them, growth worked out by targets.ts), turned into the README's "Latest figures" table.
import { describe, expect, it } from 'vitest';
import { checkResults } from '../../../scripts/bench/contract.ts';
import { readmeTable } from '../../../scripts/bench/readme-table.ts';
import { growth } from '../../../scripts/bench/targets.ts';

const spread = (median: number) => ({ median, min: median, max: median, q1: median, q3: median, n: 5 });

function run(commit: string, popupLater: number, withFeatures = true) {
  const overhead = (orders: number, ext: number, floor: number) => ({
    orders,
    extensionMs: spread(ext),
    floorMs: spread(floor),
    extensionTraceMs: spread(ext * 0.8),
    floorTraceMs: spread(floor),
    extensionSampleMs: spread(ext),
    floorSampleMs: spread(floor),
    heapAddedBytes: 1024 * 1024,
    floorHeapAddedBytes: 256 * 1024,
    longTasksByExtension: spread(0),
    ...(withFeatures && { featuresFloorMs: spread(floor * 1.5), featuresFloorHeapAddedBytes: 300 * 1024 }),
  });
  const ingestRun = (orders: number, ms: number) => ({ orders, newMs: spread(ms), unchangedMs: spread(ms / 4) });
  const popup = (orders: number, cached: boolean, paint: number) => ({
    orders,
    cached,
    paintMs: spread(paint),
    emptyPaintMs: spread(80),
    threadMs: spread(50),
    emptyThreadMs: spread(20),
  });
  const results = {
    date: '2026-12-02T15:00:00.000Z',
    commit,
    chromium: '150.0.7871.100',
    machine: { loadavg: [7.2, 6, 5] },
    runs: 5,
    seconds: 150,
    timings: { build: 7.4, overhead: 60.5, read: 15, ingest: 5.7, popup: 23.7 },
    overhead: [overhead(50, 40, 4), overhead(500, 120, 8)],
    read: [
      { orders: 50, coldMs: spread(10), warmMs: spread(0.2) },
      { orders: 500, coldMs: spread(30), warmMs: spread(2) },
    ],
    ingest: { ...ingestRun(1000, 500), sizes: [ingestRun(100, 100), ingestRun(1000, 500)] },
    popup: [popup(100, false, 120), popup(100, true, 90), popup(1000, false, 160), popup(1000, true, popupLater)],
    growth: [] as unknown[],
    targets: [],
  };
  results.growth = growth(results);
  return checkResults(results, true);
}

describe('README table from bench results', () => {
  const table = readmeTable([run('aaa1111', 100), run('bbb2222', 96)]);
  const row = (start: string) => table.split('\n').find((l) => l.startsWith(`| ${start}`));

  it('has a column per run, each figure beside its floor and its target', () => {
    expect(row('Figure')).toMatch(/\| Target +\| Run 1 +\| Run 2 +\|$/);
    expect(row('page cost, 50 orders')).toMatch(/\| ≤ 2× +\| 40\.0 \/ 4\.00 ms = 10\.00× +\|/);
    expect(row('trace method / CPU samples (500)')).toContain('96.0 / 120 ms (80%)');
    expect(row('JS heap added')).toContain('1024 / 256.0 KB (300.0 KB)');
    expect(row("features' floor (tap, Start buttons, no reading), 500 orders")).toContain('12.0 / 8.00 ms = 1.50×');
    expect(row('popup paint, 1000 orders, later opening')).toMatch(
      /≤ 1\.25× +\| 100 \/ 80\.0 ms = 1\.25× +\| 96\.0 \/ 80\.0 ms = 1\.20×/,
    );
    expect(row('commit')).toMatch(/aaa1111 +\| bbb2222/);
  });

  it('states growth as measured, with the floor’s beside it where there is one', () => {
    expect(row('growth: page cost, 50 → 500')).toContain('3.00× (floor 2.00×)');
    expect(row('growth: ingest new, 100 → 1,000')).toContain('5.00×');
    expect(row('growth: popup paint, later opening')).toMatch(/\| 1\.11× +\| 1\.07× +\|$/);
  });

  it('gives the run time with its load and steps', () => {
    expect(row('bench run (s)')).toContain('150 / 7');
    expect(row('its steps (s)')).toContain('7.40, 60.5, 15.0, 5.70, 23.7');
  });

  it('shows a figure a run lacks as a dash rather than failing', () => {
    const partial = { ...run('ccc3333', 100), popup: undefined, growth: [] };
    expect(
      readmeTable([partial])
        .split('\n')
        .find((l) => l.startsWith('| popup paint, 100 orders, first')),
    ).toMatch(/\| – +\|$/);
  });

  it('reads runs from before the features’ floor was measured', () => {
    const older = readmeTable([run('ddd4444', 100, false)]);
    expect(
      older.split('\n').find((l) => l.startsWith("| features' floor (tap, Start buttons, no reading), 50")),
    ).toMatch(/\| – +\|$/);
    expect(older.split('\n').find((l) => l.startsWith('| JS heap added'))).toMatch(/\| 1024 \/ 256\.0 KB +\|$/);
  });
});
