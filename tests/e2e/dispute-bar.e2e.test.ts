import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteOrders, type SiteOrder } from '../site/data.ts';
import { launch, storeRows, type Harness } from './harness.ts';

/** The stand-in's case page of an order's dispute. */
const caseUrl = (order: SiteOrder) =>
  `http://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${order.dispute!.lineId}&reverseOrderLineId=${order.dispute!.disputeId}&from=1`;

/** Every text the bar showed, in order, from its first drawing on: a flash shows up here. */
const barTexts = `(() => {
  const seen = (window.__rrBarTexts = []);
  const look = () => {
    const host = document.querySelector('[data-refund-radar-host="dispute-bar"]');
    const who = host?.shadowRoot?.querySelector('.rr-bar-who');
    const text = who?.textContent ?? null;
    if (text !== null && seen[seen.length - 1] !== text) seen.push(text);
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
  const timer = setInterval(look, 5);
  setTimeout(() => clearInterval(timer), 15000);
})();`;

/**
 * Serves the stand-in's case page as AliExpress's app renders it: the case appears a moment after
 * the page has loaded (and after our first reading of it). Added to the stand-in's HTML for this test.
 */
async function renderLate(page: Page, siteOrigin: string): Promise<void> {
  await page.route('**/issue/fastissue/Detail.htm*', async (route) => {
    // Fetched from the stand-in directly: Node does not know the browser's host mapping.
    const url = new URL(route.request().url());
    const response = await route.fetch({
      url: `${siteOrigin}${url.pathname}${url.search}`,
      headers: { ...route.request().headers(), host: url.host },
    });
    const late = `<script>(() => {
      const kids = [...document.body.children].filter((n) => n.tagName !== 'SCRIPT');
      kids.forEach((n) => n.remove());
      setTimeout(() => document.body.prepend(...kids), 1500);
    })();</script>`;
    await route.fulfill({ response, body: (await response.text()).replace('</body>', `${late}</body>`) });
  });
}

const shownTexts = (page: Page) => page.evaluate(() => (window as unknown as { __rrBarTexts: string[] }).__rrBarTexts);

describe('the dispute bar in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the party the case page names after the refund list was read first, without a flash of "cannot tell"', async () => {
    const orders = siteOrders(15, new Date());
    const order = orders.find((o) => o.dispute?.status === 'awaiting-buyer')!;
    const page = await h.context.newPage();
    await page.goto('http://m.aliexpress.com/p/refund-dispute/list.html');
    // The list's reading is stored before the case page is visited.
    await expect
      .poll(
        async () =>
          (await storeRows<{ lineId: string }>(h, 'disputes')).some((d) => d.lineId === order.dispute!.lineId),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);

    await page.addInitScript(barTexts);
    await renderLate(page, h.siteOrigin);
    await page.goto(caseUrl(order));
    const bar = page.locator('[data-refund-radar-host="dispute-bar"] .rr-bar');
    await expect.poll(() => bar.getAttribute('data-awaiting'), { timeout: 15_000 }).toBe('buyer');
    expect((await bar.locator('.rr-bar-who').textContent())!).toBe('You must act');
    expect((await bar.textContent())!.replace(/\s+/g, ' ')).toMatch(/2 days 5 h left \(until .+\) from AliExpress/);
    const texts = await shownTexts(page);
    expect(texts).not.toContain('Refund Radar cannot tell who must act');
    expect(texts.at(-1)).toBe('You must act');
    // Not highlighted on load: only when the shopper asks.
    const escalate = page.locator('button[class*="reminder--btn"]').first();
    expect(await escalate.getAttribute('data-refund-radar-highlight')).toBeNull();
    await page.close();
  });

  it('hides by keyboard onto the page’s next control, and comes back from its "Refund Radar" tab', async () => {
    const order = siteOrders(15, new Date()).find((o) => o.dispute?.canEscalate)!;
    const page = await h.context.newPage();
    await page.goto(caseUrl(order));
    const bar = page.locator('[data-refund-radar-host="dispute-bar"] .rr-bar');
    await expect.poll(() => bar.getAttribute('data-awaiting'), { timeout: 15_000 }).toBe('buyer');
    /** What has focus, looking into our shadow roots: "page:<tag.class>" or "ours:<class>". */
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        const inner = active?.shadowRoot?.activeElement;
        if (inner) return `ours:${inner.className || inner.tagName}`;
        return active && active !== document.body ? `page:${active.tagName}.${active.className}` : 'body';
      });
    await bar.getByRole('button', { name: 'Hide' }).focus();
    await page.keyboard.press('Enter');
    // On to AliExpress's next control after the bar (its Escalate button), not back to the top of the page.
    expect(await focused()).toMatch(/^page:BUTTON\..*reminder--btn/);
    expect(await bar.count()).toBe(0);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('ours:rr-ours rr-tab');
    const tab = page.getByRole('button', { name: 'Refund Radar: show the bar for this dispute' });
    expect(await tab.textContent()).toBe('Refund Radar');
    await page.keyboard.press('Enter');
    expect(await bar.count()).toBe(1);
    expect(await focused()).toBe('ours:rr-bar-who');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('ours:rr-ours');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('ours:rr-link');
    await page.close();
  });

  it('draws Start refund as ours: outlined, with our icon, named for Refund Radar', async () => {
    const page = await h.context.newPage();
    await page.goto('http://www.aliexpress.com/p/order/index.html');
    const card = page.locator('.order-item').first();
    const start = card.getByRole('button', { name: /^Refund Radar: Start refund – Order \d+$/ });
    await expect.poll(() => start.count(), { timeout: 10_000 }).toBe(1);
    // The icon is drawn by the stylesheet's gradients (no SVG, no image a page's policy could block).
    expect(
      await start.locator('.rr-icon').evaluate((icon) => {
        const style = getComputedStyle(icon);
        return [style.width, style.height, style.backgroundImage.includes('conic-gradient')];
      }),
    ).toEqual(['18px', '18px', true]);
    const look = await start.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, border: style.borderTopWidth, radius: style.borderTopLeftRadius };
    });
    // Not AliExpress's filled red pill: a white ground, a drawn border, small corners.
    expect(look.background).toBe('rgb(255, 255, 255)');
    expect(look.border).toBe('2px');
    expect(look.radius).toBe('6px');
    await page.close();
  });

  it('leads the popup card with the reply deadline the case page showed', async () => {
    const order = siteOrders(15, new Date()).find((o) => o.dispute?.status === 'awaiting-buyer')!;
    const page = await h.context.newPage();
    await page.goto(caseUrl(order));
    await expect
      .poll(
        async () =>
          (await storeRows<{ lineId: string; awaiting: string | null }>(h, 'disputes')).find(
            (d) => d.lineId === order.dispute!.lineId,
          )?.awaiting,
        { timeout: 15_000 },
      )
      .toBe('buyer');
    const popup = await h.openExtensionPage('popup.html');
    const first = popup.locator(`[data-order-id="${order.orderId}"] .rr-deadline`).first();
    await expect.poll(() => first.count(), { timeout: 10_000 }).toBe(1);
    expect(await first.getAttribute('data-kind')).toBe('buyer-response');
    expect((await first.textContent())!.replace(/\s+/g, ' ')).toMatch(
      /^You must respond within 2 days 5 h \(by .+\) from AliExpress$/,
    );
    await popup.close();
    await page.close();
  });
});
