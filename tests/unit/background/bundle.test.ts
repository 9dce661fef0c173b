import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALERT_KEYS, ALERT_TEXT } from '../../../src/alerts/text.ts';
import { LANGUAGES, registerCatalog, setLanguage, t, tKey, type Catalog } from '../../../src/i18n/core.ts';
import { notificationTranslator } from '../../../src/i18n/notifications.ts';
import { loadPolicyFile, PackId } from '../../../src/rules/policy.ts';
import { backgroundPolicy, notificationCatalogs, policyWithoutDocs } from '../../../wxt.config.ts';

/**
 * What the build gives the background instead of whole files: the plugins of wxt.config.ts run
 * here as Vite runs them, on the real assets/locales and rules/policy.json.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const IMPORTER = join(ROOT, 'src/i18n/notifications.ts');
const full = (lang: string): Catalog =>
  JSON.parse(readFileSync(join(ROOT, 'assets/locales', `${lang}.json`), 'utf8')) as Catalog;

/** The module the background gets for `import ... from '<lang>.json?notifications'`, evaluated. */
function built(lang: string): Catalog {
  const id = notificationCatalogs.resolveId(`../../assets/locales/${lang}.json?notifications`, IMPORTER);
  if (!id) throw new Error(`the plugin did not take ${lang}`);
  const code = notificationCatalogs.load(id);
  const json = /^export default \/\* #__PURE__ \*\/ JSON\.parse\((".*")\);$/.exec(code ?? '')?.[1];
  if (!json) throw new Error(`unexpected module for ${lang}: ${code}`);
  return JSON.parse(JSON.parse(json) as string) as Catalog;
}

afterEach(() => setLanguage('en'));

describe("the background's notification catalogs", () => {
  it('list keys every interface catalog words, for each kind of notification a title and a body', () => {
    // A key misspelt in ALERT_TEXT would reach the shopper as an empty notification.
    expect(Object.keys(ALERT_TEXT).length).toBeGreaterThan(3);
    for (const lang of LANGUAGES) {
      const catalog = full(lang);
      for (const { title, body } of Object.values(ALERT_TEXT)) {
        expect(catalog[title]?.message, `${lang} ${title}`).toBeTruthy();
        expect(catalog[body]?.message, `${lang} ${body}`).toBeTruthy();
      }
    }
  });

  it.each(LANGUAGES)('%s: hold exactly the notification keys, each as the whole catalog words it', (lang) => {
    const subset = built(lang);
    expect(Object.keys(subset).sort()).toEqual([...ALERT_KEYS].sort());
    const catalog = full(lang);
    for (const key of ALERT_KEYS) expect(subset[key], `${lang} ${key}`).toEqual(catalog[key]);
  });

  it('are a small part of the catalogs the extension pages load', () => {
    for (const lang of LANGUAGES) {
      expect(JSON.stringify(built(lang)).length).toBeLessThan(JSON.stringify(full(lang)).length / 10);
    }
  });

  it('word a notification as the whole catalog does, in the language asked for', () => {
    for (const lang of LANGUAGES) {
      registerCatalog(lang, built(lang));
      setLanguage(lang);
      const fromSubset = tKey('alertRefundDueBody', '8212379857492017', '30 Nov, 14:00');
      registerCatalog(lang, full(lang));
      setLanguage(lang);
      expect(fromSubset, lang).toBe(t('alertRefundDueBody', '8212379857492017', '30 Nov, 14:00'));
      expect(fromSubset, lang).toContain('8212379857492017');
    }
  });

  it('leave other imports of the catalogs to the extension pages', () => {
    expect(notificationCatalogs.resolveId('../../assets/locales/de.json', IMPORTER)).toBeNull();
    expect(notificationCatalogs.load(join(ROOT, 'assets/locales/de.json'))).toBeNull();
  });
});

describe('notificationTranslator', () => {
  it("picks the shipped language closest to the setting's tag and falls back to English", () => {
    const de = full('de');
    expect(notificationTranslator('de-AT')('alertProtectionEndsTitle')).toBe(de.alertProtectionEndsTitle!.message);
    expect(notificationTranslator('pt-PT')('alertReturnShipTitle')).toBe(full('pt-BR').alertReturnShipTitle!.message);
    expect(notificationTranslator('ja')('alertRefundDueTitle')).toBe(full('en').alertRefundDueTitle!.message);
  });
});

describe("the background's rules/policy.json", () => {
  const file = join(ROOT, 'rules/policy.json');
  const whole = JSON.parse(readFileSync(file, 'utf8')) as unknown;

  /** The plugin as WXT configures it for one build. */
  function loadIn(entry: string | false): string | null | undefined {
    const plugin = backgroundPolicy();
    plugin.configResolved({ build: { lib: entry === false ? false : { entry } } });
    return plugin.load(file);
  }

  it('is cut only in the background build', () => {
    expect(loadIn(false)).toBeNull();
    expect(loadIn('/work/entrypoints/popup/main.ts')).toBeNull();
    const background = loadIn(`virtual:wxt-background-entrypoint?${join(ROOT, 'entrypoints/background.ts')}`);
    expect(JSON.parse(background!)).toEqual(policyWithoutDocs(whole));
  });

  it('still passes the same validation and gives the same numbers, without the texts', () => {
    const cut = loadPolicyFile(policyWithoutDocs(whole));
    const kept = loadPolicyFile(whole);
    if (!cut.ok || !kept.ok) throw new Error(JSON.stringify([cut, kept]));
    const numbers = (f: typeof cut.value) =>
      PackId.options.map((pack) => Object.entries(f.packs[pack].rules).map(([id, r]) => [id, r.value, r.unit, r.from]));
    expect(numbers(cut.value)).toEqual(numbers(kept.value));
    // The other numbers sources give are for the options page's comparison only.
    for (const pack of PackId.options)
      for (const rule of Object.values(cut.value.packs[pack].rules)) expect(rule.alternatives).toEqual([]);
    expect(cut.value.defaultPack).toBe(kept.value.defaultPack);
    const text = JSON.stringify(policyWithoutDocs(whole));
    expect(text).not.toContain('GetHuman');
    expect(text).not.toContain('Older official pages');
    expect(text.length).toBeLessThan(JSON.stringify(whole).length / 2);
  });
});
