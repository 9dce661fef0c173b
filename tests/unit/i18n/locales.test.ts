import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/i18n/index.ts';
import { bundledSteps, stepTexts } from '../../../src/rules/index.ts';
import { WHY_KEYS } from '../../../src/timeline/index.ts';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const ROOT = resolve(import.meta.dirname, '../../..');
const LOCALES = join(ROOT, 'assets/locales');
const read = (lang: string): Catalog => JSON.parse(readFileSync(join(LOCALES, `${lang}.json`), 'utf8')) as Catalog;
const en = read('en');

/** `$NAME$` references in a message, lower-cased as Chrome matches them. */
const referenced = (message: string) =>
  [...message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => m[1]!.toLowerCase()).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('locale catalogs', () => {
  it('ships exactly the languages the picker offers', () => {
    const files = readdirSync(LOCALES)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...LANGUAGES].sort());
  });

  it('every placeholder an English message uses is defined', () => {
    for (const [key, entry] of Object.entries(en)) {
      const defined = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
      for (const name of referenced(entry.message)) expect(defined, `${key} uses $${name}$`).toContain(name);
      for (const { content } of Object.values(entry.placeholders ?? {})) expect(content, key).toMatch(/^\$\d$/);
    }
  });

  it('uses only key names Chrome accepts in messages.json', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    describe(lang, () => {
      const catalog = read(lang);

      it('has every English key and no other', () => {
        expect(
          Object.keys(catalog).filter((k) => !(k in en)),
          'keys English lacks',
        ).toEqual([]);
        expect(
          Object.keys(en).filter((k) => !(k in catalog)),
          'keys missing',
        ).toEqual([]);
      });

      it('keeps every placeholder of English, with the same numbering, and uses each', () => {
        for (const [key, entry] of Object.entries(catalog)) {
          const english = en[key];
          if (!english) continue;
          expect(entry.placeholders ?? {}, `${lang} ${key}`).toEqual(english.placeholders ?? {});
          expect([...new Set(referenced(entry.message))], `${lang} ${key}`).toEqual([
            ...new Set(referenced(english.message)),
          ]);
        }
      });

      it('is translated, not copied (most messages differ from English)', () => {
        const same = Object.keys(en).filter((k) => catalog[k]?.message === en[k]!.message);
        // Brand names and unit-only strings may match; a copied catalog would match almost everywhere.
        expect(same.length / Object.keys(en).length).toBeLessThan(0.1);
      });
    });
  }
});

describe('keys used in code', () => {
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'entrypoints'))];
  const calls = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const keys = [...text.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => ({ file, key: m[1]! }));
    const plurals = [...text.matchAll(/\bplural\(\s*'([^']+)'/g)].flatMap((m) =>
      ['one', 'few', 'many', 'other'].map((c) => ({ file, key: `${m[1]!}_${c}` })),
    );
    return [...keys, ...plurals];
  });

  it('finds the calls it checks', () => {
    expect(calls.length).toBeGreaterThan(50);
  });

  it('every t() and plural() key exists in en.json', () => {
    const missing = calls
      .filter(({ key }) => !(key in en))
      .map(({ file, key }) => `${key} (${file.slice(ROOT.length + 1)})`);
    expect(missing).toEqual([]);
  });

  it('the manifest keys exist', () => {
    const manifest = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) expect(en).toHaveProperty(key!);
  });
});

describe('keys from rules/steps.json and the timeline', () => {
  const steps = bundledSteps();
  if (!steps.ok) throw new Error('rules/steps.json does not load');
  const texts = stepTexts(steps.value);

  it('lists them (the checks below see something)', () => {
    expect(Object.keys(texts).length).toBeGreaterThan(30);
    expect(WHY_KEYS.length).toBeGreaterThan(10);
  });

  for (const lang of LANGUAGES) {
    it(`${lang} has every step, evidence, advice, pitfall and why key`, () => {
      const catalog = read(lang);
      const missing = [...Object.keys(texts), ...WHY_KEYS].filter((k) => !catalog[k]?.message);
      expect(missing).toEqual([]);
    });
  }

  it('English says what the rules say', () => {
    for (const [key, text] of Object.entries(texts)) expect(en[key]?.message, key).toBe(text);
  });
});
