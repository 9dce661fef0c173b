import * as z from 'zod/mini';
import { checkSnapshot, NumericId, SnapshotArrival } from '../model/index.ts';
import { Deadline, Dispute, Eligibility, IsoDateTime, Label, Order, PageDate, Timeline } from '../model/index.ts';
import { RefusalReason } from '../backup/refusal.ts';
import { Policy } from '../rules/policy.ts';
import { LanguageSetting, Settings, SettingsError, SettingsPatch } from '../settings/schema.ts';
import { Observation, Progress, StoredDispute, StoredOrder } from '../store/records.ts';
import { CAPS, PageKind, Problem } from '../model/index.ts';
import type { PageReport } from '../report/redact.ts';
import { isSkeleton, looksLikeReport } from '../report/rebuild.ts';
import type { RawElement } from '../report/skeleton.ts';
import type { AnswerRead } from '../aliexpress/read.ts';
import { TAP_MAX_CHARS } from '../aliexpress/tap-protocol.ts';
import { isCatalog } from '../i18n/page-texts.ts';
import type { Catalog } from '../i18n/core.ts';

const Empty = z.strictObject({});
const count = z.int().check(z.nonnegative());

/**
 * The one map of every message between contexts: its request schema and its answer schema.
 * Both ends validate against it; nothing else defines a message. Who may send which is in
 * senders.ts.
 */
export const protocol = {
  /** A page's reading, from the content script; items that do not match the model are dropped and named. */
  snapshot: {
    request: z.pipe(SnapshotArrival, z.transform(checkSnapshot)),
    // `problems`: what the snapshot's My orders cards did not say clearly, read here (page-service.ts).
    response: z.object({ accepted: z.boolean(), changed: z.int(), problems: z.array(Problem) }),
  },
  /**
   * rules/selectors.json and the rules/locales files of the page's language (by its `<html
   * lang>`) and English, or all of them when the language is not one we have: the content script
   * reads with these, so it carries none (src/aliexpress/page-service.ts) and checks them as it
   * loads them.
   */
  pageRules: {
    request: z.strictObject({ lang: z.nullable(z.string().check(z.maxLength(CAPS.locale))) }),
    response: z.object({ locales: z.record(z.string(), z.unknown()), selectors: z.unknown() }),
  },
  /**
   * The texts the content script shows (src/i18n/page-keys.ts) in the shopper's language, chosen
   * in options or the browser's, English where it has none; `locale` is the tag dates are
   * formatted with. A sibling of pageRules rather than part of it: the reading waits for the
   * rules and should not wait for the settings and a file, and the helper, which draws only after
   * the texts, asked for the settings at this point before.
   */
  pageTexts: {
    request: Empty,
    response: z.object({
      locale: z.string(),
      texts: z.custom<Catalog>(isCatalog, 'a catalog'),
      // The helper's styles (src/platform/page-styles.ts): the page's script carries none.
      styles: z.object({ start: z.string(), helper: z.string() }),
    }),
  },
  /**
   * An mtop answer the tap passed on, read by the JSON readers here rather than on the page; the
   * content script merges what it says with the page's DOM reading (read()), as before. Anything
   * the page posts can be forged: the readers check every field, and what they read is marked
   * as read from JSON, which the store trusts less.
   */
  tappedAnswer: {
    request: z.strictObject({
      api: z.string().check(z.minLength(1), z.maxLength(130)),
      // The answer's text as the page received it (the tap parses nothing on the page), or its object.
      json: z
        .unknown()
        .check(z.refine((v) => typeof v !== 'string' || v.length <= TAP_MAX_CHARS, 'an answer text over the cap')),
      url: z.url().check(z.maxLength(CAPS.url)),
      lang: z.nullable(z.string().check(z.maxLength(CAPS.locale))),
    }),
    response: z.custom<AnswerRead>((v) => typeof v === 'object' && v !== null, 'an answer read'),
  },
  /**
   * The popup's list: the orders that need the shopper, most urgent first, with their timelines
   * worked out by the background at its clock; at most `limit` of them, with the counts for the
   * rest, and the rules the timelines were worked out under (src/timeline/summary.ts).
   */
  dashboardSummary: {
    request: z.strictObject({ limit: z.int().check(z.gte(1), z.lte(10_000)) }),
    response: z.object({
      tracked: count,
      needing: count,
      entries: z.array(
        z.object({
          order: Order,
          dispute: z.nullable(
            z.extend(Dispute, { statusSince: z.optional(IsoDateTime), escalateSeenAt: z.optional(IsoDateTime) }),
          ),
          timeline: Timeline,
          progress: z.nullable(z.omit(Progress, { orderId: true })),
        }),
      ),
      /** The rules the timelines were worked out under, for the popup to work them out again from its cache. */
      policy: Policy,
      /**
       * The shopper's language setting, read with the rules: the popup learns in this one answer
       * whether to draw in another language, instead of waiting for a second (`settingsGet`).
       */
      language: LanguageSetting,
    }),
  },
  /** What the injected helper shows for one order, or for the dispute a case page is about; null when none matches. */
  helperFacts: {
    request: z.union([
      z.strictObject({ orderId: NumericId }),
      z.strictObject({ lineId: z.nullable(NumericId), disputeId: z.nullable(NumericId) }),
    ]),
    response: z.nullable(
      z.object({
        order: z.nullable(Order),
        dispute: z.nullable(Dispute),
        timeline: z.nullable(Timeline),
        eligibility: z.optional(Eligibility),
      }),
    ),
  },
  /**
   * Which order cards get Start refund: 'refund' where a refund can be asked for (paid, not
   * closed), 'dispute' where it leads to the open dispute, 'none' elsewhere and for orders never read.
   */
  helperOffers: {
    // A page renders its cards 10 at a time; 1,000 at once is far beyond any real page.
    request: z.strictObject({ orderIds: z.array(NumericId).check(z.maxLength(1000)) }),
    response: z.record(NumericId, z.enum(['refund', 'dispute', 'none'])),
  },
  stepTicked: {
    request: z.strictObject({
      orderId: NumericId,
      stepId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/)),
      done: z.boolean(),
    }),
    response: z.object({ changed: z.boolean() }),
  },
  /**
   * "Take me there": the shopper went to AliExpress's dispute form. Recorded as an intent only;
   * no dispute and no deadline follow from it (the popup asks whether they submitted it).
   */
  wentToDispute: {
    request: z.strictObject({
      orderId: NumericId,
      reason: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
    }),
    response: Progress,
  },
  /** The shopper's answer to "did you submit it?": yes starts the dispute's clocks, counted from their word. */
  disputeSubmitted: {
    request: z.strictObject({ orderId: NumericId, submitted: z.boolean() }),
    response: Progress,
  },
  /**
   * "Track this dispute yourself", from the dispute bar's form or the popup: the form's values as
   * typed, checked again on arrival (timeline/entry.ts). Refused: nothing stored, `errors` says
   * why beside each field.
   */
  disputeEntered: {
    request: z.strictObject({
      form: z.strictObject({
        awaiting: z.string().check(z.maxLength(20)),
        daysLeft: z.string().check(z.maxLength(20)),
        hoursLeft: z.string().check(z.maxLength(20)),
        openedOn: z.string().check(z.maxLength(20)),
        orderId: z.string().check(z.maxLength(40)),
      }),
      lineId: z.nullable(NumericId),
      disputeId: z.nullable(NumericId),
    }),
    response: z.object({
      saved: z.boolean(),
      errors: z.record(z.string(), z.string()),
    }),
  },
  /** "Refund received" in the popup: the order's running dispute is closed as refunded, by the shopper's word. */
  disputeRefunded: {
    request: z.strictObject({ orderId: NumericId }),
    response: z.object({ changed: z.boolean() }),
  },
  /** "Stop tracking": the order and all that hangs on it are removed and handed back, for Undo. */
  orderForget: {
    request: z.strictObject({ orderId: NumericId }),
    response: z.object({ forgotten: z.nullable(z.unknown()) }),
  },
  /** Undo of "Stop tracking": the records exactly as they were handed back. */
  orderRestore: {
    request: z
      .strictObject({
        order: StoredOrder,
        disputes: z.array(StoredDispute).check(z.maxLength(200)),
        progress: z.nullable(Progress),
        observations: z.array(Observation).check(z.maxLength(20_000)),
      })
      .check(
        z.refine(
          (r) =>
            [...r.disputes, ...r.observations, ...(r.progress ? [r.progress] : [])].every(
              (x) => x.orderId === r.order.orderId,
            ),
          { message: 'every record must belong to the order' },
        ),
      ),
    response: z.object({ restored: z.literal(true) }),
  },
  settingsGet: {
    request: Empty,
    response: Settings,
  },
  /** All or nothing: when `errors` is not empty nothing was saved and `settings` are the previous ones. */
  settingsSet: {
    request: SettingsPatch,
    response: z.object({ saved: z.boolean(), settings: Settings, errors: z.array(SettingsError) }),
  },
  backupExport: {
    request: Empty,
    response: z.object({ fileName: z.string(), text: z.string() }),
  },
  /** A refused file changes nothing; `reason` says why, `message` says it in words. */
  backupImport: {
    request: z.strictObject({ text: z.string() }),
    response: z.object({
      imported: z.boolean(),
      changed: count,
      reason: z.nullable(RefusalReason),
      message: z.nullable(z.string()),
    }),
  },
  /**
   * "Save a report of this page" (issue 16): the content script's raw skeleton of its page, which
   * the background redacts with the labels of every rules/locales file (src/report/redact.ts) into the report the page
   * then saves as a file. Nothing is stored and nothing leaves the browser.
   */
  pageReport: {
    request: z.strictObject({
      page: z.custom<RawElement>(isSkeleton, 'a page skeleton'),
      cut: z.boolean(),
      url: z.url().check(z.maxLength(CAPS.url)),
      kind: PageKind,
      locale: z.nullable(z.string().check(z.maxLength(CAPS.locale))),
      problems: z.array(Problem).check(z.maxLength(CAPS.items)),
    }),
    response: z.custom<PageReport>(looksLikeReport, 'a page report'),
  },
  /**
   * Every tracked order's and dispute's deadlines with the page to open, as the reminders see them
   * (src/alerts/items.ts), for the calendar file the extension pages build (src/calendar).
   */
  calendarDeadlines: {
    request: Empty,
    response: z.array(
      z.object({
        orderId: NumericId,
        disputeId: z.nullable(NumericId),
        storeName: Label,
        url: z.nullable(z.string()),
        deadlines: z.array(Deadline),
      }),
    ),
  },
  /**
   * Reminders shown in the last day, newest first, and whether each can still be snoozed: the
   * popup offers "Remind me tomorrow" for them where notifications have no buttons (Firefox).
   */
  recentAlerts: {
    request: Empty,
    response: z.array(
      z.object({
        id: z.string().check(z.maxLength(2048)),
        /** The notification's title, as a message key of the interface catalog. */
        title: z.string().check(z.maxLength(100)),
        orderId: NumericId,
        at: PageDate,
        firedAt: IsoDateTime,
        snoozable: z.boolean(),
        snoozed: z.boolean(),
      }),
    ),
  },
  /** "Remind me tomorrow" for a shown reminder: it comes back once, a day later. Extension pages only. */
  snoozeAlert: {
    request: z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(2048)) }),
    response: z.object({ result: z.enum(['snoozed', 'already-snoozed', 'too-late', 'unknown']) }),
  },
  wipe: {
    request: z.strictObject({ confirm: z.literal(true) }),
    response: z.object({ wiped: z.literal(true) }),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type Request<N extends MessageName> = z.infer<Protocol[N]['request']>;
export type Response<N extends MessageName> = z.infer<Protocol[N]['response']>;

/** What travels over runtime messaging. */
export const Envelope = z.strictObject({ name: z.string(), data: z.unknown() });

/** Every answer is either ok with data, or a typed error that says what was wrong. */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
export const ErrorCode = z.enum(['malformed', 'unknown-message', 'invalid-request', 'forbidden', 'failed']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(protocol, name);
}
