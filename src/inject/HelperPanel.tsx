import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime, formatDay } from '../i18n/format.ts';
import { t, tKey, type MessageKey } from '../i18n/core.ts';
import type { Deadline } from '../model/index.ts';
import { SourceMark } from '../ui/SourceMark.tsx';
import { PITFALLS, REASONS, type ReasonId } from '../ui/steps.ts';
import type { OrderFacts } from './data.ts';

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
  facts: OrderFacts | null;
  now: number;
  onClose: () => void;
  /** Scrolls to and highlights AliExpress's button; false when the page has none. */
  onTakeMeThere: () => boolean;
  onStart: (reason: ReasonId) => Promise<unknown>;
  copy: (text: string) => Promise<void>;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** The Start refund panel: reason, whether a dispute can be opened, evidence, a draft, and the way to AliExpress's button. */
export function HelperPanel({ orderId, facts, now, onClose, onTakeMeThere, onStart, copy }: HelperPanelProps) {
  const [reason, setReason] = useState<ReasonId | null>(null);
  const [draft, setDraft] = useState('');
  const [copied, setCopied] = useState<Notice>(null);
  const [went, setWent] = useState<Notice>(null);
  const [started, setStarted] = useState<Notice>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => titleRef.current?.focus(), []);

  const pick = (id: ReasonId) => {
    setReason(id);
    setDraft(t(DRAFTS[id], orderId));
    setCopied(null);
  };

  const onCopy = () =>
    copy(draft).then(
      () => setCopied({ kind: 'ok', text: t('helperCopied') }),
      () => setCopied({ kind: 'error', text: t('helperCopyFailed') }),
    );

  const onGo = () => {
    const found = onTakeMeThere();
    setWent(found ? { kind: 'ok', text: t('helperTargetShown') } : { kind: 'error', text: t('helperTargetMissing') });
    if (!reason) return;
    onStart(reason).then(
      () => setStarted({ kind: 'ok', text: t('helperStarted') }),
      (e: unknown) =>
        setStarted({ kind: 'error', text: t('helperStartFailed', e instanceof Error ? e.message : String(e)) }),
    );
  };

  const info = REASONS.find((r) => r.id === reason);
  return (
    <div
      class="rr-panel"
      role="dialog"
      aria-labelledby="rr-helper-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header class="rr-panel-head">
        <h2 id="rr-helper-title" tabIndex={-1} ref={titleRef}>
          {t('helperTitle')}
        </h2>
        <span class="rr-order-id">{t('orderLabel', orderId)}</span>
        <button type="button" class="rr-close" aria-label={t('helperClose')} onClick={onClose}>
          ×
        </button>
      </header>

      <fieldset class="rr-reasons">
        <legend>{t('helperReasonLegend')}</legend>
        {REASONS.map((r) => (
          <label key={r.id} class="rr-reason">
            <input type="radio" name="rr-reason" value={r.id} checked={reason === r.id} onChange={() => pick(r.id)} />
            {tKey(r.key)}
          </label>
        ))}
      </fieldset>

      <When facts={facts} now={now} reason={reason} />

      {info && (
        <>
          <section class="rr-evidence">
            <h3>{t('helperEvidenceTitle')}</h3>
            <ul>
              {info.evidence.map((key) => (
                <li key={key}>
                  <label>
                    <input type="checkbox" /> {tKey(key)}
                  </label>
                </li>
              ))}
            </ul>
            <h3>{t('helperAdviceTitle')}</h3>
            <ul>
              {info.advice.map((key) => (
                <li key={key}>{tKey(key)}</li>
              ))}
            </ul>
            <h3>{t('helperPitfallsTitle')}</h3>
            <ul>
              {PITFALLS.filter((key) => PANEL_PITFALLS.has(key)).map((key) => (
                <li key={key}>{tKey(key)}</li>
              ))}
            </ul>
          </section>

          <section class="rr-message">
            <h3>{t('helperMessageTitle')}</h3>
            <label for="rr-draft">{t('helperMessageLabel')}</label>
            <textarea id="rr-draft" rows={6} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
            <button type="button" onClick={() => void onCopy()}>
              {t('helperCopy')}
            </button>
            <span role="status" class={copied?.kind === 'error' ? 'rr-error' : 'rr-ok'}>
              {copied?.text ?? ''}
            </span>
          </section>
        </>
      )}

      <div class="rr-go">
        <button type="button" class="rr-primary" onClick={onGo}>
          {t('helperTakeMeThere')}
        </button>
        <p role="status" class={went?.kind === 'error' ? 'rr-error' : 'rr-ok'}>
          {went?.text ?? ''} {started?.text ?? ''}
        </p>
      </div>
      <p class="rr-note">{t('helperNeverSubmits')}</p>
    </div>
  );
}

/** Whether a dispute can be opened now or from when, and until when protection runs, each with its source. */
function When({ facts, now, reason }: { facts: OrderFacts | null; now: number; reason: ReasonId | null }) {
  const deadlines = facts?.timeline?.deadlines ?? [];
  const find = (kind: Deadline['kind']) => deadlines.find((d) => d.kind === kind);
  const opens = find('dispute-opens');
  const protection = find('protection-ends');
  if (!facts?.timeline) return <p class="rr-when">{t('helperProtectionUnknown')}</p>;
  const expired = facts.timeline.phase === 'protection-expired' || (protection && Date.parse(protection.at) <= now);
  // Only an undelivered parcel has to wait for its promised delivery time to pass.
  const waitsForDelivery = opens && Date.parse(opens.at) > now && (reason === null || reason === 'not-received');
  return (
    <div class="rr-when">
      {!expired &&
        (waitsForDelivery ? (
          <p data-when="opens">
            <time dateTime={opens.at}>{t('helperOpensFrom', formatDay(opens.at))}</time>{' '}
            <SourceMark source={opens.source} />
          </p>
        ) : (
          <p data-when="now">{t('helperCanOpenNow')}</p>
        ))}
      {protection && (
        <p data-when="protection">
          <time dateTime={protection.at}>
            {expired
              ? t('helperProtectionEnded', formatDateTime(protection.at))
              : t('helperProtectionUntil', formatDateTime(protection.at))}
          </time>{' '}
          <SourceMark source={protection.source} />
        </p>
      )}
      {!protection && expired && <p data-when="expired">{t('phaseProtectionExpired')}</p>}
    </div>
  );
}
