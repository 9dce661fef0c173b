import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alarmName, eventKey, sameEvent } from '../../../src/alerts/events.ts';
import { MAX_ALARMS, planAlerts, type PlanItem } from '../../../src/alerts/plan.ts';
import type { Deadline, DeadlineKind, NextAction } from '../../../src/model/index.ts';

const ORDER = '8212379857492017';
const LINE = '8212379857502017';
const DAY = 86_400_000;
const T0 = Date.parse('2026-12-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function item(opts: {
  /** An instant in ms, or a calendar date as the readers keep a date shown without a time. */
  deadlines: Array<[DeadlineKind, number | string]>;
  disputeStatus?: PlanItem['dispute'] extends infer D ? (D extends { status: infer S } ? S : never) : never;
  orderStatus?: PlanItem['order']['status'];
  action?: NextAction;
  orderId?: string;
}): PlanItem {
  const deadlines: Deadline[] = opts.deadlines.map(([kind, at]) => ({
    kind,
    at: typeof at === 'string' ? at : iso(at),
    source: 'rule',
    rule: null,
  }));
  return {
    order: { orderId: opts.orderId ?? ORDER, status: opts.orderStatus ?? 'in-dispute' },
    dispute: opts.disputeStatus ? { orderId: opts.orderId ?? ORDER, lineId: LINE, status: opts.disputeStatus } : null,
    timeline: {
      phase: 'negotiating',
      deadlines,
      nextStep: { action: opts.action ?? 'wait', why: 'whyWait', url: null },
      urgency: 0,
    },
    url: `https://www.aliexpress.com/p/order/detail.html?orderId=${opts.orderId ?? ORDER}`,
  };
}

const plan = (items: PlanItem[], now: number, sent: Array<{ key: string; at: string }> = [], leadDays = [3, 1]) =>
  planAlerts({ items, leadDays, now: new Date(now), sent });

describe('planning alerts', () => {
  const negotiating = item({
    disputeStatus: 'awaiting-buyer',
    deadlines: [
      ['escalation-opens', T0],
      ['escalation-closes', T0 + 10 * DAY],
    ],
  });

  it('sets one alarm, named after the event and its time, for escalation opening', () => {
    const p = plan([negotiating], T0 - 2 * DAY);
    expect(p.alarms).toEqual([{ name: `rr:escalation-open:${ORDER}:${LINE}@${iso(T0)}`, when: T0 }]);
    expect(p.due).toEqual([]);
  });

  it('plans the same alarms when planned again', () => {
    expect(plan([negotiating], T0 - 2 * DAY)).toEqual(plan([negotiating], T0 - 2 * DAY));
    expect(plan([negotiating], T0 - 2 * DAY).alarms).toEqual(plan([negotiating], T0 - DAY).alarms);
  });

  it('makes it due at its moment with the escalation text, and never again once sent', () => {
    const p = plan([negotiating], T0 + 1000);
    expect(p.alarms).toEqual([]);
    expect(p.due).toHaveLength(1);
    expect(p.due[0]).toMatchObject({
      kind: 'escalation-open',
      text: { title: 'alertEscalationOpenTitle', body: 'alertEscalationOpenBody', orderId: ORDER, date: iso(T0) },
      url: negotiating.url,
    });
    const sent = [{ key: p.due[0]!.key, at: p.due[0]!.at }];
    expect(plan([negotiating], T0 + 2000, sent).due).toEqual([]);
  });

  it('treats a re-estimate within a day as the same event, and one days later as a new one', () => {
    const sent = [
      { key: eventKey({ kind: 'escalation-open', orderId: ORDER, lineId: LINE, leadDays: null }), at: iso(T0) },
    ];
    const moved = (by: number) => item({ disputeStatus: 'awaiting-buyer', deadlines: [['escalation-opens', T0 + by]] });
    expect(plan([moved(3 * 3_600_000)], T0 + 4 * 3_600_000, sent).due).toEqual([]);
    expect(plan([moved(3 * 3_600_000)], T0, sent).alarms).toEqual([]);
    expect(plan([moved(5 * DAY)], T0 + 5 * DAY, sent).due).toHaveLength(1);
  });

  it('stops announcing escalation once its window closed, or once AliExpress took over', () => {
    expect(plan([negotiating], T0 + 11 * DAY).due).toEqual([]);
    const escalated = item({ disputeStatus: 'escalated', deadlines: [['escalation-opens', T0]] });
    expect(plan([escalated], T0 + 1000)).toMatchObject({ due: [], alarms: [] });
  });

  it('says the automatic refund is due when the seller’s time runs out, only while the seller owes an answer', () => {
    const waiting = item({ disputeStatus: 'awaiting-seller', deadlines: [['seller-response', T0]] });
    expect(plan([waiting], T0 - DAY).alarms.map((a) => a.name)).toEqual([`rr:refund-due:${ORDER}:${LINE}@${iso(T0)}`]);
    expect(plan([waiting], T0 + DAY).due.map((d) => d.kind)).toEqual(['refund-due']);
    const answered = item({ disputeStatus: 'awaiting-buyer', deadlines: [['seller-response', T0]] });
    expect(plan([answered], T0 + DAY)).toMatchObject({ due: [], alarms: [] });
  });

  it('reminds of protection ending at each lead time, the shorter one taking over', () => {
    const shipped = item({ orderStatus: 'shipped', deadlines: [['protection-ends', T0]] });
    const early = plan([shipped], T0 - 10 * DAY);
    expect(early.alarms).toEqual([
      { name: `rr:protection-ends:${ORDER}:-:3d@${iso(T0)}`, when: T0 - 3 * DAY },
      { name: `rr:protection-ends:${ORDER}:-:1d@${iso(T0)}`, when: T0 - DAY },
    ]);
    expect(plan([shipped], T0 - 2 * DAY).due.map((d) => d.leadDays)).toEqual([3]);
    expect(plan([shipped], T0 - 12 * 3_600_000).due.map((d) => d.leadDays)).toEqual([1]);
    expect(plan([shipped], T0 + 1000).due).toEqual([]);
    expect(plan([shipped], T0 - 10 * DAY, [], [7]).alarms.map((a) => a.when)).toEqual([T0 - 7 * DAY]);
  });

  it('does not remind of protection for a received order', () => {
    const done = item({ orderStatus: 'completed', deadlines: [['protection-ends', T0]] });
    expect(plan([done], T0 - 10 * DAY)).toMatchObject({ alarms: [], due: [] });
  });

  it('reminds to ship an agreed return, only while the return is awaited', () => {
    const returning = item({ disputeStatus: 'awaiting-return', deadlines: [['return-ship-by', T0]] });
    expect(plan([returning], T0 - 2 * DAY).due.map((d) => [d.kind, d.leadDays])).toEqual([['return-ship-by', 3]]);
    const refunded = item({ disputeStatus: 'refunded', deadlines: [['return-ship-by', T0]] });
    expect(plan([refunded], T0 - 2 * DAY).due).toEqual([]);
  });

  it('sets only the soonest alarms, within what Chrome allows', () => {
    const MIN = 60_000;
    const many = Array.from({ length: 600 }, (_, i) =>
      item({
        orderId: String(1_000_000_000 + i),
        orderStatus: 'shipped',
        // A minute past the hour: instants, not calendar dates (those are due at the day's end).
        deadlines: [['protection-ends', T0 + MIN + i * 3_600_000]],
      }),
    );
    const p = plan(many, T0 - 10 * DAY);
    expect(p.alarms).toHaveLength(MAX_ALARMS);
    expect(MAX_ALARMS).toBeLessThan(500);
    expect(p.alarms[0]).toEqual({
      name: `rr:protection-ends:1000000000:-:3d@${iso(T0 + MIN)}`,
      when: T0 + MIN - 3 * DAY,
    });
    const every = many
      .flatMap((_, i) => [T0 + MIN + i * 3_600_000 - 3 * DAY, T0 + MIN + i * 3_600_000 - DAY])
      .sort((a, b) => a - b);
    expect(p.alarms.map((a) => a.when)).toEqual(every.slice(0, MAX_ALARMS));
  });

  it('counts the orders that need the shopper now on the badge', () => {
    const items = [
      item({ orderId: '1000000001', disputeStatus: 'awaiting-buyer', deadlines: [], action: 'respond' }),
      item({ orderId: '1000000001', disputeStatus: 'awaiting-buyer', deadlines: [], action: 'escalate' }),
      item({ orderId: '1000000002', disputeStatus: 'awaiting-return', deadlines: [], action: 'ship-return' }),
      item({ orderId: '1000000003', deadlines: [], action: 'wait' }),
      item({ orderId: '1000000004', deadlines: [], action: 'none' }),
    ];
    expect(plan(items, T0).badge).toBe(2);
  });

  it('names alarms so an event and its time can be told apart', () => {
    const id = { kind: 'protection-ends' as const, orderId: ORDER, lineId: null, leadDays: 3 };
    expect(alarmName(id, iso(T0))).not.toBe(alarmName(id, iso(T0 + DAY)));
    expect(alarmName(id, iso(T0))).not.toBe(alarmName({ ...id, leadDays: 1 }, iso(T0)));
    expect(sameEvent({ key: 'a', at: iso(T0) }, { key: 'a', at: iso(T0 + DAY - 1) })).toBe(true);
    expect(sameEvent({ key: 'a', at: iso(T0) }, { key: 'a', at: iso(T0 + DAY) })).toBe(false);
  });

  it('for any items and moment: alarms are future, unique and sorted; due is past and never in the alarms', () => {
    const kinds: DeadlineKind[] = [
      'seller-response',
      'escalation-opens',
      'escalation-closes',
      'protection-ends',
      'return-ship-by',
    ];
    const statuses = ['awaiting-seller', 'awaiting-buyer', 'escalated', 'awaiting-return', 'refunded', null] as const;
    const arbItem = fc
      .record({
        orderId: fc.constantFrom('1000000001', '1000000002', '1000000003'),
        status: fc.constantFrom(...statuses),
        deadlines: fc.array(fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: -30, max: 30 })), { maxLength: 5 }),
      })
      .map((r) =>
        item({
          orderId: r.orderId,
          orderStatus: 'shipped',
          disputeStatus: r.status ?? undefined,
          deadlines: r.deadlines.map(([k, d]) => [k, T0 + d * DAY]),
        }),
      );
    fc.assert(
      fc.property(
        fc.array(arbItem, { maxLength: 6 }),
        fc.integer({ min: -40, max: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }),
        (items, dayOffset, leads) => {
          const now = T0 + dayOffset * DAY;
          const p = plan(items, now, [], leads);
          const names = p.alarms.map((a) => a.name);
          expect(new Set(names).size).toBe(names.length);
          expect(p.alarms.every((a) => a.when > now)).toBe(true);
          expect([...p.alarms].sort((a, b) => a.when - b.when)).toEqual(p.alarms);
          expect(p.due.every((d) => d.fireAt <= now && !names.includes(d.id))).toBe(true);
          expect(plan(items, now, [], leads)).toEqual(p);
          const sent = p.due.map((d) => ({ key: d.key, at: d.at }));
          expect(plan(items, now, sent, leads).due).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reminds of a calendar-date deadline before the end of that day where the shopper is', () => {
    // Written by hand: protection ends "Dec 20" as a page shows it, the shopper ten hours west of UTC.
    const at = Date.parse('2026-12-20');
    const endOfDay = (d: string) => Date.parse(d) + DAY + 10 * 3_600_000 - 1;
    const items = [item({ orderId: ORDER, orderStatus: 'shipped', deadlines: [['protection-ends', '2026-12-20']] })];
    const p = planAlerts({ items, leadDays: [1], now: new Date(at - 5 * DAY), sent: [], endOfDay });
    expect(p.alarms).toEqual([
      { name: `rr:protection-ends:${ORDER}:-:1d@2026-12-20`, when: endOfDay('2026-12-20') - DAY },
    ]);
  });

  it('reminds of a countdown that lands on 00:00 UTC at that instant, not at the end of a day', () => {
    // Written by hand: a protection countdown rounded to the minute that happens to end at 00:00 UTC.
    const at = Date.parse('2026-12-20T00:00:00.000Z');
    const endOfDay = (d: string) => Date.parse(d) + DAY + 10 * 3_600_000 - 1;
    const items = [item({ orderId: ORDER, orderStatus: 'shipped', deadlines: [['protection-ends', at]] })];
    const p = planAlerts({ items, leadDays: [1], now: new Date(at - 5 * DAY), sent: [], endOfDay });
    expect(p.alarms).toEqual([{ name: `rr:protection-ends:${ORDER}:-:1d@2026-12-20T00:00:00.000Z`, when: at - DAY }]);
  });
});
