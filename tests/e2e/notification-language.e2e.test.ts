import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../assets/locales/de.json';
import { dispute, order, snapshot } from '../unit/store/fixtures.ts';
import { inContentScript, launch, type Harness } from './harness.ts';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

/**
 * The background words notifications in the language chosen in options. Unit tests cannot see
 * what only a real service worker refuses: it may not `import()` (a language loaded on demand
 * never arrived), and its catalogs are the build's notification-only subsets.
 */

describe('notifications in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('are worded in the language chosen in options', async () => {
    const options = await h.openExtensionPage('options.html');
    const set = (await options.evaluate(() =>
      chrome.runtime.sendMessage({ name: 'settingsSet', data: { language: 'de' } }),
    )) as { ok: boolean };
    expect(set.ok).toBe(true);
    // Keep what the worker shows: chrome.notifications.getAll() answers ids only.
    await h.worker.evaluate(() => {
      const g = globalThis as unknown as { chrome: { notifications: { create(...a: unknown[]): unknown } } };
      const shown: unknown[][] = [];
      const create = g.chrome.notifications.create;
      g.chrome.notifications.create = (...a: unknown[]) => (shown.push(a), create.apply(g.chrome.notifications, a));
      (globalThis as unknown as { shown: unknown[][] }).shown = shown;
    });
    // The seller's time ran out an hour ago: "automatic refund due" is shown as soon as it is stored.
    const s = snapshot({
      readAt: new Date().toISOString(),
      orders: [order({ orderId: '9000000000000021', status: 'in-dispute' })],
      disputes: [
        dispute({
          orderId: '9000000000000021',
          lineId: '9000000000000031',
          status: 'awaiting-seller',
          deadline: new Date(Date.now() - 3_600_000).toISOString(),
          openedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
        }),
      ],
    });
    const page = await h.context.newPage();
    await page.goto('http://www.aliexpress.com/p/order/index.html');
    await inContentScript(h, page, `chrome.runtime.sendMessage(${JSON.stringify({ name: 'snapshot', data: s })})`);
    await expect
      .poll(() => h.worker.evaluate(() => (globalThis as unknown as { shown: unknown[][] }).shown.length), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const [[id, shown]] = (await h.worker.evaluate(() => (globalThis as unknown as { shown: unknown[][] }).shown)) as [
      [string, { title: string; message: string }],
    ];
    expect(id).toMatch(/^rr:refund-due:9000000000000021:/);
    expect(shown.title).toBe(de.alertRefundDueTitle.message);
    expect(shown.message).toContain('9000000000000021');
    expect(shown.message.startsWith(de.alertRefundDueBody.message.split('$')[0]!)).toBe(true);
    await page.close();
  });
});
