import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ALIEXPRESS_DOMAINS } from '../../src/model/hosts.ts';
import { startSite } from '../site/server.ts';
import { tableInPage } from './checks.ts';
import { ROOT, SCREENSHOTS } from './harness.ts';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
/** The gecko id in wxt.config.ts's manifest. */
export const GECKO_ID = 'refund-radar@refund-radar.app';
/**
 * The extension's internal uuid, chosen here (Firefox picks a random one otherwise) so the test
 * knows where `moz-extension://` pages are before the add-on is installed.
 */
export const EXTENSION_UUID = '5f1d3c2a-8b4e-4c6d-9a7f-0e1b2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const STANDARD_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Debian's firefox-esr (or the one FIREFOX_BIN names); one line that says how to get it otherwise. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  const fromEnv = env.FIREFOX_BIN;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_BIN=${fromEnv} does not exist: install Firefox with "apt-get install -y firefox-esr".`);
  }
  const found = STANDARD_PATHS.find(exists);
  if (found) return found;
  throw new Error('Firefox not found: install it with "apt-get install -y firefox-esr" or set FIREFOX_BIN.');
}

/**
 * A proxy auto-config script that sends every AliExpress host to the stand-in and nothing else
 * anywhere: Firefox has no host-resolver flag, but it takes a PAC file from a data: URL.
 */
export function aliexpressPac(sitePort: number): string {
  const hosts = ALIEXPRESS_DOMAINS.map((d) => `host == '${d}' || dnsDomainIs(host, '.${d}')`).join(' || ');
  return `function FindProxyForURL(url, host) { return (${hosts}) ? 'PROXY 127.0.0.1:${sitePort}' : 'DIRECT'; }`;
}

export function firefoxPrefs(sitePort: number, downloads: string): Record<string, unknown> {
  return {
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(aliexpressPac(sitePort))}`,
    // The stand-in speaks plain http at AliExpress's names.
    'dom.security.https_first': false,
    'dom.security.https_only_mode': false,
    // Firefox's own alert window, not the desktop's notification service (a headless machine has
    // none, and the notification then closes at once, unseen by notifications.getAll()).
    'alerts.useSystemBackend': false,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // Files the extension's pages save go to `downloads` without a dialog, as a shopper's
    // "save files to Downloads" setting does.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  };
}

export interface FirefoxHarness {
  browser: Browser;
  extensionId: string;
  sitePort: number;
  /** Where the files the extension saves land (a folder of this launch's own, removed on close). */
  downloads: string;
  /**
   * Opens an extension page such as `popup.html` and waits until its document is complete, at the
   * launch's default size: Firefox ESR 140.12 refuses puppeteer's setViewport (it sends a screen
   * orientation Firefox does not know), and the popup's own CSS sets its width.
   */
  openExtensionPage(path: string): Promise<Page>;
  /** Every row of one table of the extension's database, read from an extension page kept open. */
  storeRows<T>(table: string): Promise<T[]>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Firefox ESR with the built Firefox package installed as a temporary add-on, driven over
 * WebDriver BiDi, every AliExpress host sent to the local stand-in. Needs `npm run build:firefox`.
 */
export async function launchFirefox(): Promise<FirefoxHarness> {
  const site = await startSite({ port: 0 });
  const downloads = mkdtempSync(join(tmpdir(), 'refund-radar-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless: true,
    // Lets BiDi reach moz-extension:// pages, where the store and the popup are read.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(site.port, downloads),
    defaultViewport: { width: 1280, height: 900 },
  });
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    await site.close();
    rmSync(downloads, { recursive: true, force: true });
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  let storePage: Promise<Page> | undefined;
  const openExtensionPage = async (path: string) => {
    // A window of its own: a new tab opens in Firefox's most recent window, and while a notification
    // shows, that is its alert window, which has no tabs (BiDi then fails with "getTabBrowser(...) is
    // undefined").
    const page = await browser.newPage({ type: 'window' });
    const url = `${EXTENSION_ORIGIN}/${path}`;
    // Under BiDi an extension page's load event does not arrive: navigate, then poll the document.
    page.goto(url).catch(() => undefined);
    await until(
      () =>
        page
          .evaluate(() => [location.href, document.readyState])
          .then(([href, state]) => href === url && state === 'complete')
          .catch(() => false),
      15_000,
      `${url} did not load`,
    );
    return page;
  };
  return {
    browser,
    extensionId,
    sitePort: site.port,
    downloads,
    openExtensionPage,
    async storeRows<T>(table: string) {
      storePage ??= openExtensionPage('options.html');
      return (await (await storePage).evaluate(tableInPage, table)) as T[];
    },
    async screenshot(page, name) {
      const file = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file as `${string}.png` });
      return file;
    },
    async close() {
      await browser.close();
      await site.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it holds; `what` says what did not happen. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((r) => setTimeout(r, 200));
  }
}
