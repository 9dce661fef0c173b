import { describe, expect, it } from 'vitest';
import { cacheOf, restore } from '../../../src/ui/popup-cache.ts';
import type { Tracked } from '../../../src/ui/entries.ts';
import { PAGE_SIZE } from '../../../src/ui/OrderList.tsx';
import { at, DAY, dispute, NOW, order } from './fixtures.ts';

const rules = { pack: 'guide', overrides: {} };

function tracked(n: number): Tracked[] {
  return Array.from({ length: n }, (_, i) => {
    const id = String(7000000000000000 + i);
    // Seller deadlines i hours apart: order i is the i-th most urgent.
    const d = { ...dispute(id, { deadline: at(DAY + i * 3_600_000) }), updatedAt: at(-DAY) };
    return { order: order(id, { status: 'in-dispute' }), disputes: [d], progress: null };
  });
}

describe('the popup’s cached first screen', () => {
  it('keeps only the first screen’s orders, and the total', () => {
    const text = cacheOf(tracked(100), rules, new Date(NOW));
    const restored = restore(text, new Date(NOW))!;
    expect(restored.total).toBe(100);
    expect(restored.entries).toHaveLength(PAGE_SIZE);
    expect(restored.entries.map((e) => e.order.orderId)).toContain('7000000000000000');
    expect(restored.entries.map((e) => e.order.orderId)).not.toContain('7000000000000099');
  });

  it('works the timelines out again at the time it is shown', () => {
    const text = cacheOf(tracked(1), rules, new Date(NOW));
    const later = restore(text, new Date(NOW + 2 * DAY))!;
    const seller = later.entries[0]!.timeline.deadlines.find((d) => d.kind === 'seller-response')!;
    expect(Date.parse(seller.at)).toBeLessThan(NOW + 2 * DAY);
    expect(later.entries[0]!.timeline.phase).not.toBe('waiting-for-seller');
  });

  it('ignores a missing, broken or older cache', () => {
    expect(restore(null, new Date(NOW))).toBeNull();
    expect(restore('{not json', new Date(NOW))).toBeNull();
    expect(restore(JSON.stringify({ v: 0, tracked: [] }), new Date(NOW))).toBeNull();
  });
});
