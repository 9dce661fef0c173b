import { formatDateTime, formatDay } from '../i18n/format.ts';
import { t, tKey, type MessageKey } from '../i18n/core.ts';
import type { Deadline } from '../model/index.ts';
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

export interface HelperPanelProps {
  orderId: string;
  now: number;
  onClose: () => void;
  /** Scrolls to and highlights AliExpress's button; false when the page has none. */
  onTakeMeThere: () => boolean;
  onStart: (reason: ReasonId) => Promise<unknown>;
  copy: (text: string) => Promise<void>;
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

/** The Start refund panel: reason, whether a dispute can be opened, evidence, a draft, and the way to AliExpress's button. */
export function helperPanel({ orderId, now, onClose, onTakeMeThere, onStart, copy }: HelperPanelProps): HelperPanel {
  let reason: ReasonId | null = null;
  let facts: OrderFacts | null = null;

  const title = el('h2', { id: 'rr-helper-title', tabindex: -1 }, t('helperTitle'));
  const when = el('div', { class: 'rr-when' });
  const details = el('div', { class: 'rr-details' });
  const went = el('span', { class: 'rr-ok' });
  const started = el('span', { class: 'rr-ok' });

  const drawWhen = () => when.replaceChildren(...whenLines(facts, now, reason));

  const drawDetails = () => {
    const info = REASONS.find((r) => r.id === reason);
    if (!info || !reason) return details.replaceChildren();
    const list = (keys: readonly string[], item: (key: string) => Node) =>
      el('ul', {}, ...keys.map((key) => el('li', {}, item(key))));
    const draft = el('textarea', { id: 'rr-draft', rows: 6, value: t(DRAFTS[reason], orderId) });
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
    reason = id;
    drawWhen();
    drawDetails();
  };

  const onGo = () => {
    const found = onTakeMeThere();
    showNotice(
      went,
      found ? { kind: 'ok', text: t('helperTargetShown') } : { kind: 'error', text: t('helperTargetMissing') },
    );
    if (!reason) return;
    onStart(reason).then(
      () => showNotice(started, { kind: 'ok', text: t('helperStarted') }),
      (e: unknown) =>
        showNotice(started, {
          kind: 'error',
          text: t('helperStartFailed', e instanceof Error ? e.message : String(e)),
        }),
    );
  };

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
          el('input', { type: 'radio', name: 'rr-reason', value: r.id, onChange: () => pick(r.id) }),
          tKey(r.key),
        ),
      ),
    ),
    when,
    details,
    el(
      'div',
      { class: 'rr-go' },
      el('button', { type: 'button', class: 'rr-primary', onClick: onGo }, t('helperTakeMeThere')),
      el('p', { role: 'status' }, went, ' ', started),
    ),
    el('p', { class: 'rr-note' }, t('helperNeverSubmits')),
  );
  drawWhen();
  return {
    root,
    setFacts(next) {
      facts = next;
      drawWhen();
    },
    focus: () => title.focus(),
  };
}

/** Whether a dispute can be opened now or from when, and until when protection runs, each with its source. */
function whenLines(facts: OrderFacts | null, now: number, reason: ReasonId | null): Node[] {
  if (!facts?.timeline) return [el('p', {}, t('helperProtectionUnknown'))];
  const deadlines = facts.timeline.deadlines;
  const find = (kind: Deadline['kind']) => deadlines.find((d) => d.kind === kind);
  const opens = find('dispute-opens');
  const protection = find('protection-ends');
  const expired = facts.timeline.phase === 'protection-expired' || (protection && Date.parse(protection.at) <= now);
  // Only an undelivered parcel has to wait for its promised delivery time to pass.
  const waitsForDelivery = opens && Date.parse(opens.at) > now && (reason === null || reason === 'not-received');
  const lines: Node[] = [];
  if (!expired)
    lines.push(
      waitsForDelivery
        ? el('p', { 'data-when': 'opens' }, ...dated(opens.at, t('helperOpensFrom', formatDay(opens.at)), opens.source))
        : el('p', { 'data-when': 'now' }, t('helperCanOpenNow')),
    );
  if (protection) {
    const at = formatDateTime(protection.at);
    const text = expired ? t('helperProtectionEnded', at) : t('helperProtectionUntil', at);
    lines.push(el('p', { 'data-when': 'protection' }, ...dated(protection.at, text, protection.source)));
  }
  if (!protection && expired) lines.push(el('p', { 'data-when': 'expired' }, t('phaseProtectionExpired')));
  return lines;
}
