import { createHandlers, type HandlerDeps } from '../../../src/messages/handlers.ts';
import { PAGE_STYLES } from '../../../src/platform/page-styles.ts';
import { route } from '../../../src/messages/router.ts';
import { senderPolicy, type Sender } from '../../../src/messages/senders.ts';
import { checkRulesSetting } from '../../../src/settings/rules-check.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { join, resolve } from 'node:path';
import type { Language } from '../../../src/i18n/core.ts';
import { pageTextSource, pageTextsPath, type PageTextSource } from '../../../src/i18n/page-texts.ts';
import { pageTextFiles } from '../../../wxt.config.ts';

export const RUNTIME_ID = 'test-extension-id';
export const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;

export const SENDERS = {
  contentScript: {
    id: RUNTIME_ID,
    url: 'https://www.aliexpress.com/p/order/index.html',
    tab: { url: 'https://www.aliexpress.com/p/order/index.html' },
  },
  contentScriptUs: {
    id: RUNTIME_ID,
    url: 'https://aliexpress.us/p/order/detail.html?orderId=1',
    tab: { url: 'https://aliexpress.us/p/order/detail.html?orderId=1' },
  },
  popup: { id: RUNTIME_ID, url: `${ORIGIN}popup.html` },
  optionsTab: { id: RUNTIME_ID, url: `${ORIGIN}options.html`, tab: { url: `${ORIGIN}options.html` } },
  otherExtension: { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' },
  otherExtensionOnAliExpress: {
    id: 'someone-else',
    url: 'https://www.aliexpress.com/',
    tab: { url: 'https://www.aliexpress.com/' },
  },
  contentScriptElsewhere: { id: RUNTIME_ID, url: 'https://evil.example/', tab: { url: 'https://evil.example/' } },
  lookalikeHost: {
    id: RUNTIME_ID,
    url: 'https://aliexpress.com.evil.example/',
    tab: { url: 'https://aliexpress.com.evil.example/' },
  },
  nobody: {},
} satisfies Record<string, Sender>;

/**
 * The background's page texts over the files the build writes (wxt.config.ts) from the real
 * assets/locales, served by path as runtime.getURL serves the package; `over` stands in for parts.
 */
export function builtPageTexts(over: Partial<PageTextSource> = {}) {
  const dir = join(resolve(import.meta.dirname, '../../..'), 'assets/locales');
  const files = new Map<string, string>(
    pageTextFiles(dir).map(({ lang, contents }) => [pageTextsPath(lang as Language), contents]),
  );
  return pageTextSource({
    load: async (path) => {
      const contents = files.get(path);
      if (contents === undefined) throw new Error(`no file ${path}`);
      return JSON.parse(contents) as unknown;
    },
    uiLanguage: () => 'en-US',
    ...over,
  });
}

export interface BackgroundUnderTest {
  send: (name: string, data: unknown, sender?: Sender) => ReturnType<typeof route>;
  /** Whatever arrives over runtime messaging, envelope or not. */
  raw: (message: unknown, sender: Sender) => ReturnType<typeof route>;
  changes: string[];
}

/** The real router, sender rules and handlers on a test database, with a fixed clock. */
export function backgroundFor(
  db: RadarDb,
  now = new Date('2026-11-22T12:00:00.000Z'),
  over: Partial<HandlerDeps> = {},
): BackgroundUnderTest {
  const changes: string[] = [];
  const handlers = createHandlers<Sender>({
    db,
    now: () => now,
    checkRules: checkRulesSetting,
    changed: (what) => {
      changes.push(what);
    },
    pageTexts: builtPageTexts(),
    pageStyles: PAGE_STYLES,
    ...over,
  });
  const allowed = senderPolicy(RUNTIME_ID, ORIGIN);
  return {
    changes,
    send: (name, data, sender = SENDERS.popup) => route({ name, data }, handlers, sender, allowed),
    raw: (message, sender) => route(message, handlers, sender, allowed),
  };
}
