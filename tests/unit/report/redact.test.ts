/**
 * The redaction rules of page reports, on texts written here by hand in the shapes AliExpress
 * shows (labels, dates, countdowns, prices, ids) and the shapes a shopper's data takes (names,
 * addresses, phone numbers in several scripts).
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_LOCALE_FILES } from '../../../src/aliexpress/bundled-rules.ts';
import { makeReport, redactor } from '../../../src/report/redact.ts';
import { parseReport, reportHtml } from '../../../src/report/rebuild.ts';

const r = () => redactor({ maskIds: true, labels: BUNDLED_LOCALE_FILES });

describe('redacting a page text', () => {
  it('keeps known labels, statuses and buttons of every page language', () => {
    const x = r();
    for (const label of ['Awaiting delivery', 'Open dispute', 'Order ID:', 'Esperando tu respuesta', 'Номер заказа'])
      expect(x.text(label)).toBe(label);
  });

  it('keeps dates and countdowns, in words or numbers, also after an unknown label', () => {
    const x = r();
    expect(x.text('Oct 26, 2026 06:18:42')).toBe('Oct 26, 2026 06:18:42');
    expect(x.text('20 ноября 2026 г. 06:18:42')).toBe('20 ноября 2026 г. 06:18:42');
    expect(x.text('Дата заказа: 03.11.2026')).toBe('Жжжж жжжжжж: 03.11.2026');
    expect(x.text('Tiempo restante: 2 días 05:00:00')).toBe('Xxxxxx xxxxxxxx: 2 días 05:00:00');
  });

  it('leaves a price its shape and currency, never its number', () => {
    const x = r();
    expect(x.text('US $23.09')).toBe('US $00.00');
    expect(x.text('9,99 €')).toBe('0,00 €');
    expect(x.text('1 234,56 руб.')).toBe('0 000,00 руб.');
    expect(x.text('Visa ****4242')).toBe('Xxxx ****0000');
  });

  it('never keeps an amount that stands beside a date (a coupon promise)', () => {
    // Hand-written in the wording of the pt-BR and en coupon templates (rules/locales, lateCoupon).
    const x = r();
    const pt = x.text('Solicite um cupom de R$ 10,00 se atrasar após 10 de dez. de 2026');
    expect(pt).toContain('$ 00,00');
    expect(pt).not.toContain('10,00');
    expect(pt).toContain('10 de dez. de 2026');
    const en = x.text('Apply for US $5.99 coupon code if delayed by Aug 3, 2026');
    expect(en).toContain('$0.00');
    expect(en).toContain('Aug 3, 2026');
  });

  it('replaces names, addresses and titles by stand-ins of their length and script', () => {
    const x = r();
    expect(x.text('John Smith')).toBe('Xxxx Xxxxx');
    expect(x.text('Иван Петров, ул. Ленина 5, кв. 12')).toBe('Жжжж Жжжжжж, жж. Жжжжжж 0, жж. 00');
    expect(x.text('東京都 渋谷区')).toBe('字字字 字字字');
    expect(x.text('Smart Watch 1.96 inch AMOLED')).toBe('Xxxxx Xxxxx 0.00 xxxx XXXXXX');
  });

  it('gives each id one stand-in of its length, also when printed in groups', () => {
    const x = r();
    const a = x.text('8100012345678901');
    expect(a).toMatch(/^1\d{15}$/);
    expect(a).not.toBe('8100012345678901');
    expect(x.text('Número de pedido: 8100 0123 4567 8901')).toBe(
      `Número de pedido: ${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8, 12)} ${a.slice(12)}`,
    );
    expect(x.url('https://www.aliexpress.com/p/order/detail.html?orderId=8100012345678901&q=John#x')).toBe(
      `https://www.aliexpress.com/p/order/detail.html?orderId=${a}&q=Xxxx`,
    );
    expect(x.text('+7 912 3456789')).not.toContain('3456789');
  });

  it('changes nothing when a redacted text is redacted again (ids not masked again)', () => {
    const x = r();
    const once = ['US $23.09', 'John Smith', 'Дата заказа: 03.11.2026', 'Order ID: 8100012345678901'].map(x.text);
    const again = redactor({ maskIds: false, labels: BUNDLED_LOCALE_FILES });
    expect(once.map(again.text)).toEqual(once);
  });

  it('keeps attribute values the readers select by, redacts the rest', () => {
    const x = r();
    expect(x.attribute('class', 'order-item-store-name')).toBe('order-item-store-name');
    expect(x.attribute('data-pl', 'order_item_store_name')).toBe('order_item_store_name');
    expect(x.attribute('title', 'Magnetic Building Blocks 64 Pieces')).toBe('Xxxxxxxx Xxxxxxxx Xxxxxx 00 Xxxxxx');
    expect(x.attribute('alt', 'Anker Official Store')).toBe('Xxxxx Xxxxxxxx Xxxxx');
  });
});

describe('reading a report back', () => {
  const report = makeReport({
    page: ['html', ['lang', 'en'], ['body', [], ['p', ['title', 'a "quoted" <b>'], 'a < b & c']]],
    cut: false,
    url: 'https://www.aliexpress.com/p/order/index.html',
    kind: 'order-list',
    locale: 'en',
    problems: [],
    extension: '0.1.0',
    labels: BUNDLED_LOCALE_FILES,
  });

  it('accepts a whole report and escapes every text and value in its HTML', () => {
    const parsed = parseReport(JSON.parse(JSON.stringify(report)));
    expect(parsed.ok).toBe(true);
    expect(reportHtml(report.page)).toBe(
      '<!DOCTYPE html><html lang="en"><body><p title="x &quot;xxxxxx&quot; &lt;x&gt;">x &lt; x &amp; x</p></body></html>',
    );
  });

  it('refuses what is not a report, and a broken one, each with one line', () => {
    const cases: unknown[] = [
      { data: { orders: [] } },
      [],
      { ...report, version: 9 },
      { ...report, kind: 'shop' },
      { ...report, problems: [{ code: 'nope' }] },
      { ...report, page: ['html', [], ['scr ipt', []]] },
      { ...report, page: ['html', ['onload'], 'x'] },
      { ...report, page: ['html', [], 5] },
    ];
    for (const c of cases) {
      const parsed = parseReport(c);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).not.toContain('\n');
    }
  });
});
