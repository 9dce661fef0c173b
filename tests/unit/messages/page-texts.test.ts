/**
 * The page's texts as the background hands them to the content script (pageTexts), through the
 * real router, sender rules and handlers. Inputs: the page-texts files the build writes from the
 * real assets/locales (wxt.config.ts), and broken files written here by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import de from '../../../assets/locales/de.json';
import en from '../../../assets/locales/en.json';
import ptBR from '../../../assets/locales/pt-BR.json';
import type { Catalog } from '../../../src/i18n/core.ts';
import { PAGE_KEYS } from '../../../src/i18n/page-keys.ts';
import type { PageTexts } from '../../../src/i18n/page-texts.ts';
import { PAGE_STYLES, type PageStyles } from '../../../src/platform/page-styles.ts';
import { withEnglish } from '../../../src/i18n/subset.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { freshDb } from '../store/fixtures.ts';
import { backgroundFor, builtPageTexts, SENDERS } from './background-under-test.ts';

let db: RadarDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const dataOf = <T>(answer: unknown): T => {
  expect(answer).toMatchObject({ ok: true });
  return (answer as { data: T }).data;
};

async function textsFor(bg: ReturnType<typeof backgroundFor>, language?: string): Promise<PageTexts> {
  if (language) expect(dataOf(await bg.send('settingsSet', { language }))).toMatchObject({ saved: true });
  return dataOf<PageTexts>(await bg.send('pageTexts', {}, SENDERS.contentScript));
}

describe('pageTexts', () => {
  it('answers the language chosen in options, not the browser’s, with only the page’s keys', async () => {
    const bg = backgroundFor(db, undefined, { pageTexts: builtPageTexts({ uiLanguage: () => 'en-US' }) });
    const { locale, texts } = await textsFor(bg, 'de');
    expect(locale).toBe('de');
    expect(texts.helperStart).toEqual(de.helperStart);
    expect(texts.orderLabel).toEqual(de.orderLabel);
    expect(Object.keys(texts).sort()).toEqual([...PAGE_KEYS].sort());
    // Popup and options texts stay home: the answer is a few KB, not the 42 KB catalog.
    expect(texts).not.toHaveProperty('extDescription');
  });

  it("hands the helper's styles with its texts: the page's script carries none", async () => {
    const bg = backgroundFor(db, undefined, { pageTexts: builtPageTexts({ uiLanguage: () => 'en-US' }) });
    const answer = dataOf<PageTexts & { styles: PageStyles }>(await bg.send('pageTexts', {}, SENDERS.contentScript));
    // Vitest hands `?inline` stylesheets in as empty text; the e2e tests see them drawn (helper.e2e).
    expect(answer.styles).toEqual(PAGE_STYLES);
    expect(Object.keys(answer.styles).sort()).toEqual(['helper', 'start']);
  });

  it("follows the browser's language when the setting is 'auto', keeping its regional tag for dates", async () => {
    const bg = backgroundFor(db, undefined, { pageTexts: builtPageTexts({ uiLanguage: () => 'pt-PT' }) });
    const { locale, texts } = await textsFor(bg);
    expect(locale).toBe('pt-PT');
    expect(texts.helperStart).toEqual(ptBR.helperStart);
  });

  it('gives English for a language it has no texts of, with the tag kept for dates', async () => {
    const bg = backgroundFor(db, undefined, { pageTexts: builtPageTexts({ uiLanguage: () => 'ja-JP' }) });
    const { locale, texts } = await textsFor(bg);
    expect(locale).toBe('ja-JP');
    expect(texts.helperStart).toEqual(en.helperStart);
  });

  it("answers the browser's language when the settings cannot be read", async () => {
    const bg = backgroundFor(db, undefined, { pageTexts: builtPageTexts({ uiLanguage: () => 'de-DE' }) });
    // A settings table that fails every read, as a damaged database would.
    vi.spyOn(db.settings, 'get').mockRejectedValue(new Error('database broken'));
    const { locale, texts } = await textsFor(bg);
    expect(locale).toBe('de-DE');
    expect(texts.helperStart).toEqual(de.helperStart);
  });

  it('is refused to extension pages and other extensions; the page no longer reads the settings', async () => {
    const bg = backgroundFor(db);
    for (const sender of [SENDERS.popup, SENDERS.otherExtensionOnAliExpress, SENDERS.contentScriptElsewhere])
      expect(await bg.send('pageTexts', {}, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await bg.send('settingsGet', {}, SENDERS.contentScript)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('the page texts files', () => {
  it('fill a key the language lacks with English', () => {
    // A German catalog without its Start refund text, as a new key is before it is translated.
    const { helperStart: _, ...german } = de as Catalog;
    const built = withEnglish(german, en as Catalog, ['helperStart', 'helperTitle']);
    expect(built).toEqual({ helperStart: en.helperStart, helperTitle: de.helperTitle });
  });
});

describe('a broken page texts file', () => {
  const english = withEnglish(en as Catalog, en as Catalog, PAGE_KEYS);

  it('gives English, says so once in the console, and reads the file only once', async () => {
    const warn = vi.fn();
    const load = vi.fn(async (path: string) => {
      // German cut short, as a damaged package would have it; English intact.
      if (path === '/page-texts/de.json') return JSON.parse('{"helperStart": {"message": "Erstat');
      return english;
    });
    const bg = backgroundFor(db, undefined, { pageTexts: builtPageTexts({ load, warn }) });
    for (let i = 0; i < 2; i++) {
      const { locale, texts } = await textsFor(bg, 'de');
      expect(locale).toBe('en');
      expect(texts.helperStart).toEqual(en.helperStart);
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/page-texts\/de\.json could not be read, so pages show English/);
    expect(load.mock.calls.map(([path]) => path)).toEqual(['/page-texts/de.json', '/page-texts/en.json']);
  });

  it('refuses a file whose entries t() could not read, and a missing one', async () => {
    for (const broken of [{ helperStart: { message: 5 } }, { helperStart: { message: 'x', placeholders: [] } }, []]) {
      const warn = vi.fn();
      const bg = backgroundFor(freshDb(), undefined, {
        pageTexts: builtPageTexts({ load: async (path) => (path.endsWith('/pl.json') ? broken : english), warn }),
      });
      expect((await textsFor(bg, 'pl')).texts.helperStart).toEqual(en.helperStart);
      expect(warn).toHaveBeenCalledTimes(1);
    }
    const missing = builtPageTexts({
      load: (path) =>
        path.endsWith('/fr.json') ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(english),
      warn: () => undefined,
    });
    expect((await missing('fr')).texts.helperStart).toEqual(en.helperStart);
  });

  it('answers no texts rather than failing when English is broken too: the page shows the keys', async () => {
    const warn = vi.fn();
    const texts = builtPageTexts({ load: () => Promise.reject(new Error('gone')), warn });
    expect(await texts('es')).toEqual({ locale: 'en', texts: {} });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[1]![0])).toMatch(/en\.json could not be read, so pages show the texts' keys/);
  });
});
