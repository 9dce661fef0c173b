/**
 * The content script's texts come from the background's answer (pageTexts), in the language
 * chosen in options, never from browser.i18n. Inputs: the page texts files the build writes from
 * the real assets/locales (wxt.config.ts) and the stand-in My orders cards of ./page.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import de from '../../../assets/locales/de.json';
import ru from '../../../assets/locales/ru.json';
import { getLocale, t } from '../../../src/i18n/core.ts';
import { useTexts } from '../../../src/inject/index.ts';
import { PAGE_STYLES } from '../../../src/platform/page-styles.ts';
import { builtPageTexts } from '../messages/background-under-test.ts';
import {
  attachWatched,
  everyRowNear,
  fakeContext,
  fakeDeps,
  hosts,
  inShadow,
  LIST_URL,
  listPage,
  settle,
} from './page.ts';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('the page texts', () => {
  it('draw Start refund in the language chosen in options, with its placeholders filled, without browser.i18n', async () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    const getUILanguage = vi.spyOn(fakeBrowser.i18n, 'getUILanguage');
    // The background's answer for a shopper who chose German on an English browser.
    const german = await builtPageTexts({ uiLanguage: () => 'en-US' })('de');
    listPage('8212379857492017');
    stop = attachWatched(fakeContext(), {
      near: everyRowNear(),
      deps: { ...fakeDeps(), texts: async () => ({ ...german, styles: PAGE_STYLES }) },
      useTexts,
      href: () => LIST_URL,
    });
    await settle();
    const button = inShadow(hosts('start')[0], 'button')!;
    expect(button.textContent).toBe(de.helperStart.message);
    expect(button.getAttribute('aria-label')).toBe(
      `${de.ourControl.message.replace('$LABEL$', de.helperStart.message)} – ${de.orderLabel.message.replace('$ID$', '8212379857492017')}`,
    );
    expect(getLocale()).toBe('de');
    expect(getMessage).not.toHaveBeenCalled();
    expect(getUILanguage).not.toHaveBeenCalled();
  });

  it('give one full stop where an abbreviated date ends a sentence, as t() did with the whole catalog', async () => {
    useTexts(await builtPageTexts({ uiLanguage: () => 'ru-RU' })('auto'));
    expect(ru.helperOpensFrom.message).toMatch(/\$DATE\$\.$/);
    expect(t('helperOpensFrom', '25 дек.')).toBe('Спор можно будет открыть с 25 дек.');
    expect(t('helperOpensFrom', '25 декабря')).toBe('Спор можно будет открыть с 25 декабря.');
  });

  it('missing, the buttons are drawn all the same and the console says why once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    listPage('8212379857492017', '8212379857492018');
    stop = attachWatched(fakeContext(), {
      near: everyRowNear(),
      deps: { ...fakeDeps(), texts: () => Promise.reject(new Error('the background is gone')) },
      useTexts,
      href: () => LIST_URL,
    });
    await settle();
    expect(hosts('start')).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/texts of this page did not come/);
  });
});
