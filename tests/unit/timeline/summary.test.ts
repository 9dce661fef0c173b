/**
 * The popup's list as the background works it out. The tracked orders are built here by hand so
 * that which of them need the shopper, and how urgently, is known from how they were built: the
 * expected lists never come from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { policyOf } from '../../../src/rules/overrides.ts';
import { SUMMARY_FRESH_MS, summarize } from '../../../src/timeline/summary.ts';
import type { Tracked } from '../../../src/timeline/tracked.ts';
import { at, DAY, dispute, HOUR, NOW, order } from '../ui/fixtures.ts';

const guide = policyOf({ pack: 'guide', overrides: {} }).policy;
const stored = { firstSeenAt: at(-30 * DAY), updatedAt: at(-DAY), readAtByField: { status: at(-DAY) } };
const id = (i: number) => String(8000000000000000 + i);

/**
 * 1,000 tracked orders. Every third waits for the shopper's answer, due in (i % 97) + 1 hours: it
 * needs the shopper, that many hours from now (escalation closes 16 days away, later than any of
 * them). The rest are quiet: parcels within their delivery guarantee, and orders just completed.
 */
function thousand(): Tracked[] {
  return Array.from({ length: 1000 }, (_, i) => {
    if (i % 3 === 0) {
      const d = dispute(id(i), { status: 'awaiting-buyer', awaiting: 'buyer', deadline: at(((i % 97) + 1) * HOUR) });
      return {
        order: { ...order(id(i), { status: 'in-dispute' }), ...stored },
        disputes: [{ ...d, ...stored, key: `${id(i)}:${id(i)}01`, statusSince: at(-DAY) }],
        progress: null,
      };
    }
    const quiet =
      i % 3 === 1
        ? order(id(i), { dates: { ...order(id(i)).dates, deliveryGuaranteeAt: at(10 * DAY) } })
        : order(id(i), { status: 'completed', dates: { ...order(id(i)).dates, completedAt: at(-DAY) } });
    return { order: { ...quiet, ...stored }, disputes: [], progress: null };
  });
}

/** The disputed orders, most urgent first, as built: by hours left, then by id. */
const expectedOrder = () =>
  Array.from({ length: 1000 }, (_, i) => i)
    .filter((i) => i % 3 === 0)
    .sort((a, b) => (a % 97) - (b % 97) || a - b)
    .map(id);

describe('the popup’s list, worked out by the background', () => {
  it('sends only the orders that need the shopper, most urgent first, with the counts', () => {
    const summary = summarize(thousand(), guide, new Date(NOW), 20);
    expect(summary.tracked).toBe(1000);
    expect(summary.needing).toBe(334);
    expect(summary.entries.map((e) => e.order.orderId)).toEqual(expectedOrder().slice(0, 20));
    for (const e of summary.entries) {
      const hours = (Number(e.order.orderId.slice(-3)) % 97) + 1;
      expect(e.timeline.urgency).toBe(hours * HOUR);
    }
    expect(summarize(thousand(), guide, new Date(NOW), 5000).entries.map((e) => e.order.orderId)).toEqual(
      expectedOrder(),
    );
  });

  it('leaves out what only the store needs, keeps when the status began and every date’s source', () => {
    const [first] = summarize(thousand(), guide, new Date(NOW), 1).entries;
    expect(first!.order).not.toHaveProperty('readAtByField');
    expect(first!.order).not.toHaveProperty('firstSeenAt');
    expect(first!.dispute).not.toHaveProperty('key');
    expect(first!.dispute).toHaveProperty('statusSince', at(-DAY));
    expect(first!.order.lines[0]!.title).toBe('USB-C cable 2 m');
    expect(first!.timeline.deadlines.map((d) => [d.kind, d.source])).toEqual([
      ['buyer-response', 'page'],
      ['escalation-opens', 'rule'],
      ['escalation-closes', 'rule'],
    ]);
    // A 1,000-order answer is a page of cards, not the whole store.
    const list = thousand();
    const sent = JSON.stringify(summarize(list, guide, new Date(NOW), 20)).length;
    expect(sent).toBeLessThan(JSON.stringify(list).length / 20);
  });

  it('shows an agreed return with its ship-by date, counted from when the return was agreed', () => {
    const returning = {
      order: order(id(1)),
      disputes: [{ ...dispute(id(1), { status: 'awaiting-return', awaiting: 'buyer' }), statusSince: at(-2 * DAY) }],
      progress: null,
    };
    const [entry] = summarize([returning], guide, new Date(NOW), 20).entries;
    const shipBy = entry!.timeline.deadlines.find((d) => d.kind === 'return-ship-by');
    // The guide pack: within 10 days of the agreement.
    expect(shipBy).toMatchObject({ at: at(8 * DAY), source: 'rule', rule: 'returnShipBy' });
    expect(entry!.timeline.urgency).toBe(8 * DAY);
  });

  it('works the list out once a minute for the same orders and rules, and again for new ones', () => {
    const list = thousand();
    const first = summarize(list, guide, new Date(NOW), 20);
    expect(summarize(list, guide, new Date(NOW + SUMMARY_FRESH_MS - 1), 20).entries[0]).toBe(first.entries[0]);
    expect(summarize(list, guide, new Date(NOW + SUMMARY_FRESH_MS), 20).entries[0]).not.toBe(first.entries[0]);
    // A clock set back is not trusted with a list from the future.
    expect(summarize(list, guide, new Date(NOW - 1), 20).entries[0]).not.toBe(first.entries[0]);
    // Other rules, or a list read again after a change, are worked out afresh.
    const legacy = policyOf({ pack: 'official-legacy', overrides: {} }).policy;
    expect(summarize(list, legacy, new Date(NOW), 20).entries[0]).not.toBe(first.entries[0]);
    expect(summarize([...list], guide, new Date(NOW), 20).entries[0]).not.toBe(first.entries[0]);
  });

  it('moves on with the clock when worked out again', () => {
    const list = thousand().slice(0, 1);
    expect(summarize(list, guide, new Date(NOW), 20).entries[0]!.timeline.phase).toBe('negotiating');
    // Past the shopper's countdown and the escalation window, nothing is left to do in time.
    const later = summarize(list, guide, new Date(NOW + 20 * DAY), 20).entries[0]!;
    expect(later.timeline.urgency).toBe(0);
  });

  it('counts orders with nothing to do and sends none of them, while sending the one that needs the shopper', () => {
    const all = thousand();
    const quiet = all.filter((_, i) => i % 3 !== 0);
    const summary = summarize([...quiet, all[0]!], guide, new Date(NOW), 20);
    expect(summary.tracked).toBe(quiet.length + 1);
    expect(summary.needing).toBe(1);
    expect(summary.entries.map((e) => e.order.orderId)).toEqual([id(0)]);
  });
});
