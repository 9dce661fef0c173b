/**
 * Page reports (issue 16): made from EVERY fixture page (tests/fixtures/pages/<lang>/, rendered by
 * the stand-in site, and tests/fixtures/handwritten/, written by hand) the way the extension makes
 * them (skeleton of the parsed page, then redaction), they carry none of the page's store names,
 * item titles, prices, options and messages (collected from each fixture itself), and `inspect`
 * reads the report back to the same page kind and problems as the page.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { read } from '../../../src/aliexpress/index.ts';
import { savedFromUrl } from '../../../src/aliexpress/dom/index.ts';
import { BUNDLED_LOCALE_FILES } from '../../../src/aliexpress/bundled-rules.ts';
import { normText } from '../../../src/aliexpress/text/normalize.ts';
import type { PageSnapshot } from '../../../src/model/index.ts';
import { makeReport, type PageReport } from '../../../src/report/redact.ts';
import { skeletonOf, type RawNode } from '../../../src/report/skeleton.ts';
import { defaultUrlForHtml, inspectFile } from '../../../scripts/inspect.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const NOW = new Date('2026-11-20T12:00:00.000Z');
const PAGES = [
  ...readdirSync(join(FIXTURES, 'pages')).flatMap((lang) =>
    readdirSync(join(FIXTURES, 'pages', lang))
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(FIXTURES, 'pages', lang, f)),
  ),
  ...readdirSync(join(FIXTURES, 'handwritten'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(FIXTURES, 'handwritten', f)),
];
const TMP = mkdtempSync(join(tmpdir(), 'rr-report-'));

/** Every phrase of rules/locales: page chrome, never the shopper's. */
const LABELS = new Set<string>();
(function add(v: unknown): void {
  if (typeof v === 'string') LABELS.add(normText(v));
  else if (v && typeof v === 'object') Object.values(v).forEach(add);
})(BUNDLED_LOCALE_FILES);

/** The page as the content script sees it, and the report the extension would make of it. */
function reportOf(file: string): { live: PageSnapshot; report: PageReport; doc: Document } {
  const html = readFileSync(file, 'utf8');
  const url = savedFromUrl(html) ?? defaultUrlForHtml(file);
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const live = read(doc, url, NOW);
  const { page, cut } = skeletonOf(doc.documentElement);
  const report = makeReport({ ...live, page, cut, extension: '0.1.0', labels: BUNDLED_LOCALE_FILES });
  return { live, report, doc };
}

/** The shopper's data in a fixture: what the readers took as store names and titles, and what the page shows as such. */
function personalData(doc: Document, live: PageSnapshot): string[] {
  const found = new Set<string>();
  for (const o of live.orders) {
    if (o.storeName) found.add(o.storeName);
    for (const l of o.lines) if (l.title) found.add(l.title);
  }
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Store names, item titles and options, messages; prices, totals and payment details (those with a number).
  for (const el of doc.querySelectorAll(
    '[class*="store"], [class*="item-title"], [class*="product--title"], [class*="info-name"], [class*="sku"], [class*="msg"] p',
  ))
    found.add(text(el));
  for (const el of doc.querySelectorAll('[class*="price"], [class*="amount"], [class*="total"]'))
    if (/\d/.test(text(el))) found.add(text(el));
  for (const el of doc.querySelectorAll('[title], [alt]')) {
    found.add(el.getAttribute('title') ?? '');
    found.add(el.getAttribute('alt') ?? '');
  }
  // Prices anywhere in the page, and their numbers alone ("8.99", "1 234,56").
  const body = doc.body?.textContent ?? '';
  for (const m of body.matchAll(
    /(?:US ?\$|R\$|C\$|\$|€|£|₺|zł|руб\.?|₽)\s?\d[\d.,\u00a0 ]*\d|\d[\d.,\u00a0 ]*\d\s?(?:€|zł|руб\.?|₽|TL|\$)/g,
  )) {
    found.add(m[0].trim());
    const number = /\d[\d.,\u00a0 ]*\d/.exec(m[0])![0];
    if (/[.,]/.test(number)) found.add(number);
  }
  return [...found].filter(
    (s) =>
      s.length >= 4 &&
      /[\p{L}\p{N}]/u.test(s) &&
      !LABELS.has(normText(s)) &&
      !LABELS.has(normText(s).replace(/:$/, '')),
  );
}

/** Every string a report holds, joined: what a maintainer who receives it can read. */
function reportText(report: PageReport): string {
  const out: string[] = [report.url, JSON.stringify(report.problems)];
  const walk = (n: RawNode): void => {
    if (typeof n === 'string') return void out.push(n);
    const [, attrs, ...children] = n;
    out.push(...attrs);
    children.forEach(walk);
  };
  walk(report.page);
  return out.join('\u0000');
}

describe('a page report of each fixture page', () => {
  it('covers every fixture page (both folders)', () => {
    expect(PAGES.filter((p) => p.includes('/handwritten/')).length).toBeGreaterThanOrEqual(6);
    expect(PAGES.length).toBeGreaterThan(100);
  });

  it.each(PAGES.map((p) => [p.slice(FIXTURES.length + 1), p]))(
    '%s: no personal data, and inspect gives the page kind and problems',
    { timeout: 30_000 },
    (_name, file) => {
      const { live, report, doc } = reportOf(file);
      const personal = personalData(doc, live);
      const text = reportText(report);
      const leaked = personal.filter((s) => text.includes(s));
      expect(leaked).toEqual([]);
      // The readers' own ids never leave either: every id of the page is a stand-in.
      for (const o of live.orders) expect(text).not.toContain(o.orderId);

      const saved = join(TMP, `${_name.replace(/\W+/g, '-')}.report.json`);
      writeFileSync(saved, JSON.stringify(report));
      const fromReport = inspectFile(saved, { now: NOW });
      const fromPage = inspectFile(file, { now: NOW });
      expect(fromReport.report?.same).toBe(true);
      expect(fromReport.snapshot.kind).toBe(fromPage.snapshot.kind);
      // The same problems, once the page's are redacted as the report's are.
      expect(fromReport.snapshot.problems.map((p) => [p.code, p.detail === null])).toEqual(
        fromPage.snapshot.problems.map((p) => [p.code, p.detail === null]),
      );
      expect(fromReport.snapshot.problems).toEqual(report.problems);
    },
  );
});
