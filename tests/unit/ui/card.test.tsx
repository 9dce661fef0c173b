import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import type { Entry } from '../../../src/timeline/tracked.ts';
import { OrderCard } from '../../../src/ui/OrderCard.tsx';
import { DAY, deadline, dispute, entry, HOUR, NOW, timeline } from './fixtures.ts';
import { mount, text } from './render.ts';

beforeEach(() => {
  setTimeZone('UTC');
  setLanguage('en-GB');
});

const ID = '8212379857492017';

function card(e: Entry): HTMLElement {
  const el = mount(
    <ul>
      <OrderCard entry={e} now={NOW} expanded={false} onToggle={vi.fn()} open={vi.fn()} onTick={vi.fn()} />
    </ul>,
  );
  return el.querySelector('.rr-card')!;
}

const lines = (el: HTMLElement) =>
  [...el.querySelectorAll('.rr-deadline')].map((p) => [p.getAttribute('data-kind'), text(p)]);

// Entries written by hand for these tests, with the fixtures' clock (27 Nov 2026, 10:00 UTC).
describe('the popup card', () => {
  it('leads with the page’s own reply deadline when it is the shopper’s turn', () => {
    const el = card(
      entry(ID, {
        dispute: dispute(ID, {
          status: 'awaiting-buyer',
          awaiting: 'buyer',
          deadline: new Date(NOW + 2 * DAY + 5 * HOUR).toISOString(),
        }),
        timeline: timeline({ phase: 'negotiating', deadlines: [deadline('protection-ends', DAY, 'rule')] }),
      }),
    );
    expect(lines(el)).toEqual([
      ['page-reply', 'You must respond within 2 days 5 h (by 29 Nov, 15:00) from AliExpress'],
      ['protection-ends', expect.stringMatching(/^Buyer protection ends/)],
    ]);
  });

  it('moves the seller’s page countdown up rather than showing it twice', () => {
    const due = 3 * DAY + 4 * HOUR;
    const el = card(
      entry(ID, {
        dispute: dispute(ID, { deadline: new Date(NOW + due).toISOString() }),
        timeline: timeline({
          deadlines: [deadline('protection-ends', DAY, 'rule'), deadline('seller-response', due, 'page')],
        }),
      }),
    );
    expect(lines(el).map(([kind]) => kind)).toEqual(['seller-response', 'protection-ends']);
  });

  it('says nothing of a countdown once the case is refunded', () => {
    const el = card(
      entry(ID, {
        dispute: dispute(ID, { status: 'refunded', awaiting: null, deadline: new Date(NOW + DAY).toISOString() }),
        timeline: timeline({ phase: 'refunded', deadlines: [] }),
      }),
    );
    expect(lines(el)).toEqual([]);
  });

  it('gives a title cut short on screen its whole text on hover', () => {
    const long = 'Transparent Shockproof Case for iPhone 15 Pro Max with Camera Lens Protector and Card Slot';
    const el = card(entry(ID, { order: { ...entry(ID).order, lines: [{ lineId: null, title: long, quantity: 1 }] } }));
    const title = el.querySelector('.rr-card-title')!;
    expect(title.getAttribute('title')).toBe(long);
    // Screen readers read the heading's text, which is whole: only the drawing cuts it.
    expect(title.textContent).toBe(long);
  });
});
