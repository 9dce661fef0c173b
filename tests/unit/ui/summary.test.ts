import { describe, expect, it } from 'vitest';
import { toEntries, type Tracked } from '../../../src/ui/entries.ts';
import { byUrgency, needsShopper } from '../../../src/ui/entry.ts';
import { policyFor } from '../../../src/ui/policy.ts';
import { SUMMARY_FRESH_MS, summarize } from '../../../src/ui/summary.ts';
import { at, DAY, dispute, HOUR, NOW, order } from './fixtures.ts';

const rules = { pack: 'guide' as const, overrides: {} };
const stored = { firstSeenAt: at(-30 * DAY), updatedAt: at(-DAY), readAtByField: { status: at(-DAY) } };

/** 1,000 tracked orders as the store keeps them: every third in dispute, the rest quiet or shipped. */
function thousand(): Tracked[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const id = String(8000000000000000 + i);
    const status = i % 3 === 0 ? 'in-dispute' : i % 3 === 1 ? 'shipped' : 'completed';
    const o = { ...order(id, { status, placedAt: at(-(i % 120) * DAY) }), ...stored };
    const disputes =
      i % 3 === 0
        ? [
            {
              ...dispute(id, { deadline: at(((i % 97) + 1) * HOUR) }),
              ...stored,
              key: `${id}:${id}01`,
              statusSince: at(-2 * DAY),
            },
          ]
        : [];
    return { order: o, disputes, progress: null } as Tracked;
  });
}

describe('the popup’s list, worked out by the background', () => {
  it('sends only the most urgent orders that need the shopper, in order, with the counts', () => {
    const list = thousand();
    const now = new Date(NOW);
    const summary = summarize(list, rules, now, 20);
    // What the popup used to work out itself from every order.
    const all = toEntries(list, policyFor(rules), now).filter(needsShopper).sort(byUrgency);

    expect(summary.tracked).toBe(1000);
    expect(summary.needing).toBe(all.length);
    expect(all.length).toBeGreaterThan(20);
    expect(all.length).toBeLessThan(1000);
    expect(summary.entries).toHaveLength(20);
    expect(summary.entries.map((e) => e.order.orderId)).toEqual(all.slice(0, 20).map((e) => e.order.orderId));
    expect(summary.entries.map((e) => e.timeline)).toEqual(all.slice(0, 20).map((e) => e.timeline));
    const urgencies = summary.entries.map((e) => e.timeline.urgency);
    expect(urgencies).toEqual([...urgencies].sort((a, b) => a - b));
    expect(summarize(list, rules, now, 50).entries).toHaveLength(50);
    expect(summarize(list, rules, now, 5000).entries).toHaveLength(all.length);
  });

  it('leaves out what only the store needs, and keeps every date’s source', () => {
    const [first] = summarize(thousand(), rules, new Date(NOW), 1).entries;
    expect(first!.order).not.toHaveProperty('readAtByField');
    expect(first!.order).not.toHaveProperty('firstSeenAt');
    expect(first!.dispute).not.toHaveProperty('key');
    expect(first!.dispute).not.toHaveProperty('statusSince');
    expect(first!.order.lines[0]!.title).toBe('USB-C cable 2 m');
    expect(first!.timeline.deadlines.length).toBeGreaterThan(0);
    for (const d of first!.timeline.deadlines) expect(['page', 'rule']).toContain(d.source);
    // A 1,000-order answer is a page of cards, not the whole store.
    const list = thousand();
    const sent = JSON.stringify(summarize(list, rules, new Date(NOW), 20)).length;
    expect(sent).toBeLessThan(JSON.stringify(list).length / 20);
  });

  it('works the list out once a minute for the same orders and rules, and again for new ones', () => {
    const list = thousand();
    const first = summarize(list, rules, new Date(NOW), 20);
    expect(summarize(list, rules, new Date(NOW + SUMMARY_FRESH_MS - 1), 20).entries[0]).toBe(first.entries[0]);
    expect(summarize(list, rules, new Date(NOW + SUMMARY_FRESH_MS), 20).entries[0]).not.toBe(first.entries[0]);
    // A clock set back is not trusted with a list from the future.
    expect(summarize(list, rules, new Date(NOW - 1), 20).entries[0]).not.toBe(first.entries[0]);
    // Other rules, or a list read again after a change, are worked out afresh.
    const legacy = { pack: 'official-legacy' as const, overrides: {} };
    expect(summarize(list, legacy, new Date(NOW), 20).entries[0]).not.toBe(first.entries[0]);
    expect(summarize([...list], rules, new Date(NOW), 20).entries[0]).not.toBe(first.entries[0]);
  });

  it('moves on with the clock when worked out again', () => {
    const list = thousand().slice(0, 1);
    const now = summarize(list, rules, new Date(NOW), 20);
    expect(now.entries[0]!.timeline.phase).toBe('waiting-for-seller');
    const later = summarize(list, rules, new Date(NOW + 10 * DAY), 20);
    expect(later.entries[0]?.timeline.phase ?? 'quiet').not.toBe('waiting-for-seller');
  });

  it('counts orders with nothing to do, and sends none of them', () => {
    const quiet = thousand().filter((_, i) => i % 3 === 2);
    const summary = summarize(quiet, rules, new Date(NOW), 20);
    expect(summary.tracked).toBe(quiet.length);
    expect(summary.entries.every(needsShopper)).toBe(true);
    expect(summary.needing).toBe(summary.entries.length);
  });
});
