import { formatDateTime, formatDay } from '../i18n/format.ts';
import { t, tKey, type MessageKey } from '../i18n/core.ts';
import type { Dated, Eligibility } from '../model/index.ts';
import { PITFALLS, REASONS, type ReasonId } from '../ui/steps.ts';
import type { OrderFacts } from './data.ts';
import { el } from './dom.ts';
import { dated } from './marks.ts';

const DRAFTS: Record<ReasonId, MessageKey> = {
  'not-received': 'messageNotReceived',
  'not-as-described': 'messageNotAsDescribed',
  defective: 'messageDefective',
  'wrong-size': 'messageWrongSize',
  damaged: 'messageDamaged',
  'missing-parts': 'messageMissingParts',
};

/** Pitfalls worth a line in the panel: the ones about a claim in progress, not bank delays. */
const PANEL_PITFALLS = new Set([
  'pitfallConfirmEarly',
  'pitfallCancelDispute',
  'pitfallEvidenceSize',
  'pitfallEvidenceDeadline',
]);

/** Why no dispute can be opened here, and where to go instead (a link, when there is a page for it). */
const WHY_NOT: Partial<Record<Eligibility['kind'], { text: MessageKey; link?: MessageKey }>> = {
  'not-paid': { text: 'helperNotPaid' },
  'not-shipped': { text: 'helperNotShipped' },
  closed: { text: 'helperClosed' },
  refunded: { text: 'helperRefunded' },
  'in-dispute': { text: 'helperInDispute', link: 'helperGoToDispute' },
  unknown: { text: 'helperUnknown', link: 'helperOpenDetails' },
  'too-late': { text: 'helperTooLate' },
};

/** What the shopper chose and wrote for one order: kept while the page lives, so closing the panel loses nothing. */
export interface PanelMemory {
  reason: ReasonId | null;
  /** The message as edited, or null while it is the drafted text. */
  draft: string | null;
}

export interface HelperPanelProps {
  orderId: string;
  now: number;
  memory: PanelMemory;
  onClose: () => void;
  /** Scrolls to and highlights AliExpress's button in this order's own card; false when it has none. */
  onTakeMeThere: () => boolean;
  /** Notes that the shopper went to open a dispute: an intent, no dispute. */
  onWent: (reason: ReasonId | null) => Promise<unknown>;
  copy: (text: string) => Promise<void>;
  /** The order's details page, when the shopper is not on it. */
  detailsUrl: string | null;
}

export interface HelperPanel {
  root: HTMLElement;
  /** Shows what the store knows (null while it is being asked). */
  setFacts(facts: OrderFacts | null): void;
  focus(): void;
}

type Notice = { kind: 'ok' | 'error'; text: string };

const showNotice = (target: HTMLElement, notice: Notice) => {
  target.className = notice.kind === 'error' ? 'rr-error' : 'rr-ok';
  target.textContent = notice.text;
};

/** A link to an AliExpress page, opened by the shopper. */
const pageLink = (href: string, text: string) => el('a', { href, class: 'rr-link' }, text);

/** The Start refund panel: reason, whether a dispute can be opened, evidence, a draft, and the way to AliExpress's button. */
export function helperPanel(props: HelperPanelProps): HelperPanel {
  const { orderId, now, memory, onClose, onTakeMeThere, onWent, copy, detailsUrl } = props;
  let facts: OrderFacts | null = null;

  const title = el('h2', { id: 'rr-helper-title', tabindex: -1 }, t('helperTitle'));
  const when = el('div', { class: 'rr-when' });
  const details = el('div', { class: 'rr-details' });
  const go = el('div', { class: 'rr-go' });
  const went = el('span', { class: 'rr-ok' });
  const noted = el('span', { class: 'rr-ok' });
  const status = el('p', { role: 'status' }, went, ' ', noted);

  const drawWhen = () => {
    const e = facts ? (facts.eligibility ?? null) : null;
    when.replaceChildren(...whenLines(e, now, memory.reason));
    // Only where a dispute can be opened is there a button of AliExpress's to lead to.
    const open = e && (e.kind === 'now' || e.kind === 'from' || e.kind === 'act-before');
    go.replaceChildren(
      ...(open ? [el('button', { type: 'button', class: 'rr-primary', onClick: onGo }, t('helperTakeMeThere'))] : []),
      status,
    );
  };

  const drawDetails = () => {
    const reason = memory.reason;
    const info = REASONS.find((r) => r.id === reason);
    if (!info || !reason) return details.replaceChildren();
    const list = (keys: readonly string[], item: (key: string) => Node) =>
      el('ul', {}, ...keys.map((key) => el('li', {}, item(key))));
    const draft = el('textarea', {
      id: 'rr-draft',
      rows: 6,
      value: memory.draft ?? t(DRAFTS[reason], orderId),
      onInput: () => (memory.draft = draft.value),
    });
    const copied = el('span', { role: 'status', class: 'rr-ok' });
    const onCopy = () =>
      copy(draft.value).then(
        () => showNotice(copied, { kind: 'ok', text: t('helperCopied') }),
        () => showNotice(copied, { kind: 'error', text: t('helperCopyFailed') }),
      );
    details.replaceChildren(
      el(
        'section',
        { class: 'rr-evidence' },
        el('h3', {}, t('helperEvidenceTitle')),
        list(info.evidence, (key) => el('label', {}, el('input', { type: 'checkbox' }), ' ', tKey(key))),
        el('h3', {}, t('helperAdviceTitle')),
        list(info.advice, (key) => document.createTextNode(tKey(key))),
        el('h3', {}, t('helperPitfallsTitle')),
        list(
          PITFALLS.filter((key) => PANEL_PITFALLS.has(key)),
          (key) => document.createTextNode(tKey(key)),
        ),
      ),
      el(
        'section',
        { class: 'rr-message' },
        el('h3', {}, t('helperMessageTitle')),
        el('label', { for: 'rr-draft' }, t('helperMessageLabel')),
        draft,
        el('button', { type: 'button', onClick: () => void onCopy() }, t('helperCopy')),
        copied,
      ),
    );
  };

  const pick = (id: ReasonId) => {
    if (memory.reason !== id) memory.draft = null;
    memory.reason = id;
    drawWhen();
    drawDetails();
  };

  function onGo() {
    if (!onTakeMeThere()) {
      showNotice(went, { kind: 'error', text: t('helperTargetMissing') });
      if (detailsUrl) went.append(' ', pageLink(detailsUrl, t('helperOpenDetails')));
      return;
    }
    showNotice(went, { kind: 'ok', text: t('helperTargetShown') });
    onWent(memory.reason).then(
      () => showNotice(noted, { kind: 'ok', text: t('helperWentNoted') }),
      (e: unknown) =>
        showNotice(noted, { kind: 'error', text: t('helperNoteFailed', e instanceof Error ? e.message : String(e)) }),
    );
  }

  const root = el(
    'div',
    {
      class: 'rr-panel',
      role: 'dialog',
      'aria-labelledby': 'rr-helper-title',
      onKeyDown: (e) => {
        if ((e as KeyboardEvent).key === 'Escape') onClose();
      },
    },
    el(
      'header',
      { class: 'rr-panel-head' },
      title,
      el('span', { class: 'rr-order-id' }, t('orderLabel', orderId)),
      el('button', { type: 'button', class: 'rr-close', 'aria-label': t('helperClose'), onClick: onClose }, '×'),
    ),
    el(
      'fieldset',
      { class: 'rr-reasons' },
      el('legend', {}, t('helperReasonLegend')),
      ...REASONS.map((r) =>
        el(
          'label',
          { class: 'rr-reason' },
          el('input', {
            type: 'radio',
            name: 'rr-reason',
            value: r.id,
            checked: memory.reason === r.id,
            onChange: () => pick(r.id),
          }),
          tKey(r.key),
        ),
      ),
    ),
    when,
    details,
    go,
    el('p', { class: 'rr-note' }, t('helperNeverSubmits')),
  );
  drawWhen();
  drawDetails();
  return {
    root,
    setFacts(next) {
      facts = next;
      drawWhen();
    },
    focus: () => title.focus(),
  };
}

const sourced = (d: Dated, text: string, attr: string) =>
  el('p', { 'data-when': attr }, ...dated(d.at, text, d.source));

const protectionLine = (p: Dated | null, now: number): Node[] => {
  if (!p) return [];
  const at = formatDateTime(p.at);
  const ended = Date.parse(p.at) <= now;
  return [sourced(p, ended ? t('helperProtectionEnded', at) : t('helperProtectionUntil', at), 'protection')];
};

/**
 * Whether a dispute can be opened now or from when, each date with its source; when it cannot,
 * why and what to do instead. Only an undelivered parcel waits for its delivery promise: a broken
 * or wrong item that arrived need not.
 */
function whenLines(e: Eligibility | null, now: number, reason: ReasonId | null): Node[] {
  if (!e) return [el('p', {}, t('helperProtectionUnknown'))];
  const arrived = reason !== null && reason !== 'not-received';
  switch (e.kind) {
    case 'now':
      return [el('p', { 'data-when': 'now' }, t('helperCanOpenNow')), ...protectionLine(e.protection, now)];
    case 'from':
      return [
        arrived
          ? el('p', { 'data-when': 'now' }, t('helperCanOpenNow'))
          : sourced(e.opens, t('helperOpensFrom', formatDay(e.opens.at)), 'opens'),
        ...protectionLine(e.protection, now),
      ];
    case 'act-before':
      return [
        sourced(e.protection, t('helperActBefore', formatDateTime(e.protection.at)), 'act-before'),
        arrived
          ? el('p', { 'data-when': 'now' }, t('helperCanOpenNow'))
          : sourced(e.opens, t('helperOpensAfterProtection', formatDay(e.opens.at)), 'opens'),
      ];
    default: {
      const why = WHY_NOT[e.kind]!;
      const line = el('p', { 'data-when': e.kind }, t(why.text));
      if (why.link && 'url' in e) line.append(' ', pageLink(e.url, t(why.link)));
      return [line, ...(e.kind === 'too-late' ? protectionLine(e.protection, now) : [])];
    }
  }
}
