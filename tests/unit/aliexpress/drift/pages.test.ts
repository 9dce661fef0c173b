/**
 * The DOM readers, through read(), against drifted fixture pages (tests/fixtures/pages/<lang>/,
 * rendered by tests/site from the same notes the readers were written from): the drifts break
 * that closed loop with what a redeploy of AliExpress may change.
 */
// @vitest-environment node
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CLOCK } from '../../../site/data.ts';
import type { Lang } from '../../../site/labels.ts';
import { fixturePages, fixturePath } from '../../../site/snapshot.ts';
import { judge, runSuite, safeRead, type Expectation, type Verdict } from './check.ts';
import { applyPageDrifts, ORDER_LINK, PAGE_DRIFT_KINDS, pageDrifts, type PageDrift } from './page-drift.ts';

const PAGE_NAMES = new Set([
  'dispute-detail',
  'dispute-detail--seller',
  'dispute-detail--escalated',
  'dispute-detail--refunded',
  'order-list',
  'order-detail',
  'order-detail--dispute',
]);

interface Subject {
  name: string;
  lang: Lang;
  url: string;
  html: string;
  /** The undrifted read: what every drift that keeps the ids must still give. */
  orders: Expectation['orders'];
  dispute: { orderId: string; lineId: string | null; status: string } | null;
}

/**
 * happy-dom keeps what a window ever parsed until the window goes, so pages are parsed in a window
 * that is replaced every few dozen runs (as in tests/unit/aliexpress/dom/mutations.test.ts).
 */
class Parser {
  private window: Window | null = null;
  private uses = 0;

  parse(html: string, url: string): Document {
    if (!this.window || this.uses++ >= 40) {
      void this.window?.happyDOM.close();
      this.window = new Window({ url });
      this.uses = 0;
    }
    return new this.window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  }

  close(): void {
    void this.window?.happyDOM.close();
  }
}

const parser = new Parser();

function subjectOf(p: ReturnType<typeof fixturePages>[number]): Subject {
  const doc = parser.parse(readFileSync(fixturePath(p), 'utf8'), p.url);
  // Each card is read alone, so three cards show what fifteen would, at a fifth of the cost.
  for (const extra of [...doc.querySelectorAll('.order-item')].slice(3)) extra.remove();
  // The readers never look at styles; parsing them was most of a run's time.
  for (const style of [...doc.querySelectorAll('style')]) style.remove();
  const html = `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
  const before = safeRead(parser.parse(html, p.url), p.url, FIXTURE_CLOCK);
  if (typeof before === 'string') throw new Error(`${p.lang}/${p.name}: ${before}`);
  const d = before.disputes[0];
  return {
    name: `${p.lang}/${p.name}`,
    lang: p.lang,
    url: p.url,
    html,
    orders: before.orders.map((o) => ({ orderId: o.orderId, status: o.status })),
    dispute: d?.orderId ? { orderId: d.orderId, lineId: d.lineId, status: d.status } : null,
  };
}

const SUBJECTS = fixturePages()
  .filter((p) => PAGE_NAMES.has(p.name))
  .map(subjectOf);

function runOne(index: number, drifts: PageDrift[]): Verdict {
  const s = SUBJECTS[index]!;
  const doc = parser.parse(s.html, s.url);
  const { orderNumberShown } = applyPageDrifts(doc, drifts, s.lang, s.dispute?.orderId ?? null);
  const expected: Expectation = { orders: s.orders, disputes: [] };
  if (s.dispute) {
    // With the order number gone from the page, the URL's line id is what is left to find it by.
    const lineId = new URL(s.url).searchParams.get('tradeOrderLineId');
    expected.disputes.push(
      orderNumberShown
        ? { orderId: s.dispute.orderId, lineId: null, status: s.dispute.status }
        : { orderId: null, lineId, status: s.dispute.status },
    );
  }
  const snapshot = safeRead(doc, s.url, FIXTURE_CLOCK);
  return judge(snapshot, `${doc.documentElement.outerHTML} ${s.url}`, expected);
}

const RUNS = 3000;

describe('DOM readers on drifted fixture pages', () => {
  it('read every page undrifted, with a known status, so the properties compare against something', () => {
    const unread = SUBJECTS.filter((s) =>
      s.name.includes('dispute-detail')
        ? !s.dispute || s.dispute.status === 'unknown'
        : s.orders.length === 0 || s.orders.some((o) => o.status === 'unknown'),
    );
    expect(unread.map((s) => s.name)).toEqual([]);
    expect(SUBJECTS.length).toBe(70);
    // The link the order-number drifts replace is there to replace on every dispute page.
    for (const s of SUBJECTS.filter((x) => x.dispute)) expect(s.html).toMatch(/product--orderLink/);
    expect(ORDER_LINK).toContain('product--orderLink');
  });

  it(`never throw, never invent an id, and keep every order number and status (${RUNS} runs)`, () => {
    try {
      const tally = runSuite({
        name: 'pages',
        kinds: PAGE_DRIFT_KINDS,
        drifts: (kinds, subject) => pageDrifts(kinds, SUBJECTS[subject]!.lang),
        subjects: SUBJECTS.length,
        label: (i) => SUBJECTS[i]!.name,
        run: runOne,
        numRuns: RUNS,
        seed: 0x5eed_0022,
      });
      expect(tally.runs).toBe(RUNS);
      expect(tally.idsChecked).toBeGreaterThan(RUNS);
    } finally {
      parser.close();
    }
  }, 120_000);
});
