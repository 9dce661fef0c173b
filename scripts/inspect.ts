/**
 * npm run inspect -- FILE [--url URL] [--now ISO] [--pack guide|official-legacy|current] [--ics]
 *
 * Prints what the extension reads from a saved page (.html), a saved mtop answer (.json) or a page
 * report the extension saved (.json, src/report; with `report`: what the live page gave): what
 * a maintainer runs when a shopper sends a page that broke. Exit 2 with one line on bad input.
 * With --ics, the calendar file (RFC 5545) of that page's upcoming deadlines at --now instead.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import type { Dispute, Order, PageDispute, PageKind, PageSnapshot, Timeline } from '../src/model/index.ts';
import { savedFromUrl } from '../src/aliexpress/dom/index.ts';
import { detectors, read, useAnswerReader, useCardReader } from '../src/aliexpress/index.ts';
import { readCards } from '../src/aliexpress/cards.ts';
import { DETECTOR_EXAMPLES } from '../src/aliexpress/detect-examples.ts';
import { readAnswer } from '../src/aliexpress/json/answer.ts';
import {
  guessApi,
  LOGISTICS_API,
  ORDER_DETAIL_API,
  ORDER_LIST_API,
  REFUND_LIST_API,
} from '../src/aliexpress/json/index.ts';
import { parseAnswerText } from '../src/aliexpress/tap-protocol.ts';
import { applyOverrides, bundledPolicyFile, DEFAULT_PACK, type Policy } from '../src/rules/index.ts';
import { BUNDLED_LOCALE_FILES, useBundledRules } from '../src/aliexpress/bundled-rules.ts';
import { looksLikeReport, parseReport, reportHtml } from '../src/report/rebuild.ts';
import { redactor, type PageReport } from '../src/report/redact.ts';
import { buildCalendar, type CalendarItem } from '../src/calendar/ics.ts';
import { setLanguage } from '../src/i18n/index.ts';
import { disputeUrl, orderDetailUrl, timelineFor } from '../src/timeline/index.ts';
import { calendarTexts } from '../src/ui/calendar.ts';

export class InspectError extends Error {}

export interface InspectOptions {
  url?: string;
  now?: Date;
  pack?: string;
  ics?: boolean;
}

const pageOf = (kind: PageKind): string | null => {
  const example = kind === 'other' ? undefined : DETECTOR_EXAMPLES[kind][0];
  return example ? example.replace(/[?#].*$/, '') : null;
};

const URL_OF_API: Record<string, string> = {
  [ORDER_LIST_API]: pageOf('order-list')!,
  [ORDER_DETAIL_API]: pageOf('order-detail')!,
  [REFUND_LIST_API]: pageOf('dispute-list')!,
  [LOGISTICS_API]: pageOf('tracking')!,
};

/** A saved page is named for its kind ("order-detail--completed.html"); else it is taken for My orders. */
export function defaultUrlForHtml(file: string): string {
  const name = basename(file).toLowerCase();
  const kinds = detectors.map((d) => d.kind).filter((k) => name.startsWith(k));
  const kind = kinds.sort((a, b) => b.length - a.length)[0] ?? 'order-list';
  return pageOf(kind)!;
}

export function orderView(o: Order) {
  return {
    orderId: o.orderId,
    status: o.status,
    statusText: o.statusText,
    placedAt: o.placedAt,
    storeName: o.storeName,
    total: o.total ? { amount: o.total.amount, currency: o.total.currency } : null,
    lines: o.lines.map((l) => ({ lineId: l.lineId, title: l.title, quantity: l.quantity })),
    actions: o.actions,
  };
}

export function disputeView(d: PageDispute) {
  return {
    orderId: d.orderId,
    lineId: d.lineId,
    disputeId: d.disputeId,
    /** Which signal of the page each id was read from (url, label, link, json). */
    via: d.via ?? {},
    status: d.status,
    awaiting: d.awaiting,
    deadline: d.deadline,
    canEscalate: d.canEscalate,
    reason: d.reason,
  };
}

function timelineView(t: Timeline) {
  return {
    phase: t.phase,
    deadlines: t.deadlines.map((d) => ({
      kind: d.kind,
      at: d.at,
      source: d.source,
      ...(d.amount && { amount: d.amount }),
    })),
    nextStep: { action: t.nextStep.action, url: t.nextStep.url },
    urgency: t.urgency,
  };
}

function policyFor(pack: string | undefined): Policy {
  const file = bundledPolicyFile();
  if (!file.ok)
    throw new InspectError(`rules/policy.json: ${file.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const { policy, errors } = applyOverrides(file.value, pack ?? DEFAULT_PACK, {});
  if (errors.length) throw new InspectError(`--pack ${pack}: ${errors[0]!.message}`);
  return policy;
}

/**
 * The printed shape (issue 3). Given `now` (--now), each order and dispute also gets its timeline
 * (issue 4), worked out at that moment with the chosen rules pack.
 */
export function inspectView(snapshot: PageSnapshot, clock?: { now: Date; pack?: string }) {
  const policy = clock && policyFor(clock.pack);
  const timeline = (order: Order | null, dispute: Dispute | null) =>
    policy && clock ? { timeline: timelineView(timelineFor({ order, dispute, policy, now: clock.now })) } : {};
  const orderById = new Map(snapshot.orders.map((o) => [o.orderId, o]));
  return {
    kind: snapshot.kind,
    locale: snapshot.locale,
    orders: snapshot.orders.map((o) => ({
      ...orderView(o),
      ...timeline(o, disputeOf(snapshot, o.orderId)),
    })),
    // A dispute known only by its line or case gets its timeline once the extension joins it to its order.
    disputes: snapshot.disputes.map((d) => ({
      ...disputeView(d),
      ...(d.orderId !== null ? timeline(orderById.get(d.orderId) ?? null, { ...d, orderId: d.orderId }) : {}),
    })),
    problems: snapshot.problems,
  };
}

/**
 * The page's deadlines as the calendar file the extension exports, in English: one item per
 * order (with its dispute), and one per dispute whose order the page does not list.
 */
export function inspectCalendar(snapshot: PageSnapshot, clock: { now: Date; pack?: string }): string {
  const policy = policyFor(clock.pack);
  const listed = new Set(snapshot.orders.map((o) => o.orderId));
  const items: CalendarItem[] = [
    ...snapshot.orders.map((order): CalendarItem => {
      const dispute = disputeOf(snapshot, order.orderId);
      const timeline = timelineFor({ order, dispute, policy, now: clock.now });
      return {
        orderId: order.orderId,
        disputeId: dispute?.disputeId ?? null,
        storeName: order.storeName,
        url: dispute ? disputeUrl(dispute) : orderDetailUrl(order.orderId),
        deadlines: timeline.deadlines,
      };
    }),
    ...snapshot.disputes.flatMap((d): CalendarItem[] => {
      if (d.orderId === null || listed.has(d.orderId)) return [];
      const dispute = { ...d, orderId: d.orderId };
      const timeline = timelineFor({ order: null, dispute, policy, now: clock.now });
      return [
        {
          orderId: d.orderId,
          disputeId: d.disputeId,
          storeName: null,
          url: disputeUrl(dispute),
          deadlines: timeline.deadlines,
        },
      ];
    }),
  ];
  setLanguage('en');
  return buildCalendar(items, calendarTexts(), clock.now).text;
}

function disputeOf(snapshot: PageSnapshot, orderId: string): Dispute | null {
  const d = snapshot.disputes.find((x) => x.orderId === orderId);
  return d ? { ...d, orderId } : null;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InspectError(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
}

export function inspectSnapshot(file: string, options: InspectOptions = {}): PageSnapshot {
  return inspectFile(file, options).snapshot;
}

/** A saved page report (src/report): its page rebuilt and read, beside what the live page gave. */
export interface ReportCheck {
  extension: string;
  idsMasked: boolean;
  live: { kind: PageKind; problems: PageSnapshot['problems'] };
  /** The rebuilt page gives the live page's kind and problems. */
  same: boolean;
}

function readHtml(text: string, url: string, now: Date): PageSnapshot {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  try {
    const doc = new window.DOMParser().parseFromString(text, 'text/html') as unknown as Document;
    return read(doc, url, now);
  } finally {
    void window.happyDOM.close();
  }
}

function readReport(report: PageReport, now: Date): { snapshot: PageSnapshot; report: ReportCheck } {
  const snapshot = readHtml(reportHtml(report.page), report.url, now);
  // Redacting a redacted text changes nothing (ids are not masked again): the rebuilt page's problems compare as they are.
  const r = redactor({ maskIds: false, labels: BUNDLED_LOCALE_FILES });
  const problems = snapshot.problems.map(r.problem);
  const same =
    snapshot.kind === report.kind && JSON.stringify(problems) === JSON.stringify(report.problems.map(r.problem));
  return {
    snapshot,
    report: {
      extension: report.extension,
      idsMasked: report.idsMasked,
      live: { kind: report.kind, problems: report.problems },
      same,
    },
  };
}

export function inspectFile(
  file: string,
  options: InspectOptions = {},
): { snapshot: PageSnapshot; report?: ReportCheck } {
  // A tool reads with everything the background has: every language, the JSON and card readers.
  useBundledRules();
  useAnswerReader(readAnswer);
  useCardReader(readCards);
  const text = readText(file);
  const now = options.now ?? new Date();
  if (extname(file).toLowerCase() === '.json') {
    // Ids beyond 2^53 stay exact, as in the extension's own tap.
    const json = parseAnswerText(text);
    if (json === undefined) throw new InspectError(`${file} is not valid JSON`);
    // A file saved as a report, or claiming to be one, must be a whole one.
    if (looksLikeReport(json) || /report/i.test(basename(file))) {
      const parsed = parseReport(json);
      if (!parsed.ok) throw new InspectError(`${file}: ${parsed.error}`);
      return readReport(parsed.report, now);
    }
    const api = guessApi(json);
    const url = options.url ?? (api && URL_OF_API[api]) ?? pageOf('order-list')!;
    return { snapshot: read({ json, api }, url, now) };
  }
  // Chrome's "saved from url=" comment keeps the ids a dispute page needs; the file name is the last resort.
  const url = options.url ?? savedFromUrl(text) ?? defaultUrlForHtml(file);
  return { snapshot: readHtml(text, url, now) };
}

export function parseArgs(argv: readonly string[]): { file: string } & InspectOptions {
  let file: string | undefined;
  const options: InspectOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--ics') {
      options.ics = true;
    } else if (arg === '--url' || arg === '--now' || arg === '--pack') {
      const value = argv[++i];
      if (value === undefined) throw new InspectError(`${arg} needs a value`);
      if (arg === '--pack') {
        options.pack = value;
      } else if (arg === '--url') {
        if (!URL.canParse(value)) throw new InspectError(`--url ${value} is not a URL`);
        options.url = value;
      } else {
        const now = new Date(value);
        if (Number.isNaN(now.getTime())) throw new InspectError(`--now ${value} is not an ISO 8601 time`);
        options.now = now;
      }
    } else if (arg.startsWith('--')) {
      throw new InspectError(`unknown option ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new InspectError(`one file at a time (got ${file} and ${arg})`);
    }
  }
  if (!file)
    throw new InspectError(
      'usage: npm run inspect -- FILE [--url URL] [--now ISO] [--pack guide|official-legacy|current] [--ics]',
    );
  return { file, ...options };
}

function main(argv: readonly string[]): number {
  try {
    const { file, ...options } = parseArgs(argv);
    const clock = options.now && { now: options.now, pack: options.pack };
    const { snapshot, report } = inspectFile(file, options);
    if (options.ics) {
      // A calendar of upcoming deadlines needs a "now": the one given, else the real one.
      process.stdout.write(inspectCalendar(snapshot, { now: options.now ?? new Date(), pack: options.pack }));
      return 0;
    }
    const view = { ...inspectView(snapshot, clock), ...(report ? { report } : {}) };
    process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    return 0;
  } catch (error) {
    const message =
      error instanceof InspectError
        ? error.message
        : `failed: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`inspect: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
