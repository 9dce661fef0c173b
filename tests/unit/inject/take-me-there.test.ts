import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import type { OrderFacts } from '../../../src/timeline/tracked.ts';
import { FIXTURE_CLOCK, siteOrders } from '../../site/data.ts';
import { renderOrderDetailHtml, renderOrderListHtml } from '../../site/render.ts';
import { untrusted } from '../setup/trusted-events.ts';
import {
  attachWatched,
  card,
  everyRowNear,
  fakeContext,
  fakeDeps,
  hosts,
  inShadow,
  LIST_URL,
  setPage,
  settle,
} from './page.ts';

let stop: (() => void) | undefined;
beforeEach(() => {
  setTimeZone('UTC');
  setLanguage('en');
});
afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.replaceChildren();
});

const NOW = FIXTURE_CLOCK.getTime();
const detailUrl = (id: string) => `https://www.aliexpress.com/p/order/detail.html?orderId=${id}`;
/** What the background says of an order a dispute can be opened on now. */
const openable = (): OrderFacts => ({
  order: null,
  dispute: null,
  timeline: null,
  eligibility: { kind: 'now', protection: null },
});
const everyOrderOpenable = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, openable()]));

/** A page of the stand-in as the browser would show it (its body). */
function showSitePage(html: string): void {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
}

const startOf = (row: Element) => inShadow(row.querySelector('[data-refund-radar-host="start"]')!, 'button')!;
const panelButton = (text: string) =>
  [...(hosts('panel')[0]?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === text) ?? null;
const highlighted = () => [...document.querySelectorAll('[data-refund-radar-highlight]')];

async function mount(ids: string[], href: string, facts = everyOrderOpenable(ids)) {
  const deps = fakeDeps(facts, null, NOW);
  stop = attachWatched(fakeContext(), { near: everyRowNear(), deps, href: () => href });
  await settle();
  return deps;
}

/** Opens the panel of `row`'s order and follows "Take me there"; what got highlighted. */
async function takeMeThere(row: Element): Promise<Element[]> {
  startOf(row).click();
  await settle();
  panelButton('Take me there')!.click();
  await settle();
  return highlighted();
}

describe('"Take me there" points inside the clicked order only', () => {
  const orders = siteOrders(16);

  it('on My orders of the stand-in: every card kind, the highlight is in that card or nowhere', async () => {
    showSitePage(renderOrderListHtml({ lang: 'en', clock: FIXTURE_CLOCK }, orders));
    await mount(
      orders.map((o) => o.orderId),
      LIST_URL,
    );
    const cards = [...document.querySelectorAll('.order-item')];
    expect(cards).toHaveLength(orders.length);
    let pointed = 0;
    for (const [i, c] of cards.entries()) {
      const lit = await takeMeThere(c.querySelector('.order-item-btns')!);
      const hasOwn = orders[i]!.actions.some((a) => a === 'returns-refunds' || a === 'open-dispute');
      expect(lit.length, `card ${i} (${orders[i]!.status})`).toBe(hasOwn ? 1 : 0);
      if (lit[0]) {
        expect(c.contains(lit[0])).toBe(true);
        pointed += 1;
      } else {
        // Nothing of another order's: the panel says the button is not here and where to go.
        const status = hosts('panel')[0]!.shadowRoot!.querySelector('.rr-go [role="status"]')!;
        expect(status.textContent).toMatch(/not on this page/);
        expect(status.querySelector('a')!.getAttribute('href')).toBe(detailUrl(orders[i]!.orderId));
      }
    }
    expect(pointed).toBeGreaterThan(1);
    expect(pointed).toBeLessThan(cards.length);
  });

  it('on each order’s detail page of the stand-in: only at that order’s items', async () => {
    for (const o of orders) {
      showSitePage(renderOrderDetailHtml({ lang: 'en', clock: FIXTURE_CLOCK }, o));
      await mount([o.orderId], detailUrl(o.orderId));
      const row = document.querySelector('[data-pl="order_detail_status"] .order-status-btns')!;
      const lit = await takeMeThere(row);
      const items = document.querySelector('[data-pl="order_detail_item"]')!;
      const hasOwn = items.querySelector('a[href*="reverse-pages/start"]') !== null;
      expect(lit.length, `${o.status}`).toBe(hasOwn ? 1 : 0);
      if (lit[0]) expect(items.contains(lit[0])).toBe(true);
      stop?.();
      stop = undefined;
    }
  });

  it('on a hand-written page: a card without the button never borrows its neighbour’s', async () => {
    // Written by hand for this test: an unpaid card with no refund button between two that have
    // one, and a card whose button is a script button known only by its label.
    setPage(`<div class="order-list">
      ${card('8212379857492017')}
      <div class="order-item">
        <div class="order-item-header"><a href="//www.aliexpress.com/p/order/detail.html?orderId=8212379857492018">Order details</a></div>
        <div class="order-item-content"><div class="order-item-content-opt"><div class="order-item-btns">
          <button type="button" class="comet-btn order-item-btn">Pay now</button>
        </div></div></div>
      </div>
      <div class="order-item">
        <div class="order-item-header"><a href="//www.aliexpress.com/p/order/detail.html?orderId=8212379857492019">Order details</a></div>
        <div class="order-item-btns"><button type="button" class="comet-btn" data-testid="own-19">Returns / refunds</button></div>
      </div>
      ${card('8212379857492020')}
    </div>`);
    await mount(['8212379857492017', '8212379857492018', '8212379857492019', '8212379857492020'], LIST_URL);
    const rows = [...document.querySelectorAll('.order-item-btns')];
    expect(await takeMeThere(rows[1]!)).toEqual([]);
    expect(await takeMeThere(rows[2]!)).toEqual([document.querySelector('[data-testid="own-19"]')]);
    expect(await takeMeThere(rows[3]!)).toEqual([document.querySelector('[data-testid="refund-8212379857492020"]')]);
  });
});

describe('the panel and the shopper', () => {
  const IDS = ['8212379857492017', '8212379857492018'];
  const listWithContent = () =>
    // Written by hand for this test: cards with their buttons inside the content block, as on the stand-in.
    setPage(
      `<div class="order-list">${IDS.map((id) =>
        card(id)
          .replace(
            '<div class="order-item-btns-wrap">',
            '<div class="order-item-content"><div class="order-item-btns-wrap">',
          )
          .replace(/<\/div><\/div>\s*<\/div>$/, '</div></div></div></div>'),
      ).join('')}</div>`,
    );

  it('notes only that the shopper went to open a dispute, and only when they did', async () => {
    listWithContent();
    const deps = await mount(IDS, LIST_URL);
    const row = document.querySelector('.order-item-btns')!;
    startOf(row).click();
    await settle();
    // A page script's forged click does nothing: no highlight, nothing noted.
    panelButton('Take me there')!.dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true })));
    await settle();
    expect(highlighted()).toEqual([]);
    expect(deps.wentToDispute).not.toHaveBeenCalled();
    panelButton('Take me there')!.click();
    await settle();
    expect(deps.wentToDispute).toHaveBeenCalledExactlyOnceWith(IDS[0], null);
  });

  it('follows its Start button in the document (and so in the focus order), inside the card', async () => {
    listWithContent();
    await mount(IDS, LIST_URL);
    const row = document.querySelector('.order-item-btns')!;
    startOf(row).click();
    await settle();
    const start = row.querySelector('[data-refund-radar-host="start"]')!;
    const panel = hosts('panel')[0]!;
    expect(start.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(row.closest('.order-item')!.contains(panel)).toBe(true);
    // Nothing focusable of the page's lies between the Start button and the panel.
    const between = [...document.querySelectorAll('a, button, input, textarea, select')].filter(
      (el) =>
        start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING &&
        panel.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING,
    );
    expect(between).toEqual([]);
  });

  it('Escape on AliExpress’s highlighted button closes the panel and the highlight, and focus returns to Start', async () => {
    listWithContent();
    await mount(IDS, LIST_URL);
    const row = document.querySelector('.order-item-btns')!;
    const [target] = await takeMeThere(row);
    expect(document.activeElement).toBe(target);
    // A page script's Escape changes nothing.
    target!.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(hosts('panel')).toHaveLength(1);
    target!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settle();
    expect(hosts('panel')).toHaveLength(0);
    expect(highlighted()).toEqual([]);
    const startHost = row.querySelector('[data-refund-radar-host="start"]')!;
    expect(startHost.shadowRoot!.activeElement).toBe(startOf(row));
  });

  it('keeps the chosen reason and the edited message per order when the panel is closed and opened again', async () => {
    listWithContent();
    await mount(IDS, LIST_URL);
    const [first, second] = [...document.querySelectorAll('.order-item-btns')];
    const q = (s: string) => hosts('panel')[0]!.shadowRoot!.querySelector<HTMLElement>(s)!;
    startOf(first!).click();
    await settle();
    q('input[value="damaged"]').click();
    await settle();
    const draft = q('textarea') as HTMLTextAreaElement;
    draft.value = 'My own words about the broken lamp';
    draft.dispatchEvent(new Event('input', { bubbles: true }));
    q('[role="dialog"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(hosts('panel')).toHaveLength(0);

    startOf(second!).click();
    await settle();
    expect((q('input[value="damaged"]') as HTMLInputElement).checked).toBe(false);
    expect(hosts('panel')[0]!.shadowRoot!.querySelector('textarea')).toBeNull();

    startOf(first!).click();
    await settle();
    expect((q('input[value="damaged"]') as HTMLInputElement).checked).toBe(true);
    expect((q('textarea') as HTMLTextAreaElement).value).toBe('My own words about the broken lamp');
  });

  it('puts Start refund only where the background offers it', async () => {
    listWithContent();
    const deps = fakeDeps(everyOrderOpenable(IDS), null, NOW, { [IDS[1]!]: 'none' });
    stop = attachWatched(fakeContext(), { near: everyRowNear(), deps, href: () => LIST_URL });
    await settle();
    const rows = [...document.querySelectorAll('.order-item-btns')];
    expect(rows.map((r) => r.querySelectorAll('[data-refund-radar-host="start"]').length)).toEqual([1, 0]);
    expect(deps.offers).toHaveBeenCalledWith(IDS);
  });

  it('says why not, and leads to the dispute, where none can be opened', async () => {
    listWithContent();
    const disputeUrl =
      'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=821237985749201701&reverseOrderLineId=5100000000000001';
    await mount(IDS, LIST_URL, {
      [IDS[0]!]: { order: null, dispute: null, timeline: null, eligibility: { kind: 'in-dispute', url: disputeUrl } },
      [IDS[1]!]: {
        order: null,
        dispute: null,
        timeline: null,
        eligibility: { kind: 'not-paid', url: detailUrl(IDS[1]!) },
      },
    });
    const [first, second] = [...document.querySelectorAll('.order-item-btns')];
    startOf(first!).click();
    await settle();
    const panel = () => hosts('panel')[0]!.shadowRoot!;
    expect(panel().querySelector('[data-when="in-dispute"]')!.textContent).toMatch(/^A dispute is already open/);
    expect(panel().querySelector('[data-when="in-dispute"] a')!.getAttribute('href')).toBe(disputeUrl);
    expect(panelButton('Take me there')).toBeNull();
    startOf(second!).click();
    await settle();
    expect(panel().querySelector('[data-when="not-paid"]')!.textContent).toMatch(/^This order is not paid yet/);
    expect(panelButton('Take me there')).toBeNull();
  });
});

describe('which cards get Start refund', () => {
  it('asks about all new cards in one question, and asks again after an unanswered one', async () => {
    // Written by hand for this test: 250 cards at once, as a long list rendered in one go.
    const ids = Array.from({ length: 250 }, (_, i) => String(8212379857400000 + i));
    setPage(`<div class="order-list">${ids.map((id) => card(id)).join('')}</div>`);
    const deps = fakeDeps({}, null, NOW);
    let fail = true;
    const answer = deps.offers.getMockImplementation()!;
    deps.offers.mockImplementation(async (asked: string[]) => {
      if (fail) throw new Error('no answer from the background');
      return answer(asked);
    });
    stop = attachWatched(fakeContext(), { near: everyRowNear(), deps, href: () => LIST_URL });
    await settle();
    expect(hosts('start')).toHaveLength(0);
    expect(deps.offers.mock.calls.map(([asked]) => asked.length)).toEqual([250]);

    fail = false;
    document.querySelector('.order-list')!.append(document.createElement('div'));
    await settle();
    expect(hosts('start')).toHaveLength(250);
    expect(deps.offers.mock.calls.slice(1).map(([asked]) => asked.length)).toEqual([250]);
  });
});
