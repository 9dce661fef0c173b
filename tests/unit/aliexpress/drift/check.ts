/**
 * The properties every drift must keep, shared by the JSON and page suites: read() never throws,
 * no id is invented, and every id and status still in the input is read as before the drift.
 */
import fc from 'fast-check';
import type { PageSnapshot } from '../../../../src/model/index.ts';
import { read, type ReadInput } from '../../../../src/aliexpress/read.ts';
import { PENDING_DRIFTS } from './pending.ts';
import { isDigitRunIn, newTally, report, REPORT, tallyText, type Tally } from './tally.ts';

export interface ExpectedOrder {
  orderId: string;
  status: string;
}

/** A dispute as the undrifted read gave it; found again by its order id, else by its line id. */
export interface ExpectedDispute {
  orderId: string | null;
  lineId: string | null;
  status: string;
}

export interface Expectation {
  orders: ExpectedOrder[];
  disputes: ExpectedDispute[];
}

export interface Verdict {
  violations: string[];
  idsChecked: number;
}

/** Reads, catching what read() must never let out. */
export function safeRead(input: ReadInput, url: string, readAt: Date): PageSnapshot | string {
  try {
    return read(input, url, readAt);
  } catch (error) {
    return `read() threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** `source` is everything the reader was given (the drifted input and its URL) as text. */
export function judge(snapshot: PageSnapshot | string, source: string, expected: Expectation): Verdict {
  if (typeof snapshot === 'string') return { violations: [snapshot], idsChecked: 0 };
  const violations: string[] = [];
  let idsChecked = 0;
  for (const p of snapshot.problems) {
    // A part that threw is caught and named, but it is still a reader bug.
    if (/ threw: |^read failed: /.test(p.detail ?? '')) violations.push(`a reader threw: ${p.detail}`);
  }
  const ids = [
    ...snapshot.orders.flatMap((o) => [o.orderId, ...o.lines.map((l) => l.lineId)]),
    ...snapshot.disputes.flatMap((d) => [d.orderId, d.lineId, d.disputeId]),
  ];
  for (const id of ids) {
    if (id === null || id === undefined) continue;
    idsChecked++;
    if (!isDigitRunIn(id, source)) violations.push(`invented id ${id}`);
  }
  for (const want of expected.orders) {
    idsChecked++;
    const got = snapshot.orders.find((o) => o.orderId === want.orderId);
    if (!got) violations.push(`order ${want.orderId} not read`);
    else if (got.status !== want.status) violations.push(`order ${want.orderId}: ${got.status}, was ${want.status}`);
  }
  for (const want of expected.disputes) {
    idsChecked++;
    const id = want.orderId ?? want.lineId;
    const got = snapshot.disputes.find((d) => (want.orderId ? d.orderId === want.orderId : d.lineId === want.lineId));
    if (!got) violations.push(`dispute of ${want.orderId ? 'order' : 'line'} ${id} not read`);
    else if (got.status !== want.status) violations.push(`dispute ${id}: ${got.status}, was ${want.status}`);
  }
  return { violations, idsChecked };
}

export interface Suite<D extends { kind: string }> {
  name: string;
  kinds: readonly D['kind'][];
  /** Drifts of the kinds given for one subject (a language drift must move away from its language). */
  drifts: (kinds: readonly D['kind'][], subject: number) => fc.Arbitrary<D[]>;
  /** How many subjects (pages or captures) there are; a run drifts one of them. */
  subjects: number;
  /** A subject's name, for the report. */
  label: (subject: number) => string;
  /** Applies the drifts to one subject, reads it and judges the result. */
  run: (subject: number, drifts: D[]) => Verdict;
  numRuns: number;
  seed: number;
}

/**
 * Asserts the properties over the drift kinds not pending, then, with DRIFT_REPORT=1, tries each
 * pending kind alone and prints how often it escapes and fast-check's smallest counterexample.
 */
export function runSuite<D extends { kind: string }>(suite: Suite<D>): Tally {
  const tally = newTally();
  const live = suite.kinds.filter((k) => !PENDING_DRIFTS.includes(k));
  try {
    // With every kind pending there is nothing to assert; the report below still runs each kind.
    if (live.length > 0) assertLive(suite, live, tally);
  } finally {
    // Also when a property failed, so the counts show how far the run got.
    report(tallyText(suite.name, tally));
  }
  if (REPORT) for (const kind of suite.kinds.filter((k) => PENDING_DRIFTS.includes(k))) reportPending(suite, kind);
  return tally;
}

const runsOf = <D extends { kind: string }>(suite: Suite<D>, kinds: readonly D['kind'][]) =>
  fc.nat({ max: suite.subjects - 1 }).chain((subject) => fc.tuple(fc.constant(subject), suite.drifts(kinds, subject)));

function assertLive<D extends { kind: string }>(suite: Suite<D>, live: readonly D['kind'][], tally: Tally): void {
  const arb = runsOf(suite, live);
  fc.assert(
    fc.property(arb, ([subject, drifts]) => {
      const verdict = suite.run(subject, drifts);
      tally.runs++;
      tally.idsChecked += verdict.idsChecked;
      if (verdict.violations.length) {
        tally.escapes++;
        throw new Error(verdict.violations.slice(0, 5).join('; '));
      }
    }),
    { numRuns: suite.numRuns, seed: suite.seed },
  );
}

function reportPending<D extends { kind: string }>(suite: Suite<D>, kind: D['kind']): void {
  const arb = runsOf(suite, [kind]);
  const numRuns = Math.min(200, suite.numRuns);
  const tally = newTally();
  for (const [subject, drifts] of fc.sample(arb, { numRuns, seed: suite.seed })) {
    const verdict = suite.run(subject, drifts);
    tally.runs++;
    tally.idsChecked += verdict.idsChecked;
    if (verdict.violations.length) tally.escapes++;
  }
  report(`pending ${tallyText(`${suite.name} / ${kind}`, tally)}`);
  const details = fc.check(
    fc.property(arb, ([subject, drifts]) => suite.run(subject, drifts).violations.length === 0),
    { numRuns, seed: suite.seed },
  );
  if (details.failed && details.counterexample) {
    const [[subject, drifts]] = details.counterexample;
    const why = suite.run(subject, drifts).violations.slice(0, 3).join('; ');
    report(`  smallest: ${suite.label(subject)}, ${JSON.stringify(drifts)} -> ${why}`);
  }
}
