import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setClock, setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import type { Entry } from '../../../src/timeline/tracked.ts';
import { FIRST_SCREEN, PAGE_SIZE } from '../../../src/ui/OrderList.tsx';
import { Popup, type PopupData, type Subscribe } from '../../../src/ui/Popup.tsx';
import { DAY, deadline, entry, HOUR, NOW, order, timeline } from './fixtures.ts';
import { click, flush, mount, painted, text } from './render.ts';
import { act } from 'preact/test-utils';
import { render } from 'preact';

beforeEach(() => {
  setTimeZone('UTC');
  // The year shows only for dates outside the current one: these tests' dates are all of 2026.
  setClock(() => new Date('2026-11-26T12:00:00.000Z'));
  setLanguage('en-GB');
});

/** A store stand-in: `push` plays the part of a Dexie liveQuery emitting a new state. */
function liveSource(initial?: PopupData) {
  let next: ((d: PopupData) => void) | undefined;
  const unsubscribe = vi.fn();
  const subscribe: Subscribe = (n) => {
    next = n;
    if (initial) n(initial);
    return unsubscribe;
  };
  return { subscribe, unsubscribe, push: (d: PopupData) => act(() => next!(d)) };
}

/** What the background sends when every one of `entries` needs the shopper, in this order. */
const sent = (entries: Entry[]): PopupData => ({ entries, total: entries.length, needing: entries.length });

function popup(entries: Entry[] | null, overrides: Partial<Parameters<typeof Popup>[0]> = {}) {
  const source = liveSource(entries ? sent(entries) : undefined);
  const open = vi.fn();
  const onTick = vi.fn(async () => true);
  const el = mount(
    <Popup
      subscribe={source.subscribe}
      open={open}
      openOptions={vi.fn()}
      onTick={onTick}
      clock={() => NOW}
      {...overrides}
    />,
  );
  return { el, open, onTick, source };
}

describe('popup list', () => {
  it('shows each order with status, page and estimated deadlines, escalation and buttons to AliExpress', async () => {
    const e = entry('8212379857492017', {
      timeline: timeline({
        phase: 'waiting-for-seller',
        deadlines: [
          deadline('seller-response', 3 * DAY + 4 * HOUR, 'page'),
          deadline('protection-ends', 40 * DAY, 'rule'),
          deadline('escalation-opens', 15 * DAY, 'rule'),
          deadline('escalation-closes', 18 * DAY, 'rule'),
        ],
      }),
    });
    const { el, open } = popup([e]);
    const card = el.querySelector('[data-order-id="8212379857492017"]')!;
    expect(text(card.querySelector('.rr-phase'))).toBe('Waiting for the seller');
    expect(text(card.querySelector('.rr-page-status'))).toBe('Waiting for the seller to respond');
    expect(text(card.querySelector('[data-kind="seller-response"]'))).toBe(
      'Seller must respond within 3 days 4 h (by 30 Nov, 14:00) from AliExpress',
    );
    expect(text(card.querySelector('[data-kind="protection-ends"]'))).toBe(
      'Buyer protection ends in 40 days (by 6 Jan 2027, 10:00) estimated',
    );
    expect(text(card.querySelector('.rr-escalation'))).toBe('Escalate from 12 Dec estimated');
    // Every date on the card says where it came from.
    expect(card.querySelectorAll('time').length).toBe(card.querySelectorAll('[data-source]').length);

    await click([...card.querySelectorAll('button')].find((b) => text(b) === 'Open order'));
    expect(open).toHaveBeenLastCalledWith('https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017');
    await click([...card.querySelectorAll('button')].find((b) => text(b) === 'Open dispute'));
    expect(open).toHaveBeenLastCalledWith(
      'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=821237985749201701&reverseOrderLineId=821237985749201799',
    );
  });

  it('shows the cards in the order the background sent them, with the count of every tracked order', () => {
    // The background picks and sorts (src/timeline/summary.ts, tests/unit/timeline/summary.test.ts).
    const { el, source } = popup(null);
    source.push({
      entries: [
        entry('1000000002', { timeline: timeline({ urgency: 2 * HOUR }) }),
        entry('1000000004', { timeline: timeline({ urgency: 1 * DAY }) }),
        entry('1000000001', { timeline: timeline({ urgency: 9 * DAY }) }),
      ],
      total: 4,
      needing: 3,
    });
    const ids = [...el.querySelectorAll('[data-order-id]')].map((c) => c.getAttribute('data-order-id'));
    expect(ids).toEqual(['1000000002', '1000000004', '1000000001']);
    expect(text(el.querySelector('.rr-count'))).toBe('4 tracked');
  });

  it('shows page text as text, never as markup', () => {
    const { el } = popup([
      entry('1000000005', { order: order('1000000005', { storeName: '<img src=x onerror=alert(1)>Shop' }) }),
    ]);
    expect(el.querySelector('img')).toBeNull();
    expect(text(el.querySelector('.rr-store'))).toBe('<img src=x onerror=alert(1)>Shop');
  });

  it('caps the list and adds more on request', async () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      entry(String(2000000000 + i), { timeline: timeline({ urgency: i }) }),
    );
    const { el } = popup(many);
    // The first frame holds what the popup shows (fewer than two cards), the rest of the page follows.
    expect([...el.querySelectorAll('[data-order-id]')].map((c) => c.getAttribute('data-order-id'))).toEqual(
      many.slice(0, FIRST_SCREEN).map((e) => e.order.orderId),
    );
    expect(text(el.querySelector('.rr-more'))).toBe(`Show ${PAGE_SIZE} more`);
    await painted();
    expect([...el.querySelectorAll('[data-order-id]')].map((c) => c.getAttribute('data-order-id'))).toEqual(
      many.slice(0, PAGE_SIZE).map((e) => e.order.orderId),
    );
    await click(el.querySelector('.rr-more'));
    expect(el.querySelectorAll('.rr-card').length).toBe(2 * PAGE_SIZE);
    expect(text(el.querySelector('.rr-more'))).toBe('Show 5 more');
    await click(el.querySelector('.rr-more'));
    expect(el.querySelectorAll('.rr-card').length).toBe(45);
    expect(el.querySelector('.rr-more')).toBeNull();
  });

  it('updates live when the store changes, and unsubscribes when closed', () => {
    const { el, source } = popup([entry('1000000006')]);
    expect(el.querySelectorAll('.rr-card').length).toBe(1);
    source.push(sent([entry('1000000007', { timeline: timeline({ urgency: 0 }) }), entry('1000000006')]));
    expect([...el.querySelectorAll('[data-order-id]')].map((c) => c.getAttribute('data-order-id'))).toEqual([
      '1000000007',
      '1000000006',
    ]);
  });

  it('says loading until the first answer, and shows a failure as an alert', () => {
    let fail: (e: unknown) => void = () => undefined;
    const { el } = popup(null, { subscribe: (_n, f) => ((fail = f), () => undefined) });
    expect(text(el)).toContain('Loading');
    act(() => fail(new Error('database closed')));
    expect(text(el.querySelector('[role="alert"]'))).toBe('Could not load your orders: database closed');
  });
});

describe('popup drawn from what the background sends', () => {
  const page = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) =>
      entry(String(3000000000 + from + i), { timeline: timeline({ urgency: from + i }) }),
    );

  it('draws the last opening’s first screen in its very first render, then the live answer', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    let next: ((d: PopupData) => void) | undefined;
    const subscribe = vi.fn<Subscribe>((n) => ((next = n), () => undefined));
    const initial = { entries: page(3), total: 40, needing: 3, cached: true };
    render(
      <Popup subscribe={subscribe} initial={initial} open={vi.fn()} openOptions={vi.fn()} onTick={vi.fn()} />,
      container,
    );
    // Before any effect ran: no "Loading", the cards are there.
    expect(subscribe).not.toHaveBeenCalled();
    expect(container.querySelectorAll('.rr-card').length).toBe(3);
    expect(container.querySelector('.rr-popup')?.getAttribute('data-state')).toBe('cached');
    expect(text(container.querySelector('.rr-count'))).toBe('40 tracked');
    // Effects run after the paint: only then is the background asked.
    await vi.waitFor(() => expect(subscribe).toHaveBeenCalledTimes(1));
    act(() => next!({ entries: page(2, 10), total: 41, needing: 2 }));
    expect(container.querySelector('.rr-popup')?.getAttribute('data-state')).toBe('live');
    expect([...container.querySelectorAll('[data-order-id]')].map((c) => c.getAttribute('data-order-id'))).toEqual([
      '3000000010',
      '3000000011',
    ]);
    render(null, container);
    container.remove();
  });

  it('asks for more cards than it was sent when the shopper wants them', async () => {
    const more = vi.fn();
    const { el, source } = popup(null, { more });
    source.push({ entries: page(PAGE_SIZE), total: 1000, needing: 45 });
    await painted();
    expect(el.querySelectorAll('.rr-card').length).toBe(PAGE_SIZE);
    expect(text(el.querySelector('.rr-count'))).toBe('1000 tracked');
    expect(text(el.querySelector('.rr-more'))).toBe(`Show ${PAGE_SIZE} more`);
    await click(el.querySelector('.rr-more'));
    expect(more).toHaveBeenLastCalledWith(2 * PAGE_SIZE);
    source.push({ entries: page(2 * PAGE_SIZE), total: 1000, needing: 45 });
    expect(el.querySelectorAll('.rr-card').length).toBe(2 * PAGE_SIZE);
    expect(text(el.querySelector('.rr-more'))).toBe('Show 5 more');
    await click(el.querySelector('.rr-more'));
    expect(more).toHaveBeenLastCalledWith(3 * PAGE_SIZE);
    source.push({ entries: page(45), total: 1000, needing: 45 });
    expect(el.querySelectorAll('.rr-card').length).toBe(45);
    expect(el.querySelector('.rr-more')).toBeNull();
  });

  it('keeps the background’s order when it sends the list already sorted', () => {
    const { el, source } = popup(null);
    const [a, b] = page(2);
    source.push({ entries: [b!, a!], total: 2, needing: 2 });
    expect([...el.querySelectorAll('[data-order-id]')].map((c) => c.getAttribute('data-order-id'))).toEqual([
      b!.order.orderId,
      a!.order.orderId,
    ]);
  });

  it('says all is quiet when orders are tracked but none needs the shopper', () => {
    const { el, source } = popup(null);
    source.push({ entries: [], total: 12, needing: 0 });
    expect(el.querySelector('.rr-empty')).toBeNull();
    expect(el.querySelector('.rr-quiet')).not.toBeNull();
    expect(text(el.querySelector('.rr-count'))).toBe('12 tracked');
  });

  it('shows the empty state when nothing is tracked', () => {
    const { el, source } = popup(null);
    source.push({ entries: [], total: 0, needing: 0 });
    expect(el.querySelector('.rr-empty')).not.toBeNull();
    expect(el.querySelector('.rr-count')).toBeNull();
  });
});

describe('empty state', () => {
  it('tells a new shopper to open their orders, with a button that does it', async () => {
    const { el, open } = popup([]);
    expect(text(el.querySelector('.rr-empty h2'))).toBe('No orders tracked yet');
    await click(el.querySelector('.rr-empty button'));
    expect(open).toHaveBeenCalledWith('https://www.aliexpress.com/p/order/index.html');
  });
});

describe('refund steps checklist', () => {
  it('opens for the order picked, highlights the step due now and remembers ticks', async () => {
    const e = entry('1000000008', {
      timeline: timeline({ phase: 'negotiating' }),
      progress: {
        wentToDisputeAt: null,
        submittedAt: null,
        notSubmittedAt: null,
        reason: null,
        steps: { logIn: NOW.toString() },
      },
    });
    const { el, onTick, source } = popup([e]);
    const toggle = el.querySelector('button[aria-controls="rr-steps-1000000008"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const due = el.querySelector('.rr-step--due')!;
    expect(due.getAttribute('data-step')).toBe('negotiate');
    expect(due.getAttribute('aria-current')).toBe('step');
    expect(text(due)).toContain('Due now');
    expect((el.querySelector('[data-step="logIn"] input') as HTMLInputElement).checked).toBe(true);

    await click(el.querySelector('[data-step="negotiate"] input'));
    expect(onTick).toHaveBeenCalledWith('1000000008', 'negotiate', true);
    expect((el.querySelector('[data-step="negotiate"] input') as HTMLInputElement).checked).toBe(true);
    // The next step of the dispute becomes the one due.
    expect(el.querySelector('.rr-step--due')?.getAttribute('data-step')).toBe('escalate');

    // The store confirms it; unticking goes back.
    source.push(sent([{ ...e, progress: { ...e.progress!, steps: { logIn: 'x', negotiate: 'y' } } }]));
    await click(el.querySelector('[data-step="negotiate"] input'));
    expect(onTick).toHaveBeenLastCalledWith('1000000008', 'negotiate', false);
    expect(text(el.querySelector('.rr-progress'))).toBe('1 of 10 done');
  });

  it('takes a tick back and says so when it cannot be saved', async () => {
    const { el } = popup([entry('1000000009', { timeline: timeline({ phase: 'can-open-dispute' }) })], {
      onTick: async () => {
        throw new Error('background asleep');
      },
    });
    await click(el.querySelector('button[aria-controls="rr-steps-1000000009"]'));
    expect(el.querySelector('.rr-step--due')?.getAttribute('data-step')).toBe('logIn');
    await click(el.querySelector('[data-step="logIn"] input'));
    await flush();
    expect((el.querySelector('[data-step="logIn"] input') as HTMLInputElement).checked).toBe(false);
    expect(text(el.querySelector('.rr-checklist [role="alert"]'))).toBe('Could not save the tick: background asleep');
  });
});

describe('reminders of the last day, snoozed from the popup (issue 15; generated answers)', () => {
  const ID = 'rr:buyer-response:8212379857492017:8212379857502017:48h@2026-11-28T12:00:00.000Z';
  const recent = (over: Partial<{ snoozable: boolean; snoozed: boolean }> = {}) => ({
    id: ID,
    title: 'alertBuyerReplyTitle',
    orderId: '8212379857492017',
    snoozable: true,
    snoozed: false,
    ...over,
  });

  it('offers "Remind me tomorrow" and says it will come back once snoozed', async () => {
    const snooze = vi.fn(async () => ({ result: 'snoozed' }));
    const { el } = popup([], { reminders: { load: async () => [recent()], snooze } });
    await flush();
    const section = el.querySelector('.rr-recent')!;
    expect(text(section.querySelector('li span'))).toBe('Answer your dispute: order 8212379857492017');
    await click([...section.querySelectorAll('button')].find((b) => text(b) === 'Remind me tomorrow'));
    await flush();
    expect(snooze).toHaveBeenCalledWith(ID);
    expect(text(section)).toContain('It will remind you again tomorrow.');
    expect(section.querySelector('button')).toBeNull();
  });

  it('says so when the background refuses, and lists nothing that cannot be snoozed', async () => {
    const { el } = popup([], {
      reminders: { load: async () => [recent()], snooze: async () => ({ result: 'too-late' }) },
    });
    await flush();
    await click(el.querySelector('.rr-recent button'));
    await flush();
    expect(text(el.querySelector('.rr-recent [role="alert"]'))).toContain('It could not be snoozed');
    const none = popup([], { reminders: { load: async () => [recent({ snoozable: false })], snooze: vi.fn() } });
    await flush();
    expect(none.el.querySelector('.rr-recent')).toBeNull();
  });
});
