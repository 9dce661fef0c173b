import { vi } from 'vitest';
import { attachHelpers, type HelperContext, type MountOptions } from '../../../src/inject/mount.ts';
import { watchPage } from '../../../src/inject/page-changes.ts';
import type { NearWatch } from '../../../src/inject/near.ts';
import type { HelperDeps, OrderFacts } from '../../../src/inject/data.ts';
import { PAGE_STYLES } from '../../../src/platform/page-styles.ts';
import type { Offer } from '../../../src/timeline/eligibility.ts';
import { checkEntry, type EntryForm } from '../../../src/timeline/entry.ts';

export const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
export const DISPUTE_URL =
  'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=821237985749201701&reverseOrderLineId=821237985749201799&from=1';

/**
 * The helper attached as the content script attaches it, following the page's one watcher
 * (page-changes.ts): made here unless the test shares its own with a reader. The returned stop
 * also stops a watcher made here.
 */
export function attachWatched(
  ctx: HelperContext,
  options: Omit<MountOptions, 'changes'> & Partial<Pick<MountOptions, 'changes'>>,
): () => void {
  const own = options.changes ? null : watchPage(ctx);
  const stop = attachHelpers(ctx, { ...options, changes: options.changes ?? own! });
  return () => {
    stop();
    own?.stop();
  };
}

/** A My orders card as ALIEXPRESS.md describes it, with the page's own buttons. */
export function card(orderId: string, title = 'USB-C cable'): string {
  return `<div class="order-item">
    <div class="order-item-header"><a data-pl="order_item_header_detail" href="//www.aliexpress.com/p/order/detail.html?orderId=${orderId}">Order details</a></div>
    <div class="order-item-store"><span class="order-item-store-name"><a href="/store/1"><span>Shop</span></a></span></div>
    <div class="order-item-content-info-name"><a><span title="${title}">${title}</span></a></div>
    <div class="order-item-btns-wrap"><div class="order-item-btns">
      <a class="comet-btn order-item-btn" href="//www.aliexpress.com/p/tracking/index.html?tradeOrderId=${orderId}"><span>Track order</span></a>
      <a class="comet-btn order-item-btn" data-testid="refund-${orderId}" href="//www.aliexpress.com/p/reverse-pages/start.html?tradeOrderLineId=${orderId}01"><span>Returns/refunds</span></a>
    </div></div>
  </div>`;
}

/** Stands in for the page's own markup (the site's HTML, not text the helper shows). */
export function setPage(html: string): void {
  document.body.replaceChildren(document.createRange().createContextualFragment(html));
}

export function listPage(...orderIds: string[]): HTMLElement {
  setPage(`<div class="comet-checkbox-group order-list">${orderIds.map((id) => card(id)).join('')}</div>`);
  return document.querySelector('.order-list')!;
}

export function fakeContext(): HelperContext & { invalidate(): void } {
  const listeners = new Set<() => void>();
  let invalid = false;
  return {
    get isInvalid() {
      return invalid;
    },
    onInvalidated(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    invalidate() {
      invalid = true;
      for (const cb of [...listeners]) cb();
    },
  };
}

/** Every order offered Start refund unless `offers` says otherwise. */
export function fakeDeps(
  facts: Partial<Record<string, OrderFacts>> = {},
  dispute: OrderFacts | null = null,
  now = Date.now(),
  offers: Partial<Record<string, Offer>> = {},
) {
  return {
    // What the background answers about an order it never read.
    order: vi.fn(
      async (id: string): Promise<OrderFacts> =>
        facts[id] ?? {
          order: null,
          dispute: null,
          timeline: null,
          eligibility: { kind: 'unknown', url: `https://www.aliexpress.com/p/order/detail.html?orderId=${id}` },
        },
    ),
    dispute: vi.fn(async () => dispute),
    offers: vi.fn(async (ids: string[]) => Object.fromEntries(ids.map((id) => [id, offers[id] ?? 'refund']))),
    wentToDispute: vi.fn(async () => ({})),
    // The background's own check (timeline/entry.ts): it refuses what it would refuse.
    enterDispute: vi.fn(async (form: EntryForm) => {
      const check = checkEntry(form, new Date(now));
      return check.ok ? { saved: true, errors: {} } : { saved: false, errors: check.errors };
    }),
    copy: vi.fn(async () => undefined),
    // The tests show the English catalog the test files register; the background's answer is not used.
    texts: vi.fn(async () => ({ locale: 'en', texts: {}, styles: PAGE_STYLES })),
    now: () => now,
  } satisfies HelperDeps;
}

/** Our hosts on the page, by kind. */
export const hosts = (name: string) => [
  ...document.querySelectorAll<HTMLElement>(`[data-refund-radar-host="${name}"]`),
];
export const inShadow = (host: Element | undefined, selector: string) =>
  host?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
export const allInShadow = (host: Element | undefined, selector: string) => [
  ...(host?.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

/**
 * A click as the browser makes it from the shopper's input. happy-dom has no `isTrusted` (real
 * browsers set it, and page scripts cannot), so the test marks its event as a browser would.
 */
export function trustedClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

/** A click a page script makes: `isTrusted` false, as browsers set it for dispatched events. */
export function scriptClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: false });
  el.dispatchEvent(event);
}

/**
 * Stands in for the viewport: happy-dom lays nothing out and its IntersectionObserver never calls
 * back. Like the browser's observer, it tells the rows near the viewport in a later task, once
 * after each is watched (those `near` says are near; every row unless given), and again when the
 * test scrolls others into view with `scrollTo`.
 */
export function fakeViewport(near: (el: Element) => boolean = () => true) {
  const watched = new Set<Element>();
  const fresh = new Set<Element>();
  let tell: ((els: Element[]) => void) | null = null;
  const report = (els: Element[]) => {
    const now = els.filter((el) => watched.has(el));
    if (now.length) tell?.(now);
  };
  const watch: NearWatch = (onNear) => {
    tell = onNear;
    return {
      watch(el) {
        watched.add(el);
        if (fresh.size === 0)
          setTimeout(() => {
            const first = [...fresh].filter(near);
            fresh.clear();
            report(first);
          }, 0);
        fresh.add(el);
      },
      forget: (el) => void watched.delete(el),
      stop() {
        watched.clear();
        tell = null;
      },
    };
  };
  return {
    watch,
    /** Rows watched and not yet near: what a scroll could still bring a button to. */
    watched,
    /** The shopper scrolled: these rows are near now. */
    scrollTo: (els: Element[]) => report(els),
  };
}

/** Every row near at once: for tests about what a button does, not about when it appears. */
export const everyRowNear = (): NearWatch => fakeViewport().watch;
