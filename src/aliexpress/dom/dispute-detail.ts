/**
 * Dispute (case) detail (`trade.aliexpress.com/issue/fastissue/Detail.htm`): status, who must act,
 * the countdown as an absolute deadline, reason and solution, and whether Escalate is offered now.
 * Ids come from every signal, most trusted first: the URL, a labelled "Order number" row, an order
 * link. When the hashed-class selectors find nothing, status, party, countdown and Escalate are found
 * by what they say, and a `read-by-meaning` problem names each part so the selectors get updated.
 */
import type { IdVia, PageDispute, Problem } from '../../model/index.ts';
import { isCountdownOnly, parseCountdown } from '../text/countdown.ts';
import { textOf } from '../text/normalize.ts';
import {
  disputeStatusOf,
  emptyResult,
  guarded,
  idFromHref,
  idFromTarget,
  isEscalate,
  iso,
  orderIdByLabel,
  ORDER_ID_PARAMS,
  ownTexts,
  partyOf,
  problem,
  type DomContext,
  type DomResult,
  type OwnText,
} from './common.ts';
import { $all, $optional, safeQueryAll, SELECTORS, type Selectors } from './selectors.ts';

type S = Selectors['disputeDetail'];
type Via = NonNullable<PageDispute['via']>;

/** The page's own texts, gathered once and only when a part has to be read by meaning. */
type Texts = () => readonly OwnText[];

const byMeaning = (part: keyof S, orderId: string | null) =>
  problem('read-by-meaning', `disputeDetail.${part}`, orderId);

interface Ids {
  orderId: string | null;
  lineId: string | null;
  disputeId: string | null;
  via: Via;
}

/**
 * The order id from the first signal that has one (URL, label, link). A later signal naming another
 * order is a problem ("disputeDetail.orderId label 8100..." with the id kept as its orderId): the
 * dispute keeps the most trusted id and is never joined to the wrong order.
 */
function orderIdOf(doc: Document, ctx: DomContext, s: S, texts: Texts, problems: Problem[]) {
  const signals: Array<[IdVia, string | null]> = [
    ['url', idFromHref(ctx.url.href, ['orderId', 'tradeOrderId'])],
    ['label', orderIdByLabel(texts(), ctx.locale)],
    ['link', idFromTarget(doc, s.idLink, ORDER_ID_PARAMS)],
  ];
  const first = signals.find(([, id]) => id);
  if (!first) return null;
  const [via, id] = first as [IdVia, string];
  for (const [other, otherId] of signals) {
    if (otherId && otherId !== id)
      problems.push(problem('layout-unrecognized', `disputeDetail.orderId ${other} ${otherId}`, id));
  }
  return { id, via };
}

function idsOf(doc: Document, ctx: DomContext, s: S, texts: Texts, problems: Problem[]): Ids {
  const order = orderIdOf(doc, ctx, s, texts, problems);
  const lineId = idFromHref(ctx.url.href, ['tradeOrderLineId']);
  const disputeId = idFromHref(ctx.url.href, ['reverseOrderLineId', 'issueId']);
  return {
    orderId: order?.id ?? null,
    lineId,
    disputeId,
    via: {
      ...(order && { orderId: order.via }),
      ...(lineId && { lineId: 'url' as const }),
      ...(disputeId && { disputeId: 'url' as const }),
    },
  };
}

/** The first element whose own text is a dispute-status text of the page's language. */
const statusByMeaning = (texts: Texts, locale: string | null) => texts().find((t) => disputeStatusOf(t.text, locale));

/** Whether two elements sit in one small block: a common ancestor at most two levels above each. */
function near(a: Element, b: Element): boolean {
  const above = [a, a.parentElement, a.parentElement?.parentElement];
  return [b, b.parentElement, b.parentElement?.parentElement].some((x) => x && above.includes(x));
}

/**
 * A countdown by its shape ("4 days 23:12:11"), beside the status or who-must-act line or a text
 * that introduces it ("Time left:"); "Time left: 2 days 05:03:09" in one element counts as well.
 */
function countdownByMeaning(texts: Texts, anchors: Element[], locale: string | null): string | null {
  // "Time left:": a short text ending in a colon, the way a page introduces the value after it.
  for (const t of texts()) if (t.text.length <= 40 && /^\D+[:：]$/.test(t.text)) anchors.push(t.el);
  for (const t of texts()) {
    const value = t.text.replace(/^\D+[:：]\s/, '');
    if (isCountdownOnly(value, locale) && (value !== t.text || anchors.some((a) => near(a, t.el)))) return value;
  }
  return null;
}

/** Whether Escalate is offered: among the selectors' buttons, else among every button and link. */
function canEscalate(doc: Document, s: S, locale: string | null, problems: Problem[], orderId: string | null) {
  const buttons = $all(doc, s.button);
  if (buttons.some((b) => isEscalate(textOf(b), locale))) return true;
  if (
    buttons.length === 0 &&
    Array.from(safeQueryAll(doc, 'button, a, [role=button]')).some((b) => isEscalate(textOf(b), locale))
  ) {
    problems.push(byMeaning('button', orderId));
    return true;
  }
  // With the language unknown, a button no supported language names might still be Escalate.
  return locale ? false : null;
}

function readDispute(doc: Document, ctx: DomContext, s: S, problems: Problem[]): PageDispute | null {
  let gathered: OwnText[] | null = null;
  const texts: Texts = () => (gathered ??= ownTexts(doc));
  const ids = idsOf(doc, ctx, s, texts, problems);
  const { orderId } = ids;

  const selected = $optional(doc, s.status);
  const found = selected ? null : statusByMeaning(texts, ctx.locale);
  const statusEl = selected ?? found?.el;
  if (!statusEl) {
    problems.push(problem('layout-unrecognized', 'disputeDetail.status', orderId));
    return null;
  }
  if (!orderId && !ids.lineId && !ids.disputeId) {
    problems.push(problem('order-id-missing', 'dispute detail'));
    return null;
  }
  if (found) problems.push(byMeaning('status', orderId));
  const statusText = (found ? found.text : textOf(statusEl)) || null;
  const known = statusText ? disputeStatusOf(statusText, ctx.locale) : null;
  if (statusText && !known) problems.push(problem('unknown-status', statusText, orderId));

  const awaitingEl = $optional(doc, s.awaiting);
  let awaiting = awaitingEl ? partyOf(textOf(awaitingEl), ctx.locale) : null;
  let awaitingAt = awaitingEl;
  if (!awaitingEl) {
    const party = texts().find((t) => t.text.length <= 80 && partyOf(t.text, ctx.locale));
    if (party) {
      awaiting = partyOf(party.text, ctx.locale);
      awaitingAt = party.el;
      problems.push(byMeaning('awaiting', orderId));
    }
  }

  const countdownEl = $optional(doc, s.countdown);
  let countdownText = countdownEl ? textOf(countdownEl) : null;
  if (!countdownEl) {
    const anchors = [statusEl, awaitingAt].filter((a): a is Element => !!a);
    countdownText = countdownByMeaning(texts, anchors, ctx.locale);
    if (countdownText) problems.push(byMeaning('countdown', orderId));
  }
  const deadline = countdownText ? parseCountdown(countdownText, ctx.locale, ctx.readAt) : null;
  if (countdownText && !deadline) problems.push(problem('countdown-unparsed', countdownText.slice(0, 120), orderId));

  return {
    orderId,
    lineId: ids.lineId,
    disputeId: ids.disputeId,
    status: known ?? 'unknown',
    statusText,
    awaiting,
    deadline: iso(deadline),
    canEscalate: canEscalate(doc, s, ctx.locale, problems, orderId),
    openedAt: null,
    reason: textOf($optional(doc, s.reason)) || null,
    solution: textOf($optional(doc, s.solution)) || null,
    via: ids.via,
  };
}

export function readDisputeDetail(doc: Document, ctx: DomContext): DomResult {
  const result = emptyResult();
  if (!SELECTORS.ok) return { ...result, problems: [problem('layout-unrecognized', SELECTORS.message)] };
  const s = SELECTORS.selectors.disputeDetail;
  const dispute = guarded(result.problems, 'dispute detail', null, () => readDispute(doc, ctx, s, result.problems));
  if (dispute) result.disputes.push(dispute);
  return result;
}
