import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/store/db.ts';
import { LATEST_VERSION } from '../../src/store/schema.ts';
import { siteOrders } from '../site/data.ts';
import { launch, type Harness } from './harness.ts';
import { historyRows } from './history.ts';

/** The page kinds of the stored readings of pages whose URL contains `part`. */
async function readKinds(h: Harness, part: string): Promise<string[]> {
  const rows = await historyRows<{ url: string; kind: string }>(h);
  return [...new Set(rows.filter((r) => r.url.includes(part)).map((r) => r.kind))];
}

// The extension as a shopper gets it: built, loaded in real Chromium, on AliExpress URLs served locally.
describe('the extension in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('runs its service worker, which opens the database at its latest version', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    const dbs = await h.worker.evaluate(async () => {
      // The worker opens the database on start; wait for it rather than assume it is instant.
      for (let i = 0; i < 50; i++) {
        const list = await indexedDB.databases();
        if (list.some((d) => d.name === 'refund-radar')) return list;
        await new Promise((r) => setTimeout(r, 100));
      }
      return indexedDB.databases();
    });
    // Dexie keeps its version n as IndexedDB version n × 10.
    expect(dbs).toContainEqual({ name: DB_NAME, version: LATEST_VERSION * 10 });
  });

  it('runs the content script on the My orders page and detects it from the URL', async () => {
    const page = await h.context.newPage();
    await page.goto('http://www.aliexpress.com/p/order/index.html');
    // What the background stored, not a mark on the page: the page must not be able to see the extension.
    await expect.poll(() => readKinds(h, '/p/order/index.html'), { timeout: 20_000 }).toContain('order-list');
    await page.close();
  });

  it('tells the order detail page from My orders by its URL', async () => {
    // The last stand-in order is not on the first page of My orders: only its own page stores it.
    const { orderId } = siteOrders().at(-1)!;
    const page = await h.context.newPage();
    await page.goto(`http://www.aliexpress.com/p/order/detail.html?orderId=${orderId}`);
    await expect.poll(() => readKinds(h, `orderId=${orderId}`), { timeout: 20_000 }).toEqual(['order-detail']);
    await page.close();
  });

  it('renders the popup from what the background answers, without an error', async () => {
    const page = await h.openExtensionPage('popup.html');
    // `live` only once the background has answered: a cached first screen or a spinner is not enough.
    await expect.poll(() => page.locator('main').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await expect.poll(() => page.locator('#app button').count()).toBeGreaterThan(0);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await h.screenshot(page, 'popup-empty');
    await page.close();
  });

  it('renders the options page with the settings the background answers', async () => {
    const page = await h.openExtensionPage('options.html');
    // The settings form appears only once the background has answered settingsGet.
    await expect.poll(() => page.locator('form select, form input').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await page.close();
  });
});
