import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../site/labels.ts';
import { siteOrders, type SiteOrder } from '../site/data.ts';
import { keepScreenshot, launch, storePage, storeRows, type Harness } from './harness.ts';
import { historyRows } from './history.ts';

// The extension's alarms as the functions passed to evaluate() see them inside Chromium.
declare const chrome: { alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>> } };

/** The stand-in's case page of an order's dispute. */
const caseUrl = (order: SiteOrder, extra = '') =>
  `http://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${order.dispute!.lineId}&reverseOrderLineId=${order.dispute!.disputeId}${extra}`;

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Korean texts for the stand-in's English case page, for this test only (the readers know ten
 * languages and Korean is not one of them; rules/locales stays as it is). Written by hand.
 */
const en = LABELS.en;
const KOREAN: Array<[string, string]> = [
  [en.disputeDetails, '분쟁 상세 정보'],
  [en.dispute['awaiting-seller'], '판매자 응답 대기 중'],
  [en.party.seller, '판매자의 응답을 기다리고 있습니다'],
  [en.timeLeft, '남은 시간:'],
  [en.cancelRequest, '요청 취소'],
  [en.reason, '사유:'],
  [en.reasons['not-received'], '상품 미수령'],
  [en.solution, '해결 방법:'],
  [en.solutions['refund-only'], '환불만'],
  [en.refundAmount, '환불 금액:'],
];

/** Serves the case page in Korean: the stand-in's page with its texts (and countdown's day word) replaced. */
async function inKorean(page: Page, siteOrigin: string): Promise<void> {
  await page.route('**/issue/fastissue/Detail.htm*', async (route) => {
    const url = new URL(route.request().url());
    // Fetched from the stand-in directly: Node does not know the browser's host mapping.
    const response = await route.fetch({
      url: `${siteOrigin}${url.pathname}${url.search}`,
      headers: { ...route.request().headers(), host: url.host },
    });
    let html = (await response.text()).replace(/<html lang="[^"]*"/, '<html lang="ko"');
    for (const [from, to] of KOREAN) html = html.split(esc(from)).join(to);
    html = html
      .replace(/(\d+) days? (\d\d:\d\d:\d\d)/g, '$1일 $2')
      .replace(/\{"one":"day","other":"days"\}/, '{"other":"일"}');
    await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-language': 'ko' } });
  });
}

interface Row {
  orderId: string;
  lineId: string | null;
  status: string;
  awaiting: string | null;
  deadline: string | null;
  statusVia?: string;
  entered?: string[];
}

const HOUR = 3_600_000;

describe('tracking a dispute by hand in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('on a Korean case page: offers to track it, stores what the shopper entered with its alarms, and a readable page replaces it', async () => {
    // The stand-in's seller-turn case: "4 days 23:12:11" on its countdown.
    const order = siteOrders(15, new Date()).find(
      (o) => o.dispute?.status === 'awaiting-seller' && o.dispute.countdownMs,
    )!;
    const lineId = order.dispute!.lineId;
    const disputeOf = async () => (await storeRows<Row>(h, 'disputes')).find((d) => d.lineId === lineId);
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1000, height: 640 });
    await inKorean(page, h.siteOrigin);
    // Without its order link: only the ids in the URL name the case, so the shopper gives the order.
    await page.goto(caseUrl(order, '&orderRef=none'));
    expect(await page.locator('h1').first().textContent()).toBe('분쟁 상세 정보');

    const bar = page.locator('[data-refund-radar-host="dispute-bar"]');
    const offer = bar.getByRole('button', { name: 'Track this dispute yourself' });
    await offer.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await bar.locator('.rr-bar-who').textContent()).toBe('Refund Radar cannot tell who must act');
    keepScreenshot(await h.screenshot(page, 'dispute-bar-track'), 'dispute-bar-track');

    await offer.click();
    const form = bar.getByRole('form', { name: 'Track this dispute yourself' });
    await form.getByRole('group', { name: 'Who must act now?' }).getByRole('radio', { name: 'The seller' }).check();
    const opened = new Date(Date.now() - 24 * HOUR);
    const day = `${opened.getFullYear()}-${String(opened.getMonth() + 1).padStart(2, '0')}-${String(opened.getDate()).padStart(2, '0')}`;
    const fill = async (days: string, orderNumber: string) => {
      await form.getByLabel('Days left').fill(days);
      await form.getByLabel('Hours left').fill('23');
      await form.getByLabel('Dispute opened on').fill(day);
      await form.getByLabel('Order number').fill(orderNumber);
    };
    await fill('4', order.orderId);
    keepScreenshot(await h.screenshot(page, 'dispute-track-form'), 'dispute-track-form');
    // A shopper who mistypes: refused beside the fields, nothing stored.
    await fill('400', 'my order');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByLabel('Days left').getAttribute('aria-invalid'), { timeout: 5_000 }).toBe('true');
    expect(await bar.locator('#rr-daysLeft-error').textContent()).toBe(
      'At most 60 days: no dispute step lasts longer.',
    );
    expect(await bar.locator('#rr-orderId-error').textContent()).toBe(
      'An order number has 6 to 24 digits and nothing else.',
    );
    expect(await disputeOf()).toBeUndefined();

    await fill('4', order.orderId);
    const savedAt = Date.now();
    await form.getByRole('button', { name: 'Save' }).click();

    await expect.poll(async () => (await disputeOf())?.statusVia, { timeout: 15_000 }).toBe('shopper');
    const entered = (await disputeOf())!;
    expect(entered).toMatchObject({ orderId: order.orderId, status: 'awaiting-seller', awaiting: 'seller' });
    expect(entered.entered).toEqual(expect.arrayContaining(['status', 'awaiting', 'deadline', 'openedAt']));
    const due = Date.parse(entered.deadline!);
    expect(Math.abs(due - (savedAt + (4 * 24 + 23) * HOUR))).toBeLessThan(2 * 60_000);
    // Its alarms are planned as for a read dispute.
    const store = await storePage(h);
    await expect
      .poll(
        async () =>
          (await store.evaluate(() => chrome.alarms.getAll()))
            .map((a) => a.name)
            .filter((n) => n.includes(order.orderId)),
        { timeout: 15_000 },
      )
      .not.toEqual([]);
    // The bar shows it, marked as the shopper's, with Edit.
    await expect.poll(() => bar.locator('.rr-bar-who').textContent(), { timeout: 10_000 }).toBe('The seller must act');
    expect((await bar.locator('.rr-bar').textContent())!.replace(/\s+/g, ' ')).toMatch(
      /4 days 2\d h left .*you entered this/,
    );
    expect(await bar.getByRole('button', { name: 'Edit' }).isVisible()).toBe(true);

    // The same dispute's page, readable (English): the page's values replace the shopper's.
    await page.unrouteAll();
    await page.goto(caseUrl(order));
    await expect.poll(async () => (await disputeOf())?.statusVia, { timeout: 15_000 }).toBe('dom');
    const read = (await disputeOf())!;
    expect(read.entered ?? []).not.toContain('deadline');
    expect(read.entered ?? []).not.toContain('awaiting');
    expect(read.deadline).not.toBe(entered.deadline);
    expect(Math.abs(Date.parse(read.deadline!) - Date.parse(entered.deadline!))).toBeGreaterThan(5 * 60_000);
    // The shopper's entry stays in the history.
    const history = await historyRows<{ entityId: string; via?: string }>(h);
    expect(history.filter((o) => o.entityId === `${order.orderId}:${lineId}`).map((o) => o.via)).toEqual(
      expect.arrayContaining(['shopper', 'dom']),
    );
    await page.close();
  });
  it('saves a report of a case page it cannot read: the page’s structure as a file, none of the shopper’s data', async () => {
    const order = siteOrders(15, new Date()).find(
      (o) => o.dispute?.status === 'awaiting-seller' && o.dispute.countdownMs,
    )!;
    const page = await h.context.newPage();
    await inKorean(page, h.siteOrigin);
    await page.goto(caseUrl(order));
    const bar = page.locator('[data-refund-radar-host="dispute-bar"]');
    const save = bar.getByRole('button', { name: 'Save a report of this page' });
    await save.waitFor({ state: 'visible', timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toMatch(/^refund-radar-report-dispute-detail-\d{4}-\d\d-\d\d\.json$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const report = JSON.parse(text) as {
      format: string;
      kind: string;
      idsMasked: boolean;
      json: string;
      problems: unknown[];
    };
    expect(report).toMatchObject({
      format: 'refund-radar-page-report',
      kind: 'dispute-detail',
      idsMasked: true,
      json: 'not-included',
    });
    expect(report.problems.length).toBeGreaterThan(0);
    // The page's structure is there (the stand-in's hashed class names), its words and ids are not.
    expect(text).toContain('solution--amount--3tY6uI8');
    for (const secret of [
      order.orderId,
      order.dispute!.lineId,
      order.dispute!.disputeId,
      '분쟁 상세 정보',
      '환불 금액:',
    ])
      expect(text).not.toContain(secret);
    await page.close();
  });
});
