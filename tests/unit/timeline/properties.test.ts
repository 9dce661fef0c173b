import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Deadline, DeadlineKind, Dispute, Order } from '../../../src/model/index.ts';
import { applyOverrides, type PackId } from '../../../src/rules/index.ts';
import { timelineFor, type TimelineInput } from '../../../src/timeline/index.ts';
import { dispute, order, policyFile } from './build.ts';

// A fixed seed keeps CI repeatable (FC_SEED tries others); fast-check prints the seed of a failure.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261202) });

const FROM = Date.parse('2025-01-01T00:00:00.000Z');
const TO = Date.parse('2028-01-01T00:00:00.000Z');

// Whole seconds, so a page time written with an offset round-trips to the same ISO instant.
const instant = fc.integer({ min: FROM / 1000, max: TO / 1000 }).map((s) => s * 1000);
const isoAt = instant.map((ms) => new Date(ms).toISOString());
const maybeIso = fc.option(isoAt, { nil: null });

const orderArb: fc.Arbitrary<Order> = fc
  .record({
    status: fc.constantFrom('to-pay', 'to-ship', 'shipped', 'completed', 'closed', 'in-dispute', 'unknown'),
    placedAt: maybeIso,
    shippedAt: maybeIso,
    completedAt: maybeIso,
    protectionEndsAt: maybeIso,
    deliveryGuaranteeAt: maybeIso,
  })
  .map(({ status, placedAt, ...dates }) => order({ status, placedAt, dates }));

const disputeArb: fc.Arbitrary<Dispute> = fc
  .record({
    status: fc.constantFrom(
      'awaiting-seller',
      'awaiting-buyer',
      'escalated',
      'awaiting-return',
      'refund-pending',
      'refunded',
      'closed',
      'unknown',
    ),
    awaiting: fc.constantFrom('seller', 'buyer', 'aliexpress', null),
    deadline: maybeIso,
    canEscalate: fc.constantFrom(true, false, null),
    openedAt: maybeIso,
  })
  .map((patch) => dispute(patch));

const halfDays = fc.integer({ min: 1, max: 730 }).map((n) => n / 2);
const overridesArb = fc.record(
  {
    sellerResponse: halfDays,
    escalationOpens: halfDays,
    escalationCloses: halfDays,
    buyerProtection: halfDays,
    disputeOpens: halfDays,
    refundRequestAfterReceipt: halfDays,
    returnShipBy: halfDays,
  },
  { requiredKeys: [] },
);

const inputArb: fc.Arbitrary<TimelineInput> = fc
  .record({
    order: fc.option(orderArb, { nil: null }),
    dispute: fc.option(disputeArb, { nil: null }),
    pack: fc.constantFrom<PackId>('guide', 'official-legacy'),
    overrides: overridesArb,
    now: instant,
    submittedAt: maybeIso,
    returnAgreedAt: maybeIso,
  })
  .map(({ pack, overrides, now, ...rest }) => ({
    ...rest,
    policy: applyOverrides(policyFile(), pack, overrides).policy,
    now: new Date(now),
  }));

const find = (deadlines: Deadline[], kind: DeadlineKind) => deadlines.find((d) => d.kind === kind);
const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : undefined);

/**
 * How often each conditional branch of a property ran: a property asserted only inside `if`s
 * proves nothing when the generator never reaches them.
 */
function branches() {
  const hits = new Map<string, number>();
  return {
    hit: (name: string) => hits.set(name, (hits.get(name) ?? 0) + 1),
    expectEach(names: readonly string[], atLeast: number) {
      for (const name of names)
        expect(hits.get(name) ?? 0, `runs that reached "${name}"`).toBeGreaterThanOrEqual(atLeast);
    },
  };
}

describe('timeline properties', () => {
  it('a date the page shows wins over the rule for the same deadline', () => {
    const reached = branches();
    fc.assert(
      fc.property(inputArb, (input) => {
        const { deadlines } = timelineFor(input);
        const d = input.dispute;
        const o = input.order;
        if (d && d.deadline && d.status === 'awaiting-seller') {
          reached.hit('seller countdown');
          expect(find(deadlines, 'seller-response')).toEqual({
            kind: 'seller-response',
            at: d.deadline,
            source: 'page',
            rule: null,
          });
        }
        if (d && d.deadline && d.status === 'awaiting-return') {
          reached.hit('return countdown');
          expect(find(deadlines, 'return-ship-by')).toEqual({
            kind: 'return-ship-by',
            at: d.deadline,
            source: 'page',
            rule: null,
          });
        }
        const protection = find(deadlines, 'protection-ends');
        if (o?.dates.protectionEndsAt && protection) {
          reached.hit('protection date');
          expect(protection).toEqual({
            kind: 'protection-ends',
            at: o.dates.protectionEndsAt,
            source: 'page',
            rule: null,
          });
        }
      }),
      { numRuns: 2000 },
    );
    reached.expectEach(['seller countdown', 'return countdown'], 100);
    // About 25 runs in 2,000 show a protection date; its own property below forces it.
    reached.expectEach(['protection date'], 5);
  });

  it('the delivery promise the page shows is the day a dispute can be opened', () => {
    // A parcel on its way with nothing claimed yet: the only case with a dispute-opens deadline
    // (the general input reaches it a few times in 2,000 runs, too rarely to prove anything).
    let checked = 0;
    fc.assert(
      fc.property(inputArb, orderArb, (input, o) => {
        const order = { ...o, status: 'shipped' as const, dates: { ...o.dates, completedAt: null } };
        const t = timelineFor({ ...input, order, dispute: null, submittedAt: null });
        const promise = order.dates.deliveryGuaranteeAt ?? order.dates.protectionEndsAt;
        if (!promise) return;
        checked += 1;
        expect(find(t.deadlines, 'dispute-opens')).toEqual({
          kind: 'dispute-opens',
          at: promise,
          source: 'page',
          rule: null,
        });
      }),
      { numRuns: 500 },
    );
    expect(checked).toBeGreaterThan(200);
  });

  it('a page date replaces the rule estimate, whatever the rule says', () => {
    const reached = branches();
    fc.assert(
      fc.property(inputArb, isoAt, (input, pageAt) => {
        const order = input.order && { ...input.order, status: 'shipped' as const };
        if (!order) return;
        reached.hit('order');
        const withPage = { ...order, dates: { ...order.dates, protectionEndsAt: pageAt, completedAt: null } };
        const t = timelineFor({ ...input, order: withPage, dispute: null, submittedAt: null });
        expect(find(t.deadlines, 'protection-ends')).toEqual({
          kind: 'protection-ends',
          at: pageAt,
          source: 'page',
          rule: null,
        });
      }),
    );
    reached.expectEach(['order'], 20);
  });

  it('no rule deadline lies before the event it counts from', () => {
    let checked = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const { deadlines } = timelineFor(input);
        const opened = ms(input.dispute?.openedAt ?? input.submittedAt);
        const shipped = ms(input.order?.dates.shippedAt);
        const get = (kind: DeadlineKind) => ms(find(deadlines, kind)?.at);
        for (const d of deadlines.filter((x) => x.source !== 'page')) {
          const at = Date.parse(d.at);
          const from: Partial<Record<DeadlineKind, number | undefined>> = {
            'seller-response': opened,
            'escalation-opens': opened,
            'escalation-closes': get('escalation-opens'),
            'protection-ends': shipped,
            'dispute-opens': shipped,
            'refund-request-ends': ms(input.order?.dates.completedAt) ?? get('protection-ends'),
            'return-ship-by': ms(input.returnAgreedAt),
          };
          const anchor = from[d.kind];
          expect(anchor, `${d.kind} has an event to count from`).toBeDefined();
          expect(at).toBeGreaterThan(anchor as number);
          checked += 1;
        }
      }),
      { numRuns: 2000 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it('escalation never opens after it closes', () => {
    const reached = branches();
    fc.assert(
      fc.property(inputArb, (input) => {
        const { deadlines } = timelineFor(input);
        const opens = ms(find(deadlines, 'escalation-opens')?.at);
        const closes = ms(find(deadlines, 'escalation-closes')?.at);
        if (opens !== undefined && closes !== undefined) {
          reached.hit('window');
          expect(opens).toBeLessThanOrEqual(closes);
        }
      }),
      { numRuns: 2000 },
    );
    reached.expectEach(['window'], 100);
  });

  it('an Escalate button on the page means escalation is open now', () => {
    const reached = branches();
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = input.dispute;
        if (!d || d.canEscalate !== true || !['awaiting-seller', 'awaiting-buyer'].includes(d.status)) return;
        if (input.returnAgreedAt && d.status === 'awaiting-buyer') return;
        reached.hit('button shown');
        const t = timelineFor(input);
        expect(t.phase).toBe('escalation-open');
        expect(t.nextStep.action).toBe('escalate');
        const opens = ms(find(t.deadlines, 'escalation-opens')?.at);
        if (opens !== undefined && opens > input.now.getTime()) {
          reached.hit('opens after now');
          expect(opens).toBe(ms(d.openedAt ?? input.submittedAt));
        }
      }),
      { numRuns: 2000 },
    );
    reached.expectEach(['button shown', 'opens after now'], 10);
  });

  it('every answer is a valid timeline: ISO instants, sorted deadlines, non-negative urgency', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const t = timelineFor(input);
        expect(t.urgency).toBeGreaterThanOrEqual(0);
        const times = t.deadlines.map((d) => Date.parse(d.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        for (const d of t.deadlines) expect(new Date(d.at).toISOString()).toBe(d.at);
        expect(new Set(t.deadlines.map((d) => d.kind)).size).toBe(t.deadlines.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('time zones', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('give the same timeline under UTC, Shanghai, Los Angeles and Kiritimati', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'];
    // The switch must be real, or this property would prove nothing.
    const offsets = zones.map((zone) => {
      process.env.TZ = zone;
      return new Date('2026-07-01T00:00:00Z').getTimezoneOffset();
    });
    expect(offsets).toEqual([0, -480, 420, -840]);
    fc.assert(
      fc.property(inputArb, (input) => {
        const answers = zones.map((zone) => {
          process.env.TZ = zone;
          return JSON.stringify(timelineFor(input));
        });
        expect(new Set(answers).size).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
