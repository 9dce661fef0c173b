/**
 * Issue 17's targets, each a ratio or a figure from one run, and how each figure grows with the
 * number of orders. Pure: computed from the results the bench is about to write.
 */
import type { z } from 'zod';
import type { GrowthSchema, TargetSchema } from './contract.ts';

export type Target = z.infer<typeof TargetSchema>;
export type Growth = z.infer<typeof GrowthSchema>;

export const LIMITS = {
  /** Page cost ≤ 2× the floor's, at 50 and at 500 orders. */
  floorRatio: 2,
  /** No long task caused by the extension. */
  longTasks: 0,
  /** JS heap added at 500 orders. */
  heapBytes: 0.5 * 1024 * 1024,
  /** Popup paint at 1,000 tracked orders ≤ 1.25× the empty popup's. */
  popupRatio: 1.25,
  /** Ingest of 1,000 new orders. */
  ingestMs: 200,
  /** Content scripts together, gzip. */
  contentBytes: 25 * 1024,
} as const;

interface Median {
  median: number;
}
interface IngestFigures {
  orders: number;
  newMs: Median;
  unchangedMs: Median;
}

/** The parts of the results (contract.ts) the targets and growth are worked out from. */
export interface Figures {
  overhead?: ReadonlyArray<{
    orders: number;
    extensionMs: Median;
    floorMs: Median;
    longTasksByExtension: { max: number };
    heapAddedBytes: number;
  }>;
  read?: ReadonlyArray<{ orders: number; coldMs: Median }>;
  ingest?: { sizes: readonly IngestFigures[] };
  popup?: ReadonlyArray<{ orders: number; cached: boolean; paintMs: Median; emptyPaintMs: Median }>;
  /** Content scripts' gzip size, bytes. */
  contentGzip?: number;
}

export function targetsOf(f: Figures): Target[] {
  const out: Target[] = [];
  const add = (target: string, value: number, limit: number, unit: Target['unit']) =>
    out.push({ target, value, limit, unit, pass: value <= limit });
  for (const o of f.overhead ?? []) {
    add(`page cost, ${o.orders} orders / floor`, o.extensionMs.median / o.floorMs.median, LIMITS.floorRatio, 'ratio');
    add(
      `long tasks caused by the extension, ${o.orders} orders`,
      o.longTasksByExtension.max,
      LIMITS.longTasks,
      'count',
    );
  }
  const big = f.overhead?.find((o) => o.orders === 500);
  if (big) add('JS heap added, 500 orders', big.heapAddedBytes, LIMITS.heapBytes, 'bytes');
  for (const p of f.popup ?? []) {
    if (p.orders !== 1000) continue;
    const opening = p.cached ? 'later opening' : 'first opening';
    add(
      `popup paint, 1000 orders, ${opening} / empty popup`,
      p.paintMs.median / p.emptyPaintMs.median,
      LIMITS.popupRatio,
      'ratio',
    );
  }
  const ingest1000 = f.ingest?.sizes.find((s) => s.orders === 1000);
  if (ingest1000) add('ingest of 1000 new orders', ingest1000.newMs.median, LIMITS.ingestMs, 'ms');
  if (f.contentGzip !== undefined) add('content scripts, gzip', f.contentGzip, LIMITS.contentBytes, 'bytes');
  return out;
}

function grew(
  figure: string,
  small: { orders: number; value: number; floor?: number },
  large: { orders: number; value: number; floor?: number },
): Growth {
  return {
    figure,
    from: small.orders,
    to: large.orders,
    small: small.value,
    large: large.value,
    factor: large.value / small.value,
    floorFactor: small.floor !== undefined && large.floor !== undefined ? large.floor / small.floor : null,
  };
}

/** Each figure's growth from its smallest to its largest size. */
export function growth(f: Figures): Growth[] {
  const out: Growth[] = [];
  const ends = <T extends { orders: number }>(list: readonly T[] | undefined): [T, T] | null => {
    if (!list || list.length < 2) return null;
    const sorted = [...list].sort((a, b) => a.orders - b.orders);
    return [sorted[0]!, sorted.at(-1)!];
  };
  const o = ends(f.overhead);
  if (o) {
    const at = (x: (typeof o)[0]) => ({ orders: x.orders, value: x.extensionMs.median, floor: x.floorMs.median });
    out.push(grew('page cost (main-thread ms)', at(o[0]), at(o[1])));
  }
  const r = ends(f.read);
  if (r)
    out.push(
      grew(
        'first read() (ms)',
        { orders: r[0].orders, value: r[0].coldMs.median },
        { orders: r[1].orders, value: r[1].coldMs.median },
      ),
    );
  const i = ends(f.ingest?.sizes);
  if (i) {
    out.push(
      grew(
        'ingest, new orders (ms)',
        { orders: i[0].orders, value: i[0].newMs.median },
        { orders: i[1].orders, value: i[1].newMs.median },
      ),
    );
    out.push(
      grew(
        'ingest, unchanged (ms)',
        { orders: i[0].orders, value: i[0].unchangedMs.median },
        { orders: i[1].orders, value: i[1].unchangedMs.median },
      ),
    );
  }
  for (const cached of [false, true]) {
    const p = ends(f.popup?.filter((x) => x.cached === cached));
    if (!p) continue;
    // No floor growth: the empty popup has no orders, and one sample of it serves every size.
    const at = (x: (typeof p)[0]) => ({ orders: x.orders, value: x.paintMs.median });
    out.push(grew(`popup paint, ${cached ? 'later' : 'first'} opening (ms)`, at(p[0]), at(p[1])));
  }
  return out;
}
