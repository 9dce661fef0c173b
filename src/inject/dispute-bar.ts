import { formatDateTime, formatDuration } from '../i18n/format.ts';
import { t, type MessageKey } from '../i18n/core.ts';
import type { Dispute, PageSnapshot, Party, Source, Timeline } from '../model/index.ts';
import { timeLeft } from '../timeline/time.ts';
import { AWAITING_KEYS } from '../ui/labels.ts';
import { el, trusted } from './dom.ts';
import { ourIcon } from './icon.ts';
import { dated, escalationMark } from './marks.ts';

/** What the bar says: who must act, or that the case is over, or that the page is still being read. */
export type BarState = Party | 'unknown' | 'reading' | 'refunded' | 'closed';

const STATE_KEYS: Record<BarState, MessageKey> = {
  ...AWAITING_KEYS,
  reading: 'barReading',
  refunded: 'barRefunded',
  closed: 'barClosed',
};

/** Who must act when a page names only the status (a refund list, or a case page that shows no party). */
const PARTY_OF_STATUS: Partial<Record<Dispute['status'], Party>> = {
  'awaiting-seller': 'seller',
  'awaiting-buyer': 'buyer',
  'awaiting-return': 'buyer',
  escalated: 'aliexpress',
  'refund-pending': 'aliexpress',
};

type Shown = Pick<Dispute, 'status' | 'awaiting' | 'deadline'> & Partial<Pick<Dispute, 'entered'>>;

/** A finished case has nothing left to do, whoever the page last named; else the party, else the status's. */
export function barState(dispute: Shown | null): BarState {
  if (!dispute) return 'unknown';
  if (dispute.status === 'refunded' || dispute.status === 'closed') return dispute.status;
  return dispute.awaiting ?? PARTY_OF_STATUS[dispute.status] ?? 'unknown';
}

/** The dispute this page's reading shows: the one its URL names, or the only one a case page has. */
export function pageDispute(
  snapshot: PageSnapshot,
  ids: { lineId: string | null; disputeId: string | null },
): Shown | null {
  if (snapshot.kind !== 'dispute-detail') return null;
  const { disputes } = snapshot;
  const named = disputes.find(
    (d) => (ids.disputeId && d.disputeId === ids.disputeId) || (ids.lineId && d.lineId === ids.lineId),
  );
  return named ?? (disputes.length === 1 ? disputes[0]! : null);
}

export interface BarFacts {
  /** The dispute as this page shows it, else as stored; null when neither is known. */
  dispute: Shown | null;
  timeline: Timeline | null;
  /** The page has not been read yet: nothing is said until it is. */
  reading: boolean;
  /** Whether AliExpress shows its Escalate button on this page right now. */
  escalateShown: boolean;
  now: number;
}

export interface DisputeBar {
  root: HTMLElement;
  /** Redraws what the bar says in place, so focus on its buttons survives a new reading. */
  update(facts: BarFacts): void;
  /** Focus for when the shopper brings the bar back. */
  focus(): void;
}

/** The time the party who must act has: the page's countdown, else the seller's deadline from the timeline. */
function countdown(dispute: Shown | null, timeline: Timeline | null): { at: string; source: Source } | null {
  if (dispute?.deadline)
    return { at: dispute.deadline, source: dispute.entered?.includes('deadline') ? 'shopper' : 'page' };
  const seller = timeline?.deadlines.find((d) => d.kind === 'seller-response');
  return dispute?.awaiting === 'seller' && seller ? seller : null;
}

function timeLine(dispute: Shown | null, timeline: Timeline | null, now: number): HTMLElement | null {
  const due = countdown(dispute, timeline);
  if (!due) return null;
  const left = timeLeft(due.at, new Date(now));
  const text = left.past
    ? t('barTimeOver', formatDateTime(due.at))
    : t('barTimeLeft', formatDuration(left), formatDateTime(due.at));
  return el('span', { class: 'rr-bar-left' }, ...dated(due.at, text, due.source));
}

/** A compact bar on a dispute page: who must act, the time left, and when escalation opens. */
export function disputeBar({
  onShowEscalate,
  onHide,
  onTrack,
}: {
  onShowEscalate: () => void;
  onHide: () => void;
  /** Opens "Track this dispute yourself" (to add, or to edit what the shopper entered). */
  onTrack?: () => void;
}): DisputeBar {
  const who = el('strong', { class: 'rr-bar-who', role: 'status', tabindex: -1 });
  const details = el('div', { class: 'rr-bar-details' });
  const escalate = el(
    'button',
    { type: 'button', class: 'rr-ours', onClick: trusted(onShowEscalate) },
    t('barShowEscalate'),
  );
  const track = el('button', { type: 'button', class: 'rr-ours', onClick: trusted(() => onTrack?.()) });
  const root = el(
    'section',
    { class: 'rr-bar', 'aria-label': t('barLabel') },
    ourIcon(),
    who,
    details,
    escalate,
    track,
    el('button', { type: 'button', class: 'rr-link', onClick: trusted(onHide) }, t('barHide')),
  );
  return {
    root,
    update({ dispute, timeline, reading, escalateShown, now }) {
      const state = reading ? 'reading' : barState(dispute);
      root.dataset.awaiting = state;
      root.setAttribute('aria-busy', String(reading));
      who.textContent = t(STATE_KEYS[state]);
      const open = !reading && state !== 'refunded' && state !== 'closed';
      details.replaceChildren(
        ...[
          open && timeLine(dispute, timeline, now),
          open && timeline ? escalationMark(timeline.deadlines, now) : null,
        ].filter((n): n is HTMLElement => !!n),
      );
      escalate.hidden = !escalateShown;
      // When no page told who must act or the time left, the shopper can tell it; what they told, they can edit.
      const offer = trackOffer(reading, state, dispute, timeline);
      track.hidden = !onTrack || !offer;
      track.textContent = offer ? t(offer) : '';
    },
    focus: () => who.focus(),
  };
}

/** "Edit" once the shopper entered it, "Track this dispute yourself" while its party or countdown is unknown. */
function trackOffer(reading: boolean, state: BarState, dispute: Shown | null, timeline: Timeline | null) {
  if (reading || state === 'refunded' || state === 'closed') return null;
  if (dispute?.entered?.length) return 'barEdit' as const;
  const noClock = (state === 'seller' || state === 'buyer') && !countdown(dispute, timeline);
  return state === 'unknown' || noClock ? ('barTrack' as const) : null;
}

/** What stands for the bar while it is hidden: a small tab that brings it back. */
export function barTab(onShow: () => void): HTMLButtonElement {
  return el(
    'button',
    { type: 'button', class: 'rr-ours rr-tab', 'aria-label': t('barShowAgain'), onClick: trusted(onShow) },
    ourIcon(),
    t('brandName'),
  );
}
