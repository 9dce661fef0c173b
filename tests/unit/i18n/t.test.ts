import { afterEach, describe, expect, it } from 'vitest';
import { setClock, setTimeZone, formatDateTime, formatDuration, languageName } from '../../../src/i18n/format.ts';
import { getLocale, loadLanguage, matchLanguage, plural, setLanguage, t, tKey } from '../../../src/i18n/index.ts';

afterEach(() => setLanguage('en'));

describe('t()', () => {
  it('gives one full stop, not two, in every catalog sentence that ends with a date', async () => {
    await loadLanguage('ru');
    expect(t('helperOpensFrom', '25 дек.')).toBe('Спор можно будет открыть с 25 дек.');
    expect(t('helperProtectionUntil', '14 дек. 2026 г.')).toBe('Защита покупателя действует до 14 дек. 2026 г.');
    // A full stop inside the sentence stays: only the one ending it is shared.
    await loadLanguage('de');
    expect(t('helperProtectionUntil', '14. Dez.')).toBe('Der Käuferschutz läuft bis 14. Dez.');
    expect(t('deadlineSellerResponse', '2 Tage', '30. Nov.')).toContain('(bis 30. Nov.)');
  });
  it('gives what replacing each placeholder in turn gives, for every message of every catalog (values with and without full stops)', async () => {
    // The way t() filled messages before it cut them once per entry: kept here as the reference.
    const reference = (
      entry: { message: string; placeholders?: Record<string, { content: string }> },
      subs: string[],
    ) => {
      let text = entry.message;
      for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
        const value = content.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
        text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), (match, at: number, whole: string) =>
          value.endsWith('.') && whole[at + match.length] === '.' ? value.slice(0, -1) : value,
        );
      }
      return text;
    };
    let compared = 0;
    for (const lang of ['en', 'es', 'fr', 'de', 'pt-BR', 'ru', 'pl'] as const) {
      await loadLanguage(lang);
      const catalog = (await import(`../../../assets/locales/${lang}.json`)).default as Record<
        string,
        { message: string; placeholders?: Record<string, { content: string }> }
      >;
      for (const [key, entry] of Object.entries(catalog)) {
        for (const subs of [
          ['12 Dec.', '3 $1 days', 'x'],
          ['A', 'B.', 'C.'],
        ]) {
          expect(tKey(key, ...subs), `${lang} ${key}`).toBe(reference(entry, subs));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('fills placeholders in the order of their $n content', () => {
    expect(t('deadlineSellerResponse', '3 days 4 h', '30 Nov, 14:00')).toBe(
      'Seller must respond within 3 days 4 h (by 30 Nov, 14:00)',
    );
  });

  it('does not treat $ in a value as a replacement pattern', () => {
    expect(t('popupError', 'cost $1 and $& more')).toBe('Could not load your orders: cost $1 and $& more');
  });

  it('switches language, keeps the regional tag for dates, and falls back to English for unknown languages', async () => {
    expect(await loadLanguage('pt-BR')).toBe('pt-BR');
    expect(t('helperStart')).toBe('Iniciar reembolso');
    expect(await loadLanguage('de-AT')).toBe('de');
    expect(getLocale()).toBe('de-AT');
    expect(await loadLanguage('ja')).toBe('en');
    expect(t('helperStart')).toBe('Start refund');
  });

  it('matches browser tags to the shipped languages', () => {
    expect(matchLanguage('pt_BR')).toBe('pt-BR');
    expect(matchLanguage('pt-PT')).toBe('pt-BR');
    expect(matchLanguage('es-419')).toBe('es');
    expect(matchLanguage('zh-CN')).toBe('en');
    expect(matchLanguage(undefined)).toBe('en');
  });

  it('shows an unknown run-time key as the key, not a crash', () => {
    expect(tKey('noSuchKey')).toBe('noSuchKey');
  });
});

describe('plurals', () => {
  it('uses the language’s plural rules (Russian and Polish have 3 forms)', async () => {
    await loadLanguage('ru');
    expect([1, 2, 5, 21].map((n) => plural('durationDays', n))).toEqual(['1 день', '2 дня', '5 дней', '21 день']);
    await loadLanguage('pl');
    expect([1, 2, 5, 22].map((n) => plural('durationDays', n))).toEqual(['1 dzień', '2 dni', '5 dni', '22 dni']);
    setLanguage('en');
    expect([1, 2].map((n) => plural('durationDays', n))).toEqual(['1 day', '2 days']);
  });

  it('formats durations and dates in the interface language', async () => {
    setTimeZone('UTC');
    // The year shows only for dates outside the current one: these tests' dates are all of 2026.
    setClock(() => new Date('2026-11-26T12:00:00.000Z'));
    await loadLanguage('fr');
    expect(formatDuration({ days: 3, hours: 4 })).toBe('3 jours 4 h');
    expect(formatDuration({ days: 0, hours: 0 })).toBe("moins d'1 h");
    expect(formatDateTime('2026-11-30T14:00:00.000Z')).toBe('30 nov., 14:00');
    expect(languageName('pl')).toBe('polski');
  });
});
