/**
 * The content script asking the background for the rules it reads its page with (issue 17).
 * The background's side is the real one (page-service.ts over the bundled rules files); the
 * pages are written here by hand.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useBundledRules } from '../../../src/aliexpress/bundled-rules.ts';
import { NOT_HANDED_IN, SELECTORS, useSelectors } from '../../../src/aliexpress/dom/selectors.ts';
import { read } from '../../../src/aliexpress/read.ts';
import { loadPageRules } from '../../../src/platform/page-rules.ts';
import { rulesForLang } from '../../../src/aliexpress/page-service.ts';
import { allLocales, localeForLang, useLocaleFiles } from '../../../src/aliexpress/text/locale-rules.ts';

/** A context whose timers run at once, counting the waits. */
function quickContext() {
  const waits: number[] = [];
  return {
    waits,
    ctx: {
      isInvalid: false,
      setTimeout: (fn: () => void, ms?: number) => {
        waits.push(ms ?? 0);
        queueMicrotask(fn);
        return 0;
      },
    },
  };
}

function page(lang: string | null): Document {
  const doc = document.implementation.createHTMLDocument('');
  if (lang !== null) doc.documentElement.setAttribute('lang', lang);
  return doc;
}

afterEach(() => {
  vi.restoreAllMocks();
  // Every other test reads with everything (tests/unit/setup/readers.ts).
  useLocaleFiles({});
  useSelectors(NOT_HANDED_IN);
  useBundledRules();
});

describe('loadPageRules', () => {
  it("asks with the page's language and reads with what comes: that language and English", async () => {
    // The background's answer, worked out first: rulesForLang reads with every file itself.
    const answer = rulesForLang('pl-PL');
    useLocaleFiles({});
    useSelectors(NOT_HANDED_IN);
    const ask = vi.fn(() => Promise.resolve(answer));
    expect(await loadPageRules(quickContext().ctx, page('pl-PL'), ask)).toBe(true);
    expect(ask).toHaveBeenCalledWith({ lang: 'pl-PL' });
    expect([...allLocales().locales.keys()].sort()).toEqual(['en', 'pl']);
    expect(localeForLang('pl-PL')).toBe('pl');
    expect(localeForLang('de')).toBe(null);
    expect(SELECTORS.ok).toBe(true);
  });

  it('asks again while the background does not answer, then reads', async () => {
    const { ctx, waits } = quickContext();
    let calls = 0;
    const ok = await loadPageRules(ctx, page('en'), () => {
      calls += 1;
      if (calls < 3) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      return Promise.resolve(rulesForLang('en'));
    });
    expect(ok).toBe(true);
    expect(waits).toEqual([500, 1000]);
  });

  it('says clearly that the page was not read when the rules never come, and reads nothing', async () => {
    useLocaleFiles({});
    useSelectors(NOT_HANDED_IN);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ctx } = quickContext();
    const refused = Object.assign(new Error('lang: too long'), { code: 'invalid-request' });
    expect(await loadPageRules(ctx, page('en'), () => Promise.reject(refused))).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('this page was not read'), refused);
    // Nothing was handed in: a read without rules names the missing selectors instead of guessing.
    expect(SELECTORS.ok).toBe(false);
    const snapshot = read(page('en'), 'https://www.aliexpress.com/p/order/index.html', new Date());
    expect(snapshot.orders).toEqual([]);
    expect(snapshot.problems.map((p) => p.code)).toContain('layout-unrecognized');
  });
});
