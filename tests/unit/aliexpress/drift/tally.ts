/**
 * What the drift suites checked, kept per suite so a maintainer can quote the numbers; printed only
 * with DRIFT_REPORT=1 so a passing run stays silent.
 */
export const REPORT = process.env.DRIFT_REPORT === '1';

export interface Tally {
  runs: number;
  idsChecked: number;
  escapes: number;
}

export const newTally = (): Tally => ({ runs: 0, idsChecked: 0, escapes: 0 });

export function report(line: string): void {
  if (REPORT) console.log(`[drift] ${line}`);
}

export const tallyText = (name: string, t: Tally) =>
  `${name}: ${t.runs} runs, ${t.idsChecked} ids checked, ${t.escapes} escapes`;

/**
 * Whether `id` stands in `input` as a whole run of digits: a read id that is only part of a longer
 * number (or of no number) was invented.
 */
export function isDigitRunIn(id: string, input: string): boolean {
  if (!/^\d+$/.test(id)) return false;
  let from = 0;
  for (;;) {
    const at = input.indexOf(id, from);
    if (at < 0) return false;
    const before = input.charCodeAt(at - 1);
    const after = input.charCodeAt(at + id.length);
    const isDigit = (c: number) => c >= 48 && c <= 57;
    if (!isDigit(before) && !isDigit(after)) return true;
    from = at + 1;
  }
}

/** A small seeded generator, so a drift's random choices shrink and replay with its seed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: enough spread for shuffles and picks, and the same on every machine.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
