import * as z from 'zod/mini';
import {
  CAPS,
  capped,
  Dispute,
  DisputeStatus,
  IsoDateTime,
  PageDate,
  NumericId,
  Order,
  OrderStatus,
  ReadVia,
  type PageDispute,
} from '../model/index.ts';

// The stored shapes as schemas, apart from Dexie, so the protocol and backups can validate them
// without pulling the database code into a content script.

/**
 * A status that would end the reminders, read only from page JSON (which any script on the page
 * can post): kept aside, not applied, until the order's own page or a later reading agrees.
 */
const claimOf = <S extends z.ZodMiniType<string>>(status: S) =>
  z.optional(z.object({ status, statusText: z.nullable(capped(CAPS.label)), readAt: IsoDateTime }));

/** When each field's value was last read: a value only gives way to one read later. */
const ReadAtByField = z
  .record(capped(CAPS.kind), IsoDateTime)
  .check(z.refine((r) => Object.keys(r).length <= CAPS.fields, `at most ${CAPS.fields} fields`));

export const StoredOrder = z.extend(Order, {
  /** Where the stored status came from; absent on records stored before it was kept (pages). */
  statusVia: z.optional(ReadVia),
  claim: claimOf(OrderStatus),
  firstSeenAt: IsoDateTime,
  /** The newest reading that touched this order. */
  updatedAt: IsoDateTime,
  readAtByField: z.optional(ReadAtByField),
});
export type StoredOrder = z.infer<typeof StoredOrder>;

export const StoredDispute = z.extend(Dispute, {
  statusVia: z.optional(ReadVia),
  claim: claimOf(DisputeStatus),
  /** `${orderId}:${lineId ?? '-'}`: one dispute record per order line. */
  key: z.string().check(z.regex(/^\d{6,24}:(\d{6,24}|-)$/)),
  firstSeenAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** When `status` last changed: an agreed return starts when it became awaiting-return. */
  statusSince: IsoDateTime,
  /**
   * When a page first showed the Escalate button: the escalation window counts from it, so its end
   * stays put instead of moving with every visit.
   */
  escalateSeenAt: z.optional(IsoDateTime),
  readAtByField: z.optional(ReadAtByField),
});
export type StoredDispute = z.infer<typeof StoredDispute>;

export const Change = z.object({ from: z.unknown(), to: z.unknown() });

/**
 * Append-only history of readings: what changed, when, on which page; one per order or dispute and
 * reading. Backups and the undo of "Stop tracking" carry it so; the store keeps all of a reading's
 * observations in one record (readings.ts).
 */
export const Observation = z.object({
  id: z.optional(z.int()),
  orderId: NumericId,
  entity: z.enum(['order', 'dispute']),
  /** orderId for orders, the dispute key for disputes. */
  entityId: capped(CAPS.kind),
  readAt: IsoDateTime,
  url: capped(CAPS.url),
  kind: capped(CAPS.kind),
  /** Where the reading came from; absent on history written before it was kept. */
  via: z.optional(ReadVia),
  /** Field path -> { from, to }; for a flagged reading, what it would have changed. */
  changes: z.record(capped(CAPS.kind), Change).check(z.refine((c) => Object.keys(c).length <= CAPS.fields)),
  /** Why this reading was not applied (e.g. a status moving backwards), or null when it was. */
  flagged: z.nullable(capped(CAPS.detail)),
});
export type Observation = z.infer<typeof Observation>;

export const SentAlert = z.object({
  /** The planned event's id (the alarm name): unique per event and deadline time. */
  id: capped(CAPS.url),
  /** The event without its time: the same event re-estimated a little later is still the same. */
  key: capped(CAPS.url),
  /** The deadline the alert was about. */
  at: PageDate,
  firedAt: IsoDateTime,
  /** The AliExpress page a click on the notification opens. */
  url: z.url().check(z.maxLength(CAPS.url)),
  /** When the shopper asked to be reminded again ("Remind me tomorrow"): it comes back once (src/alerts/snooze.ts). */
  snoozedAt: z.optional(IsoDateTime),
});
export type SentAlert = z.infer<typeof SentAlert>;

export const SettingRow = z.object({ key: z.string(), value: z.unknown() });
export type SettingRow = z.infer<typeof SettingRow>;

/**
 * What the shopper did about an order. Going to AliExpress's dispute form ("Take me there") is an
 * intent, never a dispute: no dispute deadline runs from it. A dispute runs from a page that shows
 * one, or from the shopper saying they submitted it (`submittedAt`, their word, marked so).
 */
export const Progress = z.object({
  orderId: NumericId,
  /** When the shopper last went to open a dispute; the popup asks whether they submitted it. */
  wentToDisputeAt: z.nullable(IsoDateTime),
  /** When the dispute was opened, by the shopper's word ("Yes, I submitted it"). */
  submittedAt: z.nullable(IsoDateTime),
  /** When the shopper answered "No": the question stays away until they go again. */
  notSubmittedAt: z.nullable(IsoDateTime),
  reason: z.nullable(capped(CAPS.label)),
  /** stepId -> when it was ticked. */
  steps: z
    .record(capped(64), IsoDateTime)
    .check(z.refine((s) => Object.keys(s).length <= CAPS.steps, `at most ${CAPS.steps} steps`)),
});
export type Progress = z.infer<typeof Progress>;

/**
 * Progress as any version wrote it. Up to database version 2 and in backups made then, a row had
 * `refundStartedAt`, which only "Take me there" ever set (with the chosen reason): it meant the
 * shopper went to the dispute form, not that a dispute was submitted. It becomes `wentToDisputeAt`,
 * so an old row asks "did you submit it?" instead of inventing a dispute.
 */
export const AnyProgress = z.pipe(
  z.object({
    orderId: NumericId,
    refundStartedAt: z.optional(z.nullable(IsoDateTime)),
    wentToDisputeAt: z.optional(z.nullable(IsoDateTime)),
    submittedAt: z.optional(z.nullable(IsoDateTime)),
    notSubmittedAt: z.optional(z.nullable(IsoDateTime)),
    reason: Progress.shape.reason,
    steps: Progress.shape.steps,
  }),
  z.transform(upgradeProgress),
);

export interface OlderProgress {
  orderId: string;
  refundStartedAt?: string | null;
  wentToDisputeAt?: string | null;
  submittedAt?: string | null;
  notSubmittedAt?: string | null;
  reason: string | null;
  steps: Record<string, string>;
}

export function upgradeProgress({ refundStartedAt, ...row }: OlderProgress): Progress {
  return {
    ...row,
    wentToDisputeAt: row.wentToDisputeAt ?? refundStartedAt ?? null,
    submittedAt: row.submittedAt ?? null,
    notSubmittedAt: row.notSubmittedAt ?? null,
  };
}

/**
 * Before schema version 4 (and in backups before version 2) a date the page showed without a time
 * was stored as that day's 00:00 UTC instant. These four order dates are read only from page text
 * (never from a countdown or an epoch), so there 00:00:00.000Z meant a date without a time, and it
 * was already shown as one; it becomes the calendar date it was. (A page time of exactly 00:00 is
 * read as a day too, as it always was.) Every other field (protection countdown, dispute deadline
 * and opening, shopper and reading times) holds instants and is left as it is.
 */
export function upgradeCalendarDates<T extends Order>(order: T): T {
  const day = (at: string | null) => (at && at.endsWith('T00:00:00.000Z') ? at.slice(0, 10) : at);
  const { dates } = order;
  return {
    ...order,
    placedAt: day(order.placedAt),
    dates: {
      ...dates,
      shippedAt: day(dates.shippedAt),
      completedAt: day(dates.completedAt),
      deliveryGuaranteeAt: day(dates.deliveryGuaranteeAt),
    },
  };
}

/** One order with everything known about it, as the popup and dashboard show it. */
export const TrackedOrder = z.object({
  order: StoredOrder,
  disputes: z.array(StoredDispute),
  progress: z.nullable(Progress),
});
export type TrackedOrder = z.infer<typeof TrackedOrder>;

/**
 * A dispute read on a page that named only its order line or its case, kept until an order with
 * that line (or a stored dispute with that line or case) tells which order it belongs to. Only the
 * background writes it, from a reading it has already checked: a type, not a schema.
 */
export interface HeldDispute {
  /** `line:<lineId>` when the line is known, else `case:<disputeId>`. */
  key: string;
  lineId: string | null;
  disputeId: string | null;
  readAt: string;
  url: string;
  kind: string;
  dispute: PageDispute;
}
