import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../assets/locales/de.json';
import { siteOrders } from '../site/data.ts';
import { scrollThroughCards, startButtonsInPage } from './checks.ts';
import { keepScreenshot, launch, storeRows, type Harness } from './harness.ts';

/**
 * Issue 12 in real Chromium on the stand-in: "Take me there" points inside the clicked order, is
 * reached and left by keyboard, and records an intent, never a dispute, until the shopper says
 * they submitted it. Orders by index of the stand-in (tests/site/data.ts): 0 shipped, 1 unpaid,
 * 4 in dispute, 5 closed.
 */
const LIST = 'http://www.aliexpress.com/p/order/index.html?orders=16';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
const detail = (id: string) => `http://www.aliexpress.com/p/order/detail.html?orderId=${id}`;

interface ProgressRow {
  orderId: string;
  wentToDisputeAt: string | null;
  submittedAt: string | null;
  reason: string | null;
}

/** Which of our hosts (or page element) has focus, and whether it is what is drawn at its centre. */
const focusState = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const box = active?.getBoundingClientRect();
    const top = box && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {
      host: active?.getAttribute('data-refund-radar-host') ?? null,
      highlighted: active?.hasAttribute('data-refund-radar-highlight') ?? false,
      card: active ? [...document.querySelectorAll('.order-item')].findIndex((c) => c.contains(active)) : -1,
      visible: !!top && (top === active || active!.contains(top)),
    };
  });

describe('the Start refund helper in Chromium (issue 12)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('points inside the clicked order, by keyboard, and notes only an intent until the shopper says they submitted it', async () => {
    const orders = siteOrders(16, new Date());
    const shipped = orders[0]!;
    expect([orders[0]!.status, orders[1]!.status, orders[4]!.status, orders[5]!.status]).toEqual([
      'shipped',
      'to-pay',
      'in-dispute',
      'closed',
    ]);
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    // Its details page first, so its dates are known and a dispute's earliest day can be said.
    await page.goto(detail(shipped.orderId));
    await expect
      .poll(
        async () =>
          (await storeRows<{ orderId: string; dates: { shippedAt: string | null } }>(h, 'orders')).find(
            (o) => o.orderId === shipped.orderId,
          )?.dates.shippedAt ?? null,
        { timeout: 10_000 },
      )
      .not.toBeNull();

    await page.goto(LIST);
    await expect.poll(() => page.locator('.order-item').count(), { timeout: 10_000 }).toBe(10);
    const card = (i: number) => page.locator('.order-item').nth(i);
    const startHosts = (i: number) => card(i).locator('[data-refund-radar-host="start"]');
    await expect.poll(() => startHosts(0).count(), { timeout: 10_000 }).toBe(1);
    // Buttons are drawn as cards come near the screen: every card is looked at once scrolled past
    // (again at each poll: a card passed between two frames of a busy browser is never near).
    await expect
      .poll(
        async () => {
          await page.evaluate(scrollThroughCards);
          return page.evaluate(() => document.querySelectorAll('[data-refund-radar-start]').length);
        },
        { timeout: 10_000 },
      )
      .toBe(10);
    // Start refund only where a refund can be asked for, or a dispute is open to lead to.
    expect(await startHosts(1).count()).toBe(0);
    expect(await startHosts(5).count()).toBe(0);
    expect(await startHosts(4).count()).toBe(1);
    // Styled by the stylesheet the background handed over with the texts (src/platform/page-styles.ts).
    expect(
      await startHosts(0)
        .locator('button')
        .evaluate((b) => getComputedStyle(b).marginLeft),
    ).toBe('8px');

    // By keyboard: Enter opens the panel right after its button in the focus order.
    await startHosts(0).locator('button').focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-refund-radar-host="panel"] [role="dialog"]');
    await expect.poll(() => panel.isVisible(), { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect((await focusState(page)).host).toBe('start');
    await page.keyboard.press('Tab');
    expect(await focusState(page)).toMatchObject({ host: 'panel', card: 0, visible: true });
    expect(await panel.locator('[data-when="opens"]').textContent()).toMatch(/^You can open a dispute from /);

    await panel.getByLabel('Not received').check();
    await panel.getByRole('button', { name: 'Take me there' }).focus();
    await page.keyboard.press('Enter');
    // Once the smooth scroll to it has ended.
    await expect.poll(() => focusState(page), { timeout: 5_000 }).toMatchObject({ highlighted: true, visible: true });
    // The highlighted button is this order's own, and nothing of ours covers it.
    expect(await focusState(page)).toEqual({ host: null, highlighted: true, card: 0, visible: true });
    expect(await page.locator('[data-refund-radar-highlight]').count()).toBe(1);
    expect(page.url()).toBe(LIST);

    // Escape from AliExpress's button closes the panel and the highlight; focus is back on Start.
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-refund-radar-host="panel"]').count()).toBe(0);
    expect(await page.locator('[data-refund-radar-highlight]').count()).toBe(0);
    expect(await focusState(page)).toMatchObject({ host: 'start', card: 0, visible: true });

    // Reopened, the reason chosen is still chosen.
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByLabel('Not received').isChecked(), { timeout: 5_000 }).toBe(true);

    // An order in dispute leads to its dispute instead (the list names no case: its details page links to it).
    await startHosts(4).locator('button').click();
    const disputeLink = panel.locator('[data-when="in-dispute"] a');
    await expect
      .poll(() => disputeLink.getAttribute('href'), { timeout: 5_000 })
      .toBe(`https://www.aliexpress.com/p/order/detail.html?orderId=${orders[4]!.orderId}`);
    expect(await disputeLink.textContent()).toBe('Go to the dispute');
    expect(await panel.getByRole('button', { name: 'Take me there' }).count()).toBe(0);

    // Only an intent was stored: no dispute, no submission.
    await expect
      .poll(async () => (await storeRows<ProgressRow>(h, 'progress')).find((p) => p.orderId === shipped.orderId), {
        timeout: 5_000,
      })
      .toMatchObject({ reason: 'not-received', submittedAt: null, wentToDisputeAt: expect.any(String) });
    const disputes = await storeRows<{ orderId: string }>(h, 'disputes');
    expect(disputes.filter((d) => d.orderId === shipped.orderId)).toEqual([]);

    // The popup asks, and shows no dispute deadline for it.
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const popupCard = popup.locator(`[data-order-id="${shipped.orderId}"]`);
    await expect.poll(() => popupCard.locator('.rr-ask').count(), { timeout: 10_000 }).toBe(1);
    expect(await popupCard.locator('.rr-ask p').textContent()).toMatch(
      /^You went to open a dispute on .+: did you submit it\?$/,
    );
    expect(await popupCard.locator('[data-kind="seller-response"]').count()).toBe(0);
    await popupCard.locator('.rr-ask').scrollIntoViewIfNeeded();
    const shot = await h.screenshot(popup, 'popup-asked');
    keepScreenshot(shot, 'popup-asked');

    // "Yes": the seller's time now runs, counted from the shopper's word and marked so.
    await popupCard.getByRole('button', { name: 'Yes, I submitted it' }).click();
    const seller = popupCard.locator('[data-kind="seller-response"]');
    await expect.poll(() => seller.count(), { timeout: 10_000 }).toBe(1);
    expect((await seller.textContent())!.replace(/\s+/g, ' ')).toMatch(/you entered this$/);
    expect(await seller.locator('[data-source="shopper"]').count()).toBe(1);
    expect(await popupCard.locator('.rr-ask').count()).toBe(0);
    const stored = (await storeRows<ProgressRow>(h, 'progress')).find((p) => p.orderId === shipped.orderId)!;
    expect(stored.submittedAt).toBe(stored.wentToDisputeAt);
    await popup.close();
    await page.close();
  });

  it('draws Start refund only for the cards near the screen of a 500-order page, and more as the shopper scrolls', async () => {
    // The stand-in's generated orders, all 500 shown at once (as the bench loads them).
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto('http://www.aliexpress.com/p/order/index.html?orders=500&pageSize=500');
    await expect.poll(() => page.locator('.order-item').count(), { timeout: 20_000 }).toBe(500);
    await expect
      .poll(() => page.locator('[data-refund-radar-host="start"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // The page was read whole all the same: the background has every order.
    await expect
      .poll(async () => (await storeRows(h, 'orders')).length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(500);
    const atTop = await page.evaluate(startButtonsInPage);
    // A screen and a half of cards looked at, not 500; no button far down the list.
    expect(atTop.markedRows).toBeGreaterThan(0);
    expect(atTop.markedRows).toBeLessThan(20);
    expect(atTop.hosts).toBeLessThanOrEqual(atTop.markedRows);
    const far = page.locator('.order-item').nth(300);
    expect(await far.locator('[data-refund-radar-start]').count()).toBe(0);

    await far.scrollIntoViewIfNeeded();
    await expect.poll(() => far.locator('[data-refund-radar-start]').count(), { timeout: 10_000 }).toBe(1);
    const scrolled = await page.evaluate(startButtonsInPage);
    expect(scrolled.markedRows).toBeGreaterThan(atTop.markedRows);
    expect(scrolled.markedRows).toBeLessThan(40);
    // Cards the shopper scrolled past got their buttons: Start refund where the background offers it.
    expect(scrolled.hosts).toBeGreaterThan(atTop.hosts);
    await page.close();
  });

  it('words Start refund in the language chosen in options, German on an English browser', async () => {
    const options = await h.openExtensionPage('options.html');
    const choose = (language: string) =>
      options.evaluate((l) => chrome.runtime.sendMessage({ name: 'settingsSet', data: { language: l } }), language);
    expect(await choose('de')).toMatchObject({ ok: true });
    try {
      const page = await h.context.newPage();
      await page.goto(LIST);
      // Its name and text from de.json, placeholders filled: "Refund Radar: Erstattung starten – Bestellung 8...".
      const label = `${de.ourControl.message.replace('$LABEL$', de.helperStart.message)} – ${de.orderLabel.message.replace('$ID$', '')}`;
      const start = page.locator('.order-item').first().getByRole('button', { name: label });
      await expect.poll(() => start.count(), { timeout: 10_000 }).toBe(1);
      expect(await start.textContent()).toBe(de.helperStart.message);
      await page.close();
    } finally {
      // The other tests read the English the browser speaks.
      await choose('auto');
      await options.close();
    }
  });
});
