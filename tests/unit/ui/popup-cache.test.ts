import { describe, expect, it } from 'vitest';
import { policyOf } from '../../../src/rules/overrides.ts';
import { summarize } from '../../../src/timeline/summary.ts';
import type { Tracked } from '../../../src/timeline/tracked.ts';
import { cacheOf, dataOf, keepSame, restore, type SummaryAnswer } from '../../../src/ui/popup-cache.ts';
import { PAGE_SIZE } from '../../../src/ui/OrderList.tsx';
import { at, DAY, dispute, NOW, order } from './fixtures.ts';

const rules = { pack: 'guide' as const, overrides: {} };
const { policy } = policyOf(rules);

function tracked(n: number): Tracked[] {
  return Array.from({ length: n }, (_, i) => {
    const id = String(7000000000000000 + i);
    // Seller deadlines i hours apart: order i is the i-th most urgent.
    const d = { ...dispute(id, { deadline: at(DAY + i * 3_600_000) }), updatedAt: at(-DAY) };
    return { order: order(id, { status: 'in-dispute' }), disputes: [d], progress: null };
  });
}

/** The background's answer, as the handler builds it. */
function answer(list: Tracked[], limit: number, now = NOW): SummaryAnswer {
  return { ...summarize(list, policy, new Date(now), limit), policy, language: 'auto' };
}

describe('the popup’s cached first screen', () => {
  it('keeps only the first screen’s orders, and the counts', () => {
    const text = cacheOf(answer(tracked(100), 3 * PAGE_SIZE));
    const restored = restore(text, new Date(NOW))!;
    expect(restored).toMatchObject({ total: 100, needing: 100, cached: true });
    expect(restored.entries).toHaveLength(PAGE_SIZE);
    expect(restored.entries[0]!.order.orderId).toBe('7000000000000000');
    expect(restored.entries.map((e) => e.order.orderId)).not.toContain('7000000000000099');
  });

  it('stores no timelines, and works them out again at the time it is shown', () => {
    const text = cacheOf(answer(tracked(1), PAGE_SIZE));
    expect(text).not.toContain('"timeline"');
    const now = restore(text, new Date(NOW))!;
    expect(now.entries[0]!.timeline.phase).toBe('waiting-for-seller');
    const later = restore(text, new Date(NOW + 2 * DAY))!;
    const seller = later.entries[0]?.timeline.deadlines.find((d) => d.kind === 'seller-response');
    if (seller) expect(Date.parse(seller.at)).toBeLessThan(NOW + 2 * DAY);
    expect(later.entries[0]?.timeline.phase).not.toBe('waiting-for-seller');
  });

  it('gives the same timelines as the background when shown at the same time', () => {
    const live = answer(tracked(5), PAGE_SIZE);
    const restored = restore(cacheOf(live), new Date(NOW))!;
    expect(restored.entries).toEqual(live.entries);
  });

  it('works out an agreed return’s ship-by date from the cache as the background does', () => {
    const returning: Tracked = {
      order: order('7100000000000000'),
      disputes: [{ ...dispute('7100000000000000', { status: 'awaiting-return' }), statusSince: at(-2 * DAY) }],
      progress: null,
    };
    const live = answer([returning], PAGE_SIZE);
    const restored = restore(cacheOf(live), new Date(NOW))!;
    const shipBy = (d: { entries: { timeline: { deadlines: { kind: string; at: string }[] } }[] }) =>
      d.entries[0]!.timeline.deadlines.find((x) => x.kind === 'return-ship-by')?.at;
    expect(shipBy(live)).toBe(at(8 * DAY));
    expect(shipBy(restored)).toBe(at(8 * DAY));
  });

  it('works timelines out under the rules the background sent, not the bundled defaults', () => {
    const legacy = policyOf({ pack: 'official-legacy', overrides: { sellerResponse: 9 } }).policy;
    const live = { ...summarize(tracked(1), legacy, new Date(NOW), PAGE_SIZE), policy: legacy, language: 'auto' };
    expect(restore(cacheOf(live), new Date(NOW))!.entries).toEqual(live.entries);
  });

  it('ignores a missing, broken or older cache', () => {
    expect(restore(null, new Date(NOW))).toBeNull();
    expect(restore('{not json', new Date(NOW))).toBeNull();
    expect(restore(JSON.stringify({ v: 1, total: 1, rules, tracked: [] }), new Date(NOW))).toBeNull();
  });
});

describe('the popup’s data from the background’s answer', () => {
  it('takes the cards as sent and the counts for the rest', () => {
    const live = answer(tracked(30), PAGE_SIZE);
    expect(dataOf(live)).toEqual({ entries: live.entries, total: 30, needing: 30 });
  });
});

describe('keeping the cards that did not change', () => {
  it('keeps the shown entry where the live one shows the same, takes the rest and the live order', () => {
    const list = tracked(3);
    const shown = restore(cacheOf(answer(list, PAGE_SIZE)), new Date(NOW + 30_000))!;
    const changed = [
      {
        ...list[0]!,
        progress: {
          wentToDisputeAt: at(0),
          submittedAt: at(0),
          notSubmittedAt: null,
          reason: 'not-received',
          steps: {},
        },
      },
      ...list.slice(1),
    ];
    const live = dataOf(answer(changed, PAGE_SIZE));
    const kept = keepSame(shown, live);
    expect(kept.entries.map((e) => e.order.orderId)).toEqual(live.entries.map((e) => e.order.orderId));
    const byId = (d: typeof kept, id: string) => d.entries.find((e) => e.order.orderId === id);
    // Urgency counted down 30 s between them: still the same card.
    expect(byId(kept, '7000000000000001')).toBe(byId(shown, '7000000000000001'));
    expect(byId(kept, '7000000000000000')).toBe(byId(live, '7000000000000000'));
    expect(byId(kept, '7000000000000000')!.progress?.submittedAt).toBe(at(0));
    expect(kept).toMatchObject({ total: 3, needing: 3 });
    expect(keepSame(null, live)).toBe(live);
  });
});
