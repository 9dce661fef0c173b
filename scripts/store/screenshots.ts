/**
 * `npm run store:screenshots`: the stores' screenshots (1280×800, what both stores take), made by
 * driving the built extension in Chromium on the local AliExpress stand-in, so they show the
 * interface as it is. Writes assets/store/screenshots/; tests/e2e/store-screenshots.e2e.test.ts
 * makes the same set on every test run (into tests/.artifacts), so a change that breaks them shows.
 * Needs `npm run build` first.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { disputePageUrl, escalatableOrder, MY_ORDERS_25 } from '../../tests/e2e/checks.ts';
import { launch, storeRows, type Harness } from '../../tests/e2e/harness.ts';
import { siteOrders } from '../../tests/site/data.ts';
import { ROOT } from './packages.ts';

export const STORE_SCREENSHOTS = join(ROOT, 'assets/store/screenshots');
export const STORE_SIZE = { width: 1280, height: 800 } as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The popup is 400 px wide: shown on a 1280×800 card with the listing's own words beside it. */
function popupFrame(popupPng: Buffer): string {
  const en = JSON.parse(readFileSync(join(ROOT, 'assets/locales/en.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
    html,body{margin:0;width:1280px;height:800px;overflow:hidden}
    body{display:flex;align-items:center;justify-content:center;gap:72px;background:linear-gradient(135deg,#fff4ef,#ffe1d6);font-family:system-ui,sans-serif;color:#1f1f1f}
    .text{width:520px}
    h1{font-size:40px;margin:0 0 20px}
    p{font-size:22px;line-height:1.45;margin:0}
    img{width:400px;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.18)}
  </style></head><body>
    <div class="text"><h1>${escapeHtml(en.extName!.message)}</h1><p>${escapeHtml(en.extDescription!.message)}</p></div>
    <img src="data:image/png;base64,${popupPng.toString('base64')}" alt="">
  </body></html>`;
}

/**
 * My orders with the Start refund panel open on a card "View orders" loaded, a dispute page with
 * its bar, and the popup listing what was read: the three things a shopper sees.
 */
export async function storeScreenshots(h: Harness, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const page = await h.context.newPage();
  await page.setViewportSize(STORE_SIZE);

  const orders = siteOrders(25, new Date());
  const target = orders.findIndex((o, i) => i >= 10 && o.actions.includes('returns-refunds'));
  // Its details page first: from the list alone its dates are unknown, and the panel would send the
  // shopper there instead of offering "Take me there".
  const orderId = orders[target]!.orderId;
  await page.goto(`http://www.aliexpress.com/p/order/detail.html?orderId=${orderId}`);
  for (let tries = 0; ; tries++) {
    const rows = await storeRows<{ orderId: string; dates: { shippedAt: string | null } }>(h, 'orders');
    if (rows.find((o) => o.orderId === orderId)?.dates.shippedAt) break;
    if (tries > 100) throw new Error(`order ${orderId} was not read from its details page`);
    await page.waitForTimeout(100);
  }
  await page.goto(MY_ORDERS_25);
  await page.locator('.order-more button').click();
  const card = page.locator('.order-item').nth(target);
  // Start refund is drawn as a card comes near the screen: scrolled to, as a shopper would.
  await card.scrollIntoViewIfNeeded();
  await card.locator('[data-refund-radar-host="start"] button').click();
  const panel = page.locator('[data-refund-radar-host="panel"] [role="dialog"]');
  await panel.getByLabel('Wrong size').check();
  await panel.getByRole('button', { name: 'Take me there' }).click();
  await page.locator('[data-refund-radar-highlight]').first().waitFor();
  files.push(join(outDir, '1-start-refund.png'));
  await page.screenshot({ path: files.at(-1)! });

  await page.goto(disputePageUrl(escalatableOrder()));
  await page.locator('[data-refund-radar-host="dispute-bar"] .rr-bar[data-awaiting="buyer"]').waitFor();
  files.push(join(outDir, '2-dispute-bar.png'));
  await page.screenshot({ path: files.at(-1)! });

  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await popup.locator('.rr-popup[data-state="live"] .rr-list > li').first().waitFor();
  const popupPng = await popup.screenshot();
  // A blank page of its own, not an AliExpress one, where the content script would run.
  const frame = await h.context.newPage();
  await frame.setViewportSize(STORE_SIZE);
  await frame.setContent(popupFrame(popupPng));
  files.push(join(outDir, '3-popup.png'));
  await frame.screenshot({ path: files.at(-1)! });

  await Promise.all([frame.close(), popup.close(), page.close()]);
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const h = await launch();
  try {
    for (const file of await storeScreenshots(h, STORE_SCREENSHOTS)) console.log(file);
  } finally {
    await h.close();
  }
}
