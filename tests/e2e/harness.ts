import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import { startSite } from '../site/server.ts';
import { tableInPage } from './checks.ts';
import { chromiumArgs, findChromium } from './chromium.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const SCREENSHOTS = join(ROOT, 'tests/.artifacts/screenshots');

/**
 * Copies a screenshot the run made (in SCREENSHOTS) over the README's, in assets/screenshots, when
 * UPDATE_SCREENSHOTS=1: an ordinary run leaves the committed images alone rather than rewriting
 * them with each run's pixel noise.
 */
export function keepScreenshot(file: string, name: string): void {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(join(ROOT, 'assets/screenshots'), { recursive: true });
  copyFileSync(file, join(ROOT, 'assets/screenshots', `${name}.png`));
}

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  siteOrigin: string;
  sitePort: number;
  /** Opens an extension page such as `popup.html`. */
  openExtensionPage(path: string): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Load the built extension (default true); false gives the same browser without it, for baselines. */
  extension?: boolean;
  headless?: boolean;
}

/**
 * Real Chromium with the built extension, every AliExpress host sent to the local stand-in site.
 * Needs `wxt build` first (npm run test:e2e does it).
 */
export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const withExtension = options.extension ?? true;
  const site = await startSite({ port: 0 });
  const userDataDir = mkdtempSync(join(tmpdir(), 'refund-radar-e2e-'));
  const args = chromiumArgs(site.port, withExtension ? EXTENSION_DIR : null);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    viewport: { width: 1280, height: 900 },
  });
  let worker: Worker | undefined;
  if (withExtension) {
    worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    worker ??= await context.waitForEvent('serviceworker', { timeout: 45_000 });
  }
  const extensionId = worker ? new URL(worker.url()).host : '';
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    get worker() {
      if (!worker) throw new Error('launched without the extension');
      // The worker may have been stopped and restarted: always hand out the live one.
      return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? worker;
    },
    extensionId,
    siteOrigin: site.origin,
    sitePort: site.port,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async screenshot(page, name) {
      const file = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      await site.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A question to the service worker that gives up after a few seconds: a worker stopped while it
 * answers never does, and a poll around the call then asks the live one again.
 */
export function briefly<T>(answer: Promise<T>): Promise<T> {
  return Promise.race([
    answer,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the service worker did not answer')), 5_000)),
  ]);
}

const storePages = new WeakMap<Harness, Promise<Page>>();

/**
 * An extension page kept open for reading the store: it shares the service worker's IndexedDB
 * and alarms, but is never stopped for being idle, as the worker is.
 */
export function storePage(h: Harness): Promise<Page> {
  let page = storePages.get(h);
  if (!page) {
    page = h.openExtensionPage('options.html');
    storePages.set(h, page);
  }
  return page;
}

/**
 * Every row of one table of the extension's database, read with plain IndexedDB from an
 * extension page: what the store holds, without asking the extension's own code.
 */
export async function storeRows<T>(h: Harness, table: string): Promise<T[]> {
  const page = await storePage(h);
  return briefly(page.evaluate(tableInPage, table) as Promise<T[]>);
}

/** Evaluates `expression` in the page's content-script world, found through CDP, so messages leave with a real content-script sender. */
export async function inContentScript(h: Harness, page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await h.context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  let ctx: (typeof contexts)[number] | undefined;
  await expect
    .poll(() => (ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(h.extensionId))), {
      timeout: 10_000,
    })
    .toBeDefined();
  const result = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: ctx!.id,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: unknown }; exceptionDetails?: unknown };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(JSON.stringify(result.exceptionDetails));
  return result.result.value;
}
