import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteOrders } from '../site/data.ts';
import { launch, storeRows, type Harness } from './harness.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe-core in the page on `include` (our hosts on AliExpress's pages: the page itself is
 * not ours to fix), open shadow roots included, and answers every violation in a line each.
 * An extension page's policy refuses inline scripts, so there axe goes in through the debugger.
 */
async function violations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE }).catch(() => undefined);
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  }
  const found = await page.evaluate(async (selector) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const context = selector ? { include: [...document.querySelectorAll(selector)] } : document;
    return (await axe.run(context, { resultTypes: ['violations'] })).violations;
  }, include ?? null);
  return found.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
  );
}

const SCHEMES = ['light', 'dark'] as const;

/** expect.poll for a hook, where vitest has none. */
async function until(ok: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > end) throw new Error('the stand-in pages were not read in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('accessibility (axe-core) of everything Refund Radar draws, in light and dark', () => {
  let h: Harness;
  const orders = siteOrders(15, new Date());
  const escalatable = orders.find((o) => o.dispute?.canEscalate)!;
  const caseUrl = `http://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${escalatable.dispute!.lineId}&reverseOrderLineId=${escalatable.dispute!.disputeId}&from=1`;

  beforeAll(async () => {
    h = await launch();
    // Something to list: My orders and the refund list read as a shopper would.
    const page = await h.context.newPage();
    await page.goto('http://www.aliexpress.com/p/order/index.html');
    await until(async () => (await storeRows(h, 'orders')).length > 5);
    await page.goto('http://m.aliexpress.com/p/refund-dispute/list.html');
    await until(async () => (await storeRows(h, 'disputes')).length > 3);
    await page.close();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds what is wrong inside our shadow roots (the check itself can fail)', async () => {
    const page = await h.context.newPage();
    await page.goto(caseUrl);
    const host = page.locator('[data-refund-radar-host="dispute-bar"]');
    await expect.poll(() => host.count(), { timeout: 10_000 }).toBe(1);
    // Planted for this test: an image with no text alternative, deep in the bar's shadow root.
    await host.evaluate((el) => el.shadowRoot!.querySelector('.rr-bar')!.append(document.createElement('img')));
    expect((await violations(page, '[data-refund-radar-host]')).join('\n')).toMatch(/^image-alt/m);
    await page.close();
  });

  for (const colorScheme of SCHEMES) {
    it(`popup, ${colorScheme}`, async () => {
      const popup = await h.context.newPage();
      await popup.emulateMedia({ colorScheme });
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
      await expect.poll(() => popup.locator('.rr-list > li').count(), { timeout: 10_000 }).toBeGreaterThan(2);
      // A card's steps open too, so the checklist is checked as well.
      await popup
        .getByRole('button', { name: /^Refund steps/ })
        .first()
        .click();
      expect(await violations(popup)).toEqual([]);
      await popup.close();
    });

    it(`options, ${colorScheme}`, async () => {
      const options = await h.context.newPage();
      await options.emulateMedia({ colorScheme });
      await options.goto(`chrome-extension://${h.extensionId}/options.html`);
      await expect.poll(() => options.locator('form').count(), { timeout: 10_000 }).toBe(1);
      expect(await violations(options)).toEqual([]);
      // The delete confirmation is a dialog of its own.
      await options.getByRole('button', { name: 'Delete all data' }).click();
      expect(await violations(options)).toEqual([]);
      await options.close();
    });

    it(`Start refund buttons and the helper panel, ${colorScheme}`, async () => {
      const page = await h.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto('http://www.aliexpress.com/p/order/index.html');
      const start = page.locator('[data-refund-radar-host="start"] button').first();
      await expect.poll(() => start.count(), { timeout: 10_000 }).toBe(1);
      await start.click();
      const panel = page.locator('[data-refund-radar-host="panel"] [role="dialog"]');
      await expect.poll(() => panel.isVisible(), { timeout: 5_000 }).toBe(true);
      await panel.getByRole('radio').first().check();
      expect(await violations(page, '[data-refund-radar-host]')).toEqual([]);
      await page.close();
    });

    it(`dispute bar and its tab, ${colorScheme}`, async () => {
      const page = await h.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(caseUrl);
      const bar = page.locator('[data-refund-radar-host="dispute-bar"] .rr-bar');
      await expect.poll(() => bar.getAttribute('data-awaiting'), { timeout: 15_000 }).toBe('buyer');
      expect(await violations(page, '[data-refund-radar-host]')).toEqual([]);
      await bar.getByRole('button', { name: 'Hide' }).click();
      expect(await violations(page, '[data-refund-radar-host]')).toEqual([]);
      await page.close();
    });
  }

  it('draws source tags at 12px at least, and gives cut titles their whole text', async () => {
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('.rr-source').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const sizes = await popup
      .locator('.rr-source')
      .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    // Some stand-in titles are cut in a 400px popup: hover has them whole, and so does focus in their card.
    const titles = popup.locator('.rr-card-title');
    const cutAt = await titles.evaluateAll((els) => els.findIndex((el) => el.scrollWidth > el.clientWidth));
    expect(cutAt).toBeGreaterThanOrEqual(0);
    const cut = titles.nth(cutAt);
    expect(await cut.getAttribute('title')).toBe(await cut.textContent());
    await popup.locator('.rr-card').nth(cutAt).getByRole('button').first().focus();
    expect(await cut.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await popup.close();
  });
});
