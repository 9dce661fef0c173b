export interface Summary {
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  n: number;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('nothing to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0]!,
    max: sorted.at(-1)!,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    n: sorted.length,
  };
}

const digits = (v: number) => (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
export const fmt = (v: number, unit = '') => `${v.toFixed(digits(v))}${unit}`;
export const fmtSummary = (s: Summary, unit = '') =>
  `${fmt(s.median, unit)} (${fmt(s.min)}–${fmt(s.max)}${unit ? ` ${unit.trim()}` : ''}, n=${s.n})`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
