import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LOCALE_FILES } from '../../../../src/aliexpress/bundled-rules.ts';
import { allLocales, localeForLang } from '../../../../src/aliexpress/text/locale-rules.ts';
import { loadLocales, LocaleRulesSchema } from '../../../../src/aliexpress/text/locale-schema.ts';
import { foldMonth, normText } from '../../../../src/aliexpress/text/normalize.ts';
import { LABELS, LANGS } from '../../../site/labels.ts';

const DIR = resolve(import.meta.dirname, '../../../../rules/locales');
const files = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(resolve(DIR, f), 'utf8')) as unknown]),
);

/** Every path to a leaf ("orderStatus.to-pay"); arrays of phrases are leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('rules/locales', () => {
  it('has the ten languages, every file bundled and valid', () => {
    expect(Object.keys(files).sort()).toEqual([...LANGS].sort());
    expect(Object.keys(BUNDLED_LOCALE_FILES).sort()).toEqual([...LANGS].sort());
    expect(loadLocales(BUNDLED_LOCALE_FILES).invalid).toEqual([]);
    // What tools and tests read with (tests/unit/setup/readers.ts): every file, as checked.
    expect([...allLocales().locales.keys()].sort()).toEqual([...LANGS].sort());
  });

  it.each(Object.keys(files).filter((l) => l !== 'en'))('%s has every key en.json has', (lang) => {
    const missing = keyPaths(files.en).filter((path) => !keyPaths(files[lang]).includes(path));
    expect(missing).toEqual([]);
  });

  it('names the file and key when a locale misses one, and keeps the other languages', () => {
    const broken = structuredClone(files.es) as { orderStatus: Record<string, unknown> };
    delete broken.orderStatus.closed;
    const loaded = loadLocales({ en: files.en, es: broken });
    expect(loaded.invalid).toEqual([{ locale: 'es', message: expect.stringContaining('orderStatus.closed') }]);
    expect([...loaded.locales.keys()]).toEqual(['en']);
    expect(LocaleRulesSchema.safeParse({ ...(files.en as object), extra: [] }).success).toBe(false);
  });

  it.each(Object.keys(files))('%s never maps one phrase to two meanings', (lang) => {
    const file = files[lang] as Record<string, unknown>;
    for (const group of ['orderStatus', 'disputeStatus', 'parties', 'actions', 'detailDates']) {
      const seen = new Map<string, string>();
      for (const [meaning, phrases] of Object.entries(file[group] as Record<string, string[]>)) {
        for (const phrase of phrases) {
          const key = normText(phrase, lang);
          expect(seen.get(key) ?? meaning, `${lang} ${group} "${phrase}"`).toBe(meaning);
          seen.set(key, meaning);
        }
      }
    }
  });

  it('includes the real labels ALIEXPRESS.md lists', () => {
    const pt = allLocales().locales.get('pt-BR')!;
    expect(pt.orderStatus.get(normText('Concluído '))).toBe('completed');
    expect(pt.orderStatus.get(normText('Aguardando a entrega'))).toBe('shipped');
    expect(pt.orderStatus.get(normText('Disputa em andamento'))).toBe('in-dispute');
    const ru = allLocales().locales.get('ru')!;
    expect(ru.orderStatus.get(normText('Ожидание оплаты'))).toBe('to-pay');
    expect(ru.orderStatus.get(normText('Закрыт'))).toBe('closed');
    expect(ru.orderStatus.get(normText('Завершено'))).toBe('completed');
    expect(allLocales().locales.get('pl')!.actions.get(normText('Otwórz spór', 'pl'))).toBe('open-dispute');
    const en = allLocales().locales.get('en')!;
    for (const [text, status] of [
      ['Payment being verified', 'to-pay'],
      ['Awaiting confirmation', 'shipped'],
      ['Finished', 'completed'],
      ['Cancelled', 'closed'],
      ['Frozen', 'in-dispute'],
    ]) {
      expect(en.orderStatus.get(normText(text!))).toBe(status);
    }
    expect(en.disputeStatus.get(normText('Dispute Escalated – Processing'))).toBe('escalated');
    expect(en.disputeStatus.get(normText('Refund complete'))).toBe('refunded');
  });

  it.each(LANGS)('%s knows every label the stand-in site shows', (lang) => {
    const rules = allLocales().locales.get(lang)!;
    const t = LABELS[lang];
    const n = (s: string) => normText(s, lang);
    for (const [status, text] of Object.entries(t.status)) expect(rules.orderStatus.get(n(text))).toBe(status);
    for (const [status, text] of Object.entries(t.dispute)) expect(rules.disputeStatus.get(n(text))).toBe(status);
    for (const [action, text] of Object.entries(t.action)) expect(rules.actions.get(n(text))).toBe(action);
    expect(rules.escalate.has(n(t.escalate))).toBe(true);
  });

  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['pt_br', 'pt-BR'],
    ['ru-RU', 'ru'],
    ['TR', 'tr'],
    ['ko', null],
    ['', null],
    [null, null],
  ])('<html lang=%j> reads with %j', (lang, locale) => {
    expect(localeForLang(lang)).toBe(locale);
  });
});

/** What Intl (here, in Node) says about a language's dates: the source the files' tables were generated from. */
function intlDates(locale: string) {
  const months = new Map<string, number>();
  const formats: Intl.DateTimeFormatOptions[] = [
    { month: 'long' },
    { month: 'short' },
    { year: 'numeric', month: 'long', day: 'numeric' },
    { year: 'numeric', month: 'short', day: 'numeric' },
  ];
  for (let m = 0; m < 12; m++)
    for (const options of formats)
      for (const part of new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(
        Date.UTC(2001, m, 15),
      ))
        if (part.type === 'month') months.set(foldMonth(part.value.trim()), m);
  const order = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(Date.UTC(2001, 10, 23))
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type[0])
    .join('');
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  return { months, order, decimal };
}

describe('rules/locales dates and numbers', () => {
  it.each(LANGS)('%s has every month spelling, the date order and the decimal mark Intl gives', (lang) => {
    const rules = allLocales().locales.get(lang)!;
    const intl = intlDates(lang);
    const missing = [...intl.months].filter(([name, m]) => rules.months.get(name) !== m);
    expect(missing).toEqual([]);
    // No spelling of the file means another month to Intl.
    for (const [name, m] of rules.months) if (intl.months.has(name)) expect(intl.months.get(name)).toBe(m);
    expect(new Set(rules.months.values()).size).toBe(12);
    expect(rules.dateOrder).toBe(intl.order);
    expect(rules.decimalMark).toBe(intl.decimal);
  });

  it('names the file and key when a month list is short', () => {
    const broken = structuredClone(files.de) as { dates: { months: string[][] } };
    broken.dates.months.pop();
    const loaded = loadLocales({ de: broken });
    expect(loaded.invalid).toEqual([{ locale: 'de', message: expect.stringContaining('dates.months') }]);
  });
});
