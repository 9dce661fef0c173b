import type { Dispute, Order, Timeline } from '../model/index.ts';
import { DAY_MS, HOUR_MS, isCalendarDate } from '../timeline/time.ts';
import { alarmName, eventKey, sameEvent, type AlertKind, type EventIdentity } from './events.ts';
import { AGAIN, deadlineMs, identityOf, isComeback, SNOOZE_MS, type SentRecord } from './snooze.ts';
import { ALERT_TEXT } from './text.ts';

/** A reminder set to 0 days still comes before the deadline: after it, there is nothing left to do. */
const MIN_LEAD_MS = 2 * HOUR_MS;
/** An alert the browser slept through is still worth showing this long after its moment. */
export const LATE_GRACE_MS = 7 * DAY_MS;
/** Without a known end, escalation stays worth announcing for this long. */
const ESCALATION_FALLBACK_MS = 15 * DAY_MS;

/**
 * Chrome refuses more than 500 active alarms per extension. Only the soonest are set: each
 * alarm plans again when it fires, so the later ones are set as their turn comes.
 */
export const MAX_ALARMS = 100;

/** One order, or one of its disputes, with the timeline worked out for it. */
export interface PlanItem {
  /** `dates.deliveredAt`, when the tracking answer showed it, tells whether a late coupon is due. */
  order: Pick<Order, 'orderId' | 'status'> & { dates?: Pick<Order['dates'], 'deliveredAt'> };
  dispute: Pick<Dispute, 'orderId' | 'lineId' | 'status'> | null;
  timeline: Timeline;
  /** The AliExpress page that deals with this item (dispute case or order detail). */
  url: string;
}

export interface PlanInput {
  items: PlanItem[];
  /** Reminder lead times in days, from settings. */
  leadDays: readonly number[];
  /** Hours before the shopper's own reply deadline to remind them, from settings; none without it. */
  replyLeadHours?: readonly number[];
  now: Date;
  /** Alerts already shown: `key` and `at` of each; one the shopper snoozed comes back once (snooze.ts). */
  sent: readonly SentRecord[];
  /**
   * When a deadline given as a calendar date (timeline/time.ts) is over: the end of that day in the
   * shopper's zone, which the caller knows (the planner reads no zone). UTC's end of day without it.
   */
  endOfDay?: (calendarDate: string) => number;
}

/** Notification text as message keys; dates stay ISO so the shower formats them in the shopper's language. */
export interface AlertText {
  title: string;
  body: string;
  orderId: string;
  /** The deadline the text names, ISO. */
  date: string;
}

export interface PlannedAlert extends EventIdentity {
  /** The alarm name; also the notification id and the alerts-table id. */
  id: string;
  key: string;
  /** The deadline. */
  at: string;
  /** When to show it (ms). */
  fireAt: number;
  /** After this (ms) it is no use any more. */
  expiresAt: number;
  text: AlertText;
  url: string;
}

export interface AlertPlan {
  /** One alarm per upcoming alert, sorted by time, the soonest MAX_ALARMS of them. */
  alarms: Array<{ name: string; when: number }>;
  /** Alerts whose moment has come and that were not shown yet. */
  due: PlannedAlert[];
  /** Orders that need the shopper now. */
  badge: number;
}

/** Dispute states in which AliExpress has already taken over or the money is settled. */
const PAST_ESCALATION = new Set(['escalated', 'awaiting-return', 'refund-pending', 'refunded', 'closed']);
const NEEDS_SHOPPER = new Set(['respond', 'escalate', 'ship-return', 'check-refund', 'extend-protection']);

/**
 * Pure: the alerts for every item at `now`. Planning again with the same input gives the same
 * alarms (names carry the event and its deadline), and anything in `sent` is never due again.
 */
export function planAlerts(input: PlanInput): AlertPlan {
  const now = input.now.getTime();
  const leads = [...new Set(input.leadDays)].sort((a, b) => b - a);
  const replyLeads = [...new Set(input.replyLeadHours ?? [])].sort((a, b) => b - a);
  const endOfDay = input.endOfDay ?? ((at: string) => Date.parse(at) + DAY_MS - 1);
  const all = [
    ...input.items.flatMap((item) => eventsFor(item, leads, replyLeads, endOfDay)),
    ...input.sent.flatMap((s) => comebackOf(s, endOfDay) ?? []),
  ];
  const unsent = all.filter((e) => !input.sent.some((s) => sameEvent(s, e)));
  const byId = new Map<string, PlannedAlert>();
  for (const e of unsent) if (!byId.has(e.id)) byId.set(e.id, e);
  const events = [...byId.values()];
  const alarms = events
    .filter((e) => e.fireAt > now)
    .map((e) => ({ name: e.id, when: e.fireAt }))
    .sort((a, b) => a.when - b.when || (a.name < b.name ? -1 : 1))
    .slice(0, MAX_ALARMS);
  const due = events.filter((e) => e.fireAt <= now && now < e.expiresAt).sort((a, b) => a.fireAt - b.fireAt);
  const needy = new Set(
    input.items.filter((i) => NEEDS_SHOPPER.has(i.timeline.nextStep.action)).map((i) => i.order.orderId),
  );
  return { alarms, due, badge: needy.size };
}

function eventsFor(
  item: PlanItem,
  leads: number[],
  replyLeads: number[],
  endOfDay: (at: string) => number,
): PlannedAlert[] {
  const { order, dispute, timeline } = item;
  const deadline = (kind: string) => timeline.deadlines.find((d) => d.kind === kind);
  const out: PlannedAlert[] = [];
  const base = { orderId: order.orderId, lineId: dispute?.lineId ?? null };

  const make = (
    kind: AlertKind,
    at: string,
    fireAt: number,
    expiresAt: number,
    leadDays: number | null,
    leadHours?: number,
  ) => {
    const identity: EventIdentity = { kind, ...base, leadDays, ...(leadHours !== undefined && { leadHours }) };
    out.push({
      ...identity,
      id: alarmName(identity, at),
      key: eventKey(identity),
      at,
      fireAt,
      expiresAt,
      text: { ...ALERT_TEXT[kind], orderId: order.orderId, date: at },
      url: item.url,
    });
  };

  /** Reminders before a deadline: each lead time hands over to the next shorter one. */
  const reminders = (kind: AlertKind, at: string) => {
    // "Protection ends Dec 20" means through Dec 20 where the shopper is; the name keeps `at`.
    const atMs = isCalendarDate(at) ? endOfDay(at) : Date.parse(at);
    const fires = leads.map((days) => atMs - Math.max(days * DAY_MS, MIN_LEAD_MS));
    fires.forEach((fireAt, i) => make(kind, at, fireAt, fires[i + 1] ?? atMs, leads[i]!));
  };

  if (dispute) {
    const opens = deadline('escalation-opens');
    if (opens && !PAST_ESCALATION.has(dispute.status)) {
      const closes = deadline('escalation-closes');
      const openMs = Date.parse(opens.at);
      make('escalation-open', opens.at, openMs, closes ? Date.parse(closes.at) : openMs + ESCALATION_FALLBACK_MS, null);
    }
    const sellerDue = deadline('seller-response');
    if (sellerDue && dispute.status === 'awaiting-seller') {
      const dueMs = Date.parse(sellerDue.at);
      make('refund-due', sellerDue.at, dueMs, dueMs + LATE_GRACE_MS, null);
    }
    const shipBy = deadline('return-ship-by');
    if (shipBy && dispute.status === 'awaiting-return') reminders('return-ship-by', shipBy.at);
    // The timeline gives the shopper's own reply deadline only while the case waits for them.
    const reply = deadline('buyer-response');
    if (reply) {
      const dueMs = Date.parse(reply.at);
      const fires = replyLeads.map((hours) => dueMs - hours * HOUR_MS);
      fires.forEach((fireAt, i) =>
        make('buyer-response', reply.at, fireAt, fires[i + 1] ?? dueMs, null, replyLeads[i]),
      );
      make('buyer-response-passed', reply.at, dueMs, dueMs + LATE_GRACE_MS, null);
    }
  } else {
    const protection = deadline('protection-ends');
    const waiting = order.status === 'shipped' || order.status === 'to-ship';
    if (protection && waiting) reminders('protection-ends', protection.at);
    // Once, when the coupon can be collected: the page says 48 hours from the start of its day
    // ("If delivered after Aug 3, 2026 you can collect a R$5 coupon after 48 hours of that date").
    const coupon = deadline('late-coupon');
    const couponEnds = coupon && (isCalendarDate(coupon.at) ? endOfDay(coupon.at) + 1 : Date.parse(coupon.at));
    const deliveredAt = order.dates?.deliveredAt;
    const onTime = deliveredAt != null && couponEnds !== undefined && Date.parse(deliveredAt) < couponEnds;
    if (coupon && couponEnds !== undefined && waiting && !onTime) {
      const fireAt = couponEnds + DAY_MS;
      make('late-coupon', coupon.at, fireAt, fireAt + LATE_GRACE_MS, null);
    }
    // The free-return window runs after delivery: while the parcel is still awaited or received.
    const freeReturn = deadline('free-return-ends');
    if (freeReturn && (order.status === 'completed' || order.status === 'shipped'))
      reminders('free-return-ends', freeReturn.at);
  }
  return out;
}

/**
 * The one comeback of an alert the shopper snoozed: a day after they asked, with the alert's own
 * text and page. Its id and key carry AGAIN, so once shown (recorded as sent) it is never due
 * again, and it cannot be snoozed itself. A reminder's comeback expires at its deadline.
 */
function comebackOf(sent: SentRecord, endOfDay: (at: string) => number): PlannedAlert | null {
  if (sent.snoozedAt === undefined || !sent.id || !sent.url || isComeback(sent.id)) return null;
  const who = identityOf(sent.key);
  if (!who) return null;
  const fireAt = Date.parse(sent.snoozedAt) + SNOOZE_MS;
  const { reminder, ...identity } = who;
  return {
    ...identity,
    id: sent.id + AGAIN,
    key: sent.key + AGAIN,
    at: sent.at,
    fireAt,
    expiresAt: reminder ? deadlineMs(sent.at, endOfDay) : fireAt + LATE_GRACE_MS,
    text: { ...ALERT_TEXT[who.kind], orderId: who.orderId, date: sent.at },
    url: sent.url,
  };
}
