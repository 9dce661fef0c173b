/**
 * The JSON readers against drifted real captures (tests/fixtures/real/order-list-init.json,
 * order-detail.json, refund-list.json): the answers as AliExpress might change them, not as the
 * notes the readers were written from describe them.
 */
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FIXTURE_CLOCK } from '../../../site/data.ts';
import { capture, type CaptureName } from '../json/fixtures.ts';
import { judge, runSuite, safeRead, type Expectation } from './check.ts';
import { applyJsonDrifts, JSON_DRIFT_KINDS, jsonDrifts, keysOf, type JsonDrift } from './json-drift.ts';

interface Subject {
  name: CaptureName;
  json: unknown;
  text: string;
  api: string;
  url: string;
  known: Set<string>;
  expected: Expectation;
}

function subject(name: CaptureName, url: (json: Record<string, unknown>) => string): Subject {
  const json = capture(name) as Record<string, unknown>;
  const api = String(json.api).toLowerCase();
  const href = url(json);
  const before = safeRead({ json, api }, href, FIXTURE_CLOCK);
  if (typeof before === 'string') throw new Error(`${name}: ${before}`);
  return {
    name,
    json,
    text: JSON.stringify(json),
    api,
    url: href,
    known: keysOf(json),
    expected: {
      orders: before.orders.map((o) => ({ orderId: o.orderId, status: o.status })),
      disputes: before.disputes.map((d) => ({ orderId: d.orderId, lineId: d.lineId, status: d.status })),
    },
  };
}

const detailId = (json: Record<string, unknown>) => /"orderId":"(\d+)"/.exec(JSON.stringify(json))?.[1] ?? 'missing';

const SUBJECTS: Subject[] = [
  subject('order-list-init', () => 'https://www.aliexpress.com/p/order/index.html'),
  subject('order-detail', (j) => `https://www.aliexpress.com/p/order/detail.html?orderId=${detailId(j)}`),
  subject('refund-list', () => 'https://m.aliexpress.com/p/refund-dispute/list.html'),
];

function runOne(index: number, drifts: JsonDrift[]) {
  const s = SUBJECTS[index]!;
  const json = applyJsonDrifts(s.text, drifts, s.known);
  // The tap always knows which API it saw, so the reader is told it even when the envelope is gone.
  const snapshot = safeRead({ json, api: s.api }, s.url, FIXTURE_CLOCK);
  return judge(snapshot, `${JSON.stringify(json)} ${s.url}`, s.expected);
}

const RUNS = 7000;

describe('JSON readers on drifted real captures', () => {
  it('read every capture undrifted, so the properties compare against something', () => {
    expect(SUBJECTS.map((s) => [s.name, s.expected.orders.length + s.expected.disputes.length > 0])).toEqual([
      ['order-list-init', true],
      ['order-detail', true],
      ['refund-list', true],
    ]);
  });

  it(`never throw, never invent an id, and keep every order and status (${RUNS} runs)`, () => {
    const tally = runSuite({
      name: 'json',
      kinds: JSON_DRIFT_KINDS,
      drifts: jsonDrifts,
      subjects: SUBJECTS.length,
      label: (i) => SUBJECTS[i]!.name,
      run: runOne,
      numRuns: RUNS,
      seed: 0x5eed_0011,
    });
    expect(tally.runs).toBe(RUNS);
    expect(tally.idsChecked).toBeGreaterThan(RUNS);
  }, 120_000);
});
