/**
 * `npm run demo`: the built extension in Chromium on the bundled stand-in pages, served locally at
 * real AliExpress URLs. With a display it opens a window to explore; without one it drives the
 * browser headless and saves screenshots of what the shopper would see.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, ROOT } from '../tests/e2e/harness.ts';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const ORDERS = 'http://www.aliexpress.com/p/order/index.html';

async function settle(page: Page) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
}

async function main() {
  const h = await launch({ headless });
  console.log(`Stand-in AliExpress site on 127.0.0.1:${h.sitePort}; extension ${h.extensionId} loaded.`);
  const page = await h.context.newPage();
  await page.goto(ORDERS);
  if (!headless) {
    console.log('Chromium is open on My orders. Close the browser window (or press Ctrl+C) to stop.');
    await new Promise<void>((done) => {
      h.context.on('close', () => done());
      process.on('SIGINT', () => done());
    });
    await h.close().catch(() => undefined);
    return;
  }
  const shots: string[] = [];
  await settle(page);
  shots.push(await h.screenshot(page, 'demo-1-my-orders'));
  const more = page.locator('[data-pl="order_more"], .order-more button').first();
  if (await more.isVisible().catch(() => false)) {
    await more.click();
    await settle(page);
    shots.push(await h.screenshot(page, 'demo-2-my-orders-more'));
  }
  // Collect the links first: the list is the page that has them all.
  const links = await page.evaluate(() => ({
    detail: document.querySelector<HTMLAnchorElement>('a[href*="detail.html?orderId="]')?.href,
    dispute: document.querySelector<HTMLAnchorElement>('a[href*="fastissue/Detail.htm"]')?.href,
  }));
  // The Start refund button sits in an open shadow root, which Playwright's locators reach into.
  const helper = page.locator('[data-refund-radar-host="start"]').first();
  if (await helper.count()) {
    await helper.scrollIntoViewIfNeeded();
    await helper.locator('button.rr-start').click();
    await settle(page);
    shots.push(await h.screenshot(page, 'demo-3-start-refund'));
  } else {
    console.warn('No Start refund button on My orders: the helper did not mount (no demo-3 screenshot).');
  }
  for (const [name, url] of [
    ['demo-4-order-detail', links.detail],
    ['demo-5-dispute', links.dispute],
  ] as const) {
    if (!url) continue;
    await page.goto(url);
    await settle(page);
    shots.push(await h.screenshot(page, name));
  }
  const popup = await h.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 420, height: 640 });
  await settle(popup);
  shots.push(await h.screenshot(popup, 'demo-6-popup'));
  await h.close();
  console.log(`No display: ran headless. Screenshots in ${join(ROOT, 'tests/.artifacts/screenshots')}:`);
  for (const s of shots) console.log(`  ${s}`);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
