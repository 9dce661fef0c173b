/**
 * Chromium for measuring: the e2e harness's flags (every AliExpress host sent to the local
 * stand-in), but loading the extension from the bench's own build folder, and with the same
 * flags with and without the extension so the two sides of a ratio differ only by it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../tests/e2e/chromium.ts';
import { startSite } from '../../tests/site/server.ts';

export interface BenchBrowser {
  context: BrowserContext;
  /** The stand-in's own address, for requests made from Node rather than from Chromium. */
  siteOrigin: string;
  /** '' without the extension. */
  extensionId: string;
  worker(): Worker;
  close(): Promise<void>;
}

export async function launchBench(extensionDir: string | null): Promise<BenchBrowser> {
  const site = await startSite({ port: 0 });
  const userDataDir = mkdtempSync(join(tmpdir(), 'refund-radar-bench-'));
  // Timers and rendering of a page in the background would otherwise be throttled between runs.
  const args = chromiumArgs(site.port, extensionDir, [
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ]);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: true,
      args,
      ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : [],
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await site.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  let extensionId = '';
  let closed = false;
  if (extensionDir) {
    const sw =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    extensionId = new URL(sw.url()).host;
  }
  return {
    context,
    siteOrigin: site.origin,
    extensionId,
    worker() {
      const w = context.serviceWorkers().find((s) => s.url().startsWith(`chrome-extension://${extensionId}/`));
      if (!w) throw new Error('the extension has no running service worker');
      return w;
    },
    // Once: a browser the bench closes early is closed again at its end.
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close();
      await site.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const ORDER_CARD = '.order-item';

/**
 * My orders with `count` orders, every card shown at once: the stand-in shows ten per "View
 * orders" click unless asked (`pageSize`), like a shopper who clicked through them all.
 */
export function ordersUrl(count: number): string {
  return `http://www.aliexpress.com/p/order/index.html?orders=${count}&pageSize=${count}`;
}

/** Waits until the page shows `count` order cards (the stand-in renders them after a 60 ms timer). */
export async function waitForCards(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector as string).length >= (n as number),
    [ORDER_CARD, count] as const,
    { timeout: 30_000, polling: 50 },
  );
}

/** The content script's isolated world in `page`, found through CDP, for sending as the content script does. */
export async function isolatedWorld(cdp: CDPSession, extensionId: string, timeoutMs = 10_000): Promise<number> {
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin.startsWith(`chrome-extension://${extensionId}`),
    );
    if (found) return found.id;
    if (Date.now() > deadline) throw new Error('the content script did not run on the page (no isolated world)');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Evaluates `expression` (which may return a promise) in a CDP execution context and returns its JSON value. */
export async function evaluateIn<T>(cdp: CDPSession, contextId: number, expression: string): Promise<T> {
  const result = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (result.exceptionDetails) {
    const detail = result.exceptionDetails.exception?.description ?? result.exceptionDetails.text;
    throw new Error(`evaluation failed: ${detail}`);
  }
  return result.result.value as T;
}
