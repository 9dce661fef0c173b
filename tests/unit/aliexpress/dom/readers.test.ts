import { describe, expect, it } from 'vitest';
import { Dispute, Order, Problem, type OrderAction } from '../../../../src/model/index.ts';
import { pageLocale, readDom } from '../../../../src/aliexpress/dom/index.ts';
import { FIXTURE_CLOCK, type SiteOrder } from '../../../site/data.ts';
import { LANG_INFO } from '../../../site/format.ts';
import { LABELS, LANGS, type Lang } from '../../../site/labels.ts';
import { orderTotalLocalCents } from '../../../site/render.ts';
import { ALL_PAGES, loadFixture } from './fixtures.ts';

const readAt = FIXTURE_CLOCK;

function read(lang: Lang, name: string) {
  const page = ALL_PAGES.find((p) => p.lang === lang && p.name === name);
  if (!page) throw new Error(`no fixture ${lang}/${name}`);
  const f = loadFixture(page);
  const url = new URL(f.url);
  const { locale } = pageLocale(f.doc, url);
  const result = readDom(f.doc, { url, readAt, locale, kind: f.kind });
  for (const o of result.orders) Order.parse(o);
  for (const d of result.disputes) Dispute.parse(d);
  for (const p of result.problems) Problem.parse(p);
  return { ...result, locale, page: f };
}

// A date the page shows without a time is read as that calendar date, "2026-11-03".
const day = (d: Date) => d.toISOString().slice(0, 10);
const after = (ms: number | null) => (ms === null ? null : new Date(readAt.getTime() + ms).toISOString());
const total = (lang: Lang, o: SiteOrder) => ({
  amount: orderTotalLocalCents(lang, o) / 100,
  currency: LANG_INFO[lang].currency,
});

/** What the detail page offers: order-level buttons, then each line's refund or dispute link. */
function detailActions(o: SiteOrder): OrderAction[] {
  const out: OrderAction[] = o.actions.filter((a) => a !== 'returns-refunds' && a !== 'view-dispute');
  for (const line of o.lines) {
    if (o.dispute?.lineId === line.lineId) out.push('view-dispute');
    else if (['shipped', 'completed', 'in-dispute'].includes(o.status)) out.push('returns-refunds');
  }
  return [...new Set(out)].sort();
}

describe.each(LANGS)('DOM readers on the %s fixtures', (lang) => {
  const t = LABELS[lang];

  it('tell the page language from <html lang>', () => {
    expect(read(lang, 'order-list').locale).toBe(lang);
  });

  it('read every order card of My orders, field by field', () => {
    const { orders, disputes, problems, page } = read(lang, 'order-list');
    expect(problems).toEqual([]);
    expect(orders.map((o) => o.orderId)).toEqual(page.orders.map((o) => o.orderId));
    orders.forEach((order, i) => {
      const o = page.orders[i]!;
      expect(order).toEqual({
        orderId: o.orderId,
        status: o.status,
        statusText: t.status[o.status].trim(),
        placedAt: day(o.placedAt),
        storeName: o.store.name,
        total: total(lang, o),
        lines: o.lines.map((l) => ({ lineId: null, title: l.title, quantity: l.quantity })),
        actions: o.actions,
        dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
      });
    });
    const disputed = page.orders.filter((o) => o.dispute);
    expect(disputes).toEqual(
      disputed.map((o) => ({
        orderId: o.orderId,
        lineId: null,
        disputeId: null,
        status: o.dispute!.status,
        statusText: t.dispute[o.dispute!.status],
        awaiting: null,
        deadline: null,
        canEscalate: null,
        openedAt: null,
        reason: null,
        solution: null,
      })),
    );
  });

  it.each(['order-detail', 'order-detail--completed', 'order-detail--dispute', 'order-detail--to-pay'])(
    'read the order detail page %s',
    (name) => {
      const { orders, disputes, problems, page } = read(lang, name);
      const o = page.orders[0]!;
      expect(problems).toEqual([]);
      expect(disputes).toEqual([]);
      expect(orders).toHaveLength(1);
      const order = orders[0]!;
      expect({ ...order, actions: [...order.actions].sort() }).toEqual({
        orderId: o.orderId,
        status: o.status,
        statusText: t.status[o.status].trim(),
        placedAt: o.placedAt.toISOString(),
        storeName: o.store.name,
        total: total(lang, o),
        lines: o.lines.map((l) => ({
          lineId: ['shipped', 'completed', 'in-dispute'].includes(o.status) ? l.lineId : null,
          title: l.title,
          quantity: l.quantity,
        })),
        actions: detailActions(o),
        dates: {
          shippedAt: o.shippedAt?.toISOString() ?? null,
          completedAt: o.completedAt?.toISOString() ?? null,
          protectionEndsAt: o.status === 'shipped' ? after(o.reminderCountdownMs) : null,
          deliveryGuaranteeAt: null,
        },
      });
    },
  );

  it.each(['dispute-detail', 'dispute-detail--seller', 'dispute-detail--escalated', 'dispute-detail--refunded'])(
    'read the dispute page %s: status, who acts, deadline, escalation',
    (name) => {
      const { orders, disputes, problems, page } = read(lang, name);
      const o = page.orders[0]!;
      const d = o.dispute!;
      expect(problems).toEqual([]);
      expect(orders).toEqual([]);
      expect(disputes).toEqual([
        {
          orderId: o.orderId,
          lineId: d.lineId,
          disputeId: d.disputeId,
          status: d.status,
          statusText: t.dispute[d.status],
          awaiting: d.awaiting,
          deadline: after(d.countdownMs),
          canEscalate: d.canEscalate,
          openedAt: null,
          reason: t.reasons[d.reason],
          solution: t.solutions[d.solution],
          // The stand-in's URL names the line and the case; the order only through its link.
          via: { orderId: 'link', lineId: 'url', disputeId: 'url' },
        },
      ]);
    },
  );

  it('read every refund on the refund/dispute list', () => {
    const { disputes, problems, page } = read(lang, 'dispute-list');
    expect(problems).toEqual([]);
    expect(disputes).toEqual(
      page.orders.map((o) => ({
        orderId: o.orderId,
        lineId: o.dispute!.lineId,
        disputeId: o.dispute!.disputeId,
        status: o.dispute!.status,
        statusText: t.dispute[o.dispute!.status],
        awaiting: null,
        deadline: null,
        canEscalate: null,
        openedAt: null,
        reason: null,
        solution: null,
      })),
    );
  });

  it('read the delivery-guarantee date on the tracking page', () => {
    const { orders, problems, page } = read(lang, 'tracking');
    const o = page.orders[0]!;
    expect(problems).toEqual([]);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.orderId).toBe(o.orderId);
    expect(orders[0]!.status).toBe('unknown');
    expect(orders[0]!.statusText).toBeNull();
    expect(orders[0]!.dates.deliveryGuaranteeAt).toBe(day(o.deliveryGuaranteeAt!));
  });

  it('find nothing to read on the refund start page, and no problem either', () => {
    const { orders, disputes, problems } = read(lang, 'refund-start');
    expect({ orders, disputes, problems }).toEqual({ orders: [], disputes: [], problems: [] });
  });
});

describe('DOM readers, spot checks written out by hand', () => {
  it('English My orders: first card', () => {
    const first = read('en', 'order-list').orders[0]!;
    expect(first.orderId).toBe('8100000000000000');
    expect(first.status).toBe('shipped');
    expect(first.statusText).toBe('Awaiting delivery');
    expect(first.placedAt).toBe('2026-11-03');
    expect(first.total).toEqual({ amount: 9.98, currency: 'USD' });
    expect(first.lines).toEqual([{ lineId: null, title: 'USB C Cable 100W PD Fast Charging Cord 2m', quantity: 2 }]);
    expect(first.actions).toEqual(['track', 'confirm-received', 'returns-refunds']);
  });

  it('pt-BR keeps "Concluído " trimmed and reads R$ with a decimal comma', () => {
    const orders = read('pt-BR', 'order-list').orders;
    const completed = orders.find((o) => o.orderId === '8100003703703673')!;
    expect(completed.status).toBe('completed');
    expect(completed.statusText).toBe('Concluído');
    expect(orders[0]!.total).toEqual({ amount: 50.9, currency: 'BRL' });
  });

  it('Russian: a laptop in roubles with space grouping, numeric dates', () => {
    const laptop = read('ru', 'order-list').orders[7]!;
    expect(laptop.total).toEqual({ amount: 113579.52, currency: 'RUB' });
    expect(laptop.placedAt).toBe('2026-08-22');
  });

  it('German dispute: the countdown "2 Tage 05:03:09" becomes a deadline, Escalate is offered', () => {
    const [d] = read('de', 'dispute-detail').disputes;
    expect(d!.deadline).toBe('2026-11-22T17:03:09.000Z');
    expect(d!.awaiting).toBe('buyer');
    expect(d!.canEscalate).toBe(true);
    expect(d!.status).toBe('awaiting-buyer');
  });

  it('Turkish detail: buyer protection from "gün" countdown', () => {
    const order = read('tr', 'order-detail').orders[0]!;
    expect(order.dates.protectionEndsAt).toBe('2026-12-25T19:05:40.000Z');
    expect(order.total?.currency).toBe('TRY');
  });
});
