import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { policyOf } from '../../../src/rules/overrides.ts';
import type { Tracked } from '../../../src/timeline/tracked.ts';
import { FIRST_SCREEN, PAGE_SIZE } from '../../../src/ui/OrderList.tsx';
import { Popup } from '../../../src/ui/Popup.tsx';
import { summarize } from '../../../src/timeline/summary.ts';
import { at, DAY, dispute, NOW, order } from './fixtures.ts';
import { mount, painted } from './render.ts';

/** 1,000 tracked orders, a third of them in dispute, spread over the last months. */
function thousand(): Tracked[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const id = String(8000000000000000 + i);
    const placed = at(-(i % 120) * DAY);
    const o = order(id, {
      placedAt: placed,
      status: i % 3 === 0 ? 'in-dispute' : i % 3 === 1 ? 'shipped' : 'completed',
    });
    const disputes =
      i % 3 === 0
        ? [{ ...dispute(id, { openedAt: at(-(i % 20) * DAY), deadline: at(((i % 5) + 1) * DAY) }), updatedAt: placed }]
        : [];
    return { order: o, disputes, progress: null };
  });
}

describe('popup with 1,000 tracked orders', () => {
  it('renders its first screen quickly and only a page of cards', async () => {
    const tracked = thousand();

    // The background's part (src/ui/summary.ts), then the popup's.
    const start = performance.now();
    const summary = summarize(tracked, policyOf({ pack: 'guide', overrides: {} }).policy, new Date(NOW), PAGE_SIZE);
    const timelines = performance.now();
    const el = mount(
      <Popup
        subscribe={(next) => (
          next({ entries: summary.entries, total: summary.tracked, needing: summary.needing }),
          () => undefined
        )}
        open={vi.fn()}
        openOptions={vi.fn()}
        onTick={vi.fn()}
        clock={() => NOW}
      />,
    );
    const end = performance.now();

    // The first frame draws only the cards the popup shows; the rest of the page after its paint.
    expect(el.querySelectorAll('.rr-card').length).toBe(FIRST_SCREEN);
    await painted();
    expect(el.querySelectorAll('.rr-card').length).toBe(PAGE_SIZE);
    const result = {
      orders: tracked.length,
      timelinesMs: Math.round(timelines - start),
      renderMs: Math.round(end - timelines),
      totalMs: Math.round(end - start),
      environment: 'happy-dom',
    };
    mkdirSync(resolve(import.meta.dirname, '../../.artifacts'), { recursive: true });
    writeFileSync(
      resolve(import.meta.dirname, '../../.artifacts/popup-first-render.json'),
      JSON.stringify(result, null, 2),
    );
    console.info('popup first render, 1,000 orders:', result);
    // happy-dom is several times slower than a browser; this bound catches rendering all 1,000.
    expect(result.totalMs).toBeLessThan(1500);
  });
});
