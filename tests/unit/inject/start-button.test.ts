import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/i18n/index.ts';
import { afterReading } from '../../../src/inject/data.ts';
import { PAGE_STYLES } from '../../../src/platform/page-styles.ts';
import {
  attachWatched,
  card,
  everyRowNear,
  fakeContext,
  fakeDeps,
  hosts,
  inShadow,
  LIST_URL,
  listPage,
  scriptClick,
  setPage,
  settle,
  trustedClick,
} from './page.ts';

let stop: (() => void) | undefined;
beforeEach(() => setLanguage('en'));
afterEach(() => {
  stop?.();
  document.body.replaceChildren();
});

describe('Start refund button', () => {
  it('joins each order card button row once, in a shadow root', async () => {
    listPage('8212379857492017', '8212379857492018');
    stop = attachWatched(fakeContext(), { near: everyRowNear(), deps: fakeDeps(), href: () => LIST_URL });
    await settle();
    const rows = [...document.querySelectorAll('.order-item-btns')];
    expect(rows.map((r) => r.querySelectorAll('[data-refund-radar-host="start"]').length)).toEqual([1, 1]);
    expect(rows.every((r) => r.hasAttribute('data-refund-radar-start'))).toBe(true);
    const button = inShadow(hosts('start')[0], 'button')!;
    expect(button.textContent).toBe('Start refund');
    // Ours, and says so: named for Refund Radar, with the extension's icon, outlined rather than filled.
    expect(button.getAttribute('aria-label')).toBe('Refund Radar: Start refund – Order 8212379857492017');
    expect(button.querySelector('span.rr-icon[aria-hidden="true"]')).not.toBeNull();
    expect(button.className).toBe('rr-ours rr-start');
    // Styles live inside the shadow roots only, one stylesheet shared by every card's root
    // (parsed once for the page, not a <style> per card); nothing was added to the page's head.
    const [first, second] = hosts('start').map((h) => h.shadowRoot!);
    expect(first!.adoptedStyleSheets).toHaveLength(1);
    expect(second!.adoptedStyleSheets[0]).toBe(first!.adoptedStyleSheets[0]);
    expect(first!.querySelector('style')).toBeNull();
    expect(document.head.querySelectorAll('style, link').length).toBe(0);
  });

  it('reaches cards added later ("View orders") through the observer, still once each', async () => {
    const list = listPage('8212379857492017');
    stop = attachWatched(fakeContext(), { near: everyRowNear(), deps: fakeDeps(), href: () => LIST_URL });
    await settle();
    list.insertAdjacentHTML('beforeend', card('8212379857492019') + card('8212379857492020'));
    await settle();
    expect(hosts('start')).toHaveLength(3);
    // More mutations (AliExpress re-rendering around the rows) add nothing twice.
    list.append(document.createElement('div'));
    document.querySelector('.order-item-btns')!.append(document.createElement('span'));
    await settle();
    expect(hosts('start')).toHaveLength(3);
  });

  it('leaves nothing behind when the extension is reloaded or disabled', async () => {
    const list = listPage('8212379857492017', '8212379857492018');
    const ctx = fakeContext();
    attachWatched(ctx, { near: everyRowNear(), deps: fakeDeps(), href: () => LIST_URL });
    await settle();
    trustedClick(inShadow(hosts('start')[0], 'button')!);
    await settle();
    expect(hosts('panel')).toHaveLength(1);

    ctx.invalidate();
    expect(document.querySelectorAll('[data-refund-radar-host]')).toHaveLength(0);
    expect(document.querySelectorAll('[data-refund-radar-start]')).toHaveLength(0);
    // The observer is gone too: a card added now gets nothing.
    list.insertAdjacentHTML('beforeend', card('8212379857492021'));
    await settle();
    expect(document.querySelectorAll('[data-refund-radar-host]')).toHaveLength(0);
  });

  it('ignores a click a page script dispatches, and opens on the shopper’s own', async () => {
    listPage('8212379857492017');
    stop = attachWatched(fakeContext(), { near: everyRowNear(), deps: fakeDeps(), href: () => LIST_URL });
    await settle();
    const button = inShadow(hosts('start')[0], 'button')!;
    scriptClick(button);
    await settle();
    expect(hosts('panel')).toHaveLength(0);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    trustedClick(button);
    await settle();
    expect(hosts('panel')).toHaveLength(1);
  });

  it('stays off pages that are not order pages', async () => {
    listPage('8212379857492017');
    stop = attachWatched(fakeContext(), {
      near: everyRowNear(),
      deps: fakeDeps(),
      href: () => 'https://www.aliexpress.com/item/1005001.html',
    });
    await settle();
    expect(hosts('start')).toHaveLength(0);
  });

  it('puts one button in the order detail page row, for the order in the URL', async () => {
    setPage(`<div class="order-wrap order-detail">
      <div class="order-block order-status" data-pl="order_detail_status"><div class="order-status-btns"><button>Confirm received</button></div></div>
      <div class="order-detail-item-content"><div class="item-btns"><a class="comet-btn order-item-btn" href="//www.aliexpress.com/p/reverse-pages/start.html?tradeOrderLineId=1">Returns/refunds</a></div></div></div>`);
    stop = attachWatched(fakeContext(), {
      near: everyRowNear(),
      deps: fakeDeps(),
      href: () => 'https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017',
    });
    await settle();
    expect(hosts('start')).toHaveLength(1);
    expect(hosts('start')[0]!.parentElement!.className).toBe('order-status-btns');
    expect(inShadow(hosts('start')[0], 'button')!.getAttribute('aria-label')).toContain('8212379857492017');
  });
});

describe('afterReading', () => {
  it('asks the background about an order only once the page’s pending reading was sent', async () => {
    // Written by hand: the order of calls is what matters.
    const calls: string[] = [];
    const deps = afterReading(
      {
        order: async (id) => (calls.push(`order ${id}`), { order: null, dispute: null, timeline: null }),
        dispute: async () => (calls.push('dispute'), null),
        offers: async (ids) => (calls.push(`offers ${ids.join()}`), {}),
        wentToDispute: async (id) => calls.push(`went ${id}`),
        enterDispute: async () => ({ saved: true, errors: {} }),
        copy: async () => undefined,
        texts: async () => ({ locale: 'en', texts: {}, styles: PAGE_STYLES }),
        now: () => 0,
      },
      async () => {
        calls.push('flush');
      },
    );
    await deps.wentToDispute('8100018518518365', 'wrong-size');
    await deps.order('8100018518518365');
    await deps.dispute({ lineId: '8100018518518311', disputeId: null });
    await deps.offers(['8100018518518365']);
    // The dispute bar follows the page's readings instead (PageReadings): its question needs no flush.
    expect(calls).toEqual([
      'flush',
      'went 8100018518518365',
      'flush',
      'order 8100018518518365',
      'dispute',
      'flush',
      'offers 8100018518518365',
    ]);
  });
});
