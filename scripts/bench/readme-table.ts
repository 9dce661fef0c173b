/**
 * README "Latest figures" from bench-results.json files, one column per run, so the table is
 * pasted rather than copied by hand:
 *
 *   npx tsx scripts/bench/readme-table.ts run1.json run2.json run3.json
 *
 * Each file is checked against the contract first (contract.ts); a figure a run lacks shows as "–".
 */
import { readFileSync } from 'node:fs';
import { checkResults, type BenchResults } from './contract.ts';
import { LIMITS } from './targets.ts';
import { fmt, kb } from './stats.ts';

interface Row {
  figure: string;
  target: string;
  cell: (r: BenchResults) => string | null;
}

const ratio = (a: number, b: number) => `${fmt(a)} / ${fmt(b)} ms = ${(a / b).toFixed(2)}×`;
const overheadAt = (r: BenchResults, orders: number) => r.overhead?.find((o) => o.orders === orders);
const readAt = (r: BenchResults, orders: number) => r.read?.find((o) => o.orders === orders);
const ingestAt = (r: BenchResults, orders: number) => r.ingest?.sizes.find((o) => o.orders === orders);
const popupAt = (r: BenchResults, orders: number, cached: boolean) =>
  r.popup?.find((p) => p.orders === orders && p.cached === cached);
const growthOf = (r: BenchResults, figure: string) => r.growth.find((g) => g.figure === figure);
const pair = (a: number | undefined, b: number | undefined, unit = ' ms') =>
  a === undefined || b === undefined ? null : `${fmt(a)} / ${fmt(b)}${unit}`;

function overheadRows(orders: number): Row[] {
  return [
    {
      figure: `page cost, ${orders} orders: Refund Radar / floor`,
      target: `≤ ${LIMITS.floorRatio}×`,
      cell: (r) => {
        const o = overheadAt(r, orders);
        return o ? ratio(o.extensionMs.median, o.floorMs.median) : null;
      },
    },
    {
      figure: `features' floor (tap, Start buttons, no reading), ${orders} orders / floor`,
      target: '',
      cell: (r) => {
        const o = overheadAt(r, orders);
        return o?.featuresFloorMs ? ratio(o.featuresFloorMs.median, o.floorMs.median) : null;
      },
    },
    {
      figure: `trace method / CPU samples (${orders})`,
      target: 'within 10%',
      cell: (r) => {
        const o = overheadAt(r, orders);
        if (!o) return null;
        const share = o.extensionTraceMs.median / o.extensionSampleMs.median;
        return `${pair(o.extensionTraceMs.median, o.extensionSampleMs.median)} (${(share * 100).toFixed(0)}%)`;
      },
    },
    {
      figure: `long tasks caused by the extension (${orders})`,
      target: `${LIMITS.longTasks}`,
      cell: (r) => {
        const o = overheadAt(r, orders);
        return o ? String(o.longTasksByExtension.max) : null;
      },
    },
  ];
}

const growthRow = (figure: string, label: string, floorLabel: string | null): Row => ({
  figure: `growth: ${label}`,
  target: '',
  cell: (r) => {
    const g = growthOf(r, figure);
    if (!g) return null;
    const floor = floorLabel && g.floorFactor !== null ? ` (${floorLabel} ${g.floorFactor.toFixed(2)}×)` : '';
    return `${g.factor.toFixed(2)}×${floor}`;
  },
});

const ROWS: Row[] = [
  ...overheadRows(50),
  ...overheadRows(500),
  {
    figure: "JS heap added, 500 orders: Refund Radar / floor (features' floor)",
    target: `≤ ${kb(LIMITS.heapBytes)}`,
    cell: (r) => {
      const o = overheadAt(r, 500) as
        { heapAddedBytes: number; floorHeapAddedBytes?: number; featuresFloorHeapAddedBytes?: number } | undefined;
      if (!o) return null;
      if (o.floorHeapAddedBytes === undefined) return kb(o.heapAddedBytes);
      const features = o.featuresFloorHeapAddedBytes;
      return `${(o.heapAddedBytes / 1024).toFixed(0)} / ${kb(o.floorHeapAddedBytes)}${features === undefined ? '' : ` (${kb(features)})`}`;
    },
  },
  {
    figure: 'first read(), 50 / 500 orders',
    target: '500: < 10 ms',
    cell: (r) => pair(readAt(r, 50)?.coldMs.median, readAt(r, 500)?.coldMs.median),
  },
  {
    figure: 'ingest, new: 100 / 1,000 orders',
    target: `1,000: ≤ ${LIMITS.ingestMs} ms`,
    cell: (r) => pair(ingestAt(r, 100)?.newMs.median, ingestAt(r, 1000)?.newMs.median),
  },
  {
    figure: 'ingest, unchanged: 100 / 1,000 orders',
    target: '',
    cell: (r) => pair(ingestAt(r, 100)?.unchangedMs.median, ingestAt(r, 1000)?.unchangedMs.median),
  },
  ...[false, true].flatMap((cached) =>
    [100, 1000].map((orders): Row => ({
      figure: `popup paint, ${orders} orders, ${cached ? 'later' : 'first'} opening / empty popup`,
      target: orders === 1000 ? `≤ ${LIMITS.popupRatio}×` : '',
      cell: (r) => {
        const p = popupAt(r, orders, cached);
        return p ? ratio(p.paintMs.median, p.emptyPaintMs.median) : null;
      },
    })),
  ),
  {
    figure: 'popup main thread to the painted list, 1,000 orders, first / later (empty)',
    target: '',
    cell: (r) => {
      const [first, later] = [popupAt(r, 1000, false), popupAt(r, 1000, true)] as Array<
        { threadMs?: { median: number }; emptyThreadMs?: { median: number } } | undefined
      >;
      if (!first?.threadMs || !later?.threadMs || !first.emptyThreadMs) return null;
      return `${fmt(first.threadMs.median)} / ${fmt(later.threadMs.median)} ms (${fmt(first.emptyThreadMs.median)})`;
    },
  },
  growthRow('page cost (main-thread ms)', 'page cost, 50 → 500 orders', 'floor'),
  growthRow('first read() (ms)', 'first read(), 50 → 500 orders', null),
  growthRow('ingest, new orders (ms)', 'ingest new, 100 → 1,000 orders', null),
  growthRow('ingest, unchanged (ms)', 'ingest unchanged, 100 → 1,000 orders', null),
  growthRow('popup paint, first opening (ms)', 'popup paint, first opening, 100 → 1,000', null),
  growthRow('popup paint, later opening (ms)', 'popup paint, later opening, 100 → 1,000', null),
  {
    figure: 'bench run (s) / load average at its start',
    target: '< 300 s',
    cell: (r) => {
      const load = (r as { machine?: { loadavg?: number[] } }).machine?.loadavg?.[0];
      return `${r.seconds} / ${load === undefined ? '–' : load.toFixed(0)}`;
    },
  },
  {
    figure: 'its steps (s): build, page loads, read, ingest, popup',
    target: '',
    cell: (r) => {
      const t = (r as { timings?: Record<string, number> }).timings;
      if (!t) return null;
      return ['build', 'overhead', 'read', 'ingest', 'popup']
        .map((k) => (t[k] === undefined ? '–' : fmt(t[k]!)))
        .join(', ');
    },
  },
  { figure: 'commit', target: '', cell: (r) => r.commit },
];

export function readmeTable(runs: readonly BenchResults[]): string {
  const head = ['Figure (median of each run)', 'Target', ...runs.map((_, i) => `Run ${i + 1}`)];
  const body = ROWS.map((row) => [row.figure, row.target, ...runs.map((r) => row.cell(r) ?? '–')]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (!files.length) throw new Error('usage: readme-table.ts results.json [more.json ...]');
  console.log(readmeTable(files.map((f) => checkResults(JSON.parse(readFileSync(f, 'utf8')), false))));
}
