import { useState } from 'preact/hooks';
import { t, tKey } from '../i18n/core.ts';
import type { Phase } from '../model/index.ts';
import { DISPUTE_STEPS, dueStep, OPEN_STEPS, type StepInfo } from './steps.ts';

export interface StepChecklistProps {
  orderId: string;
  phase: Phase;
  /** Step ids already ticked (from the store). */
  ticked: ReadonlySet<string>;
  onTick: (stepId: string, done: boolean) => Promise<unknown>;
}

/** The refund steps as a checklist; the one due now is marked, so the shopper sees where they are. */
export function StepChecklist({ orderId, phase, ticked, onTick }: StepChecklistProps) {
  // Optimistic ticks so the box answers at once; the store's live update confirms them.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const isDone = (id: string) => pending[id] ?? ticked.has(id);
  const done = new Set([...OPEN_STEPS, ...DISPUTE_STEPS].filter((s) => isDone(s.id)).map((s) => s.id));
  const due = dueStep(phase, done);

  const toggle = (step: StepInfo, value: boolean) => {
    setPending((p) => ({ ...p, [step.id]: value }));
    setError(null);
    onTick(step.id, value).then(
      () => undefined,
      (e: unknown) => {
        setPending((p) => ({ ...p, [step.id]: !value }));
        setError(t('stepsSaveFailed', e instanceof Error ? e.message : String(e)));
      },
    );
  };

  const group = (steps: StepInfo[], start: number) => (
    <ol class="rr-steps" start={start}>
      {steps.map((step) => {
        const id = `rr-step-${orderId}-${step.id}`;
        const isDue = step.id === due;
        return (
          <li
            key={step.id}
            class={isDue ? 'rr-step rr-step--due' : 'rr-step'}
            aria-current={isDue ? 'step' : undefined}
            data-step={step.id}
          >
            <input
              id={id}
              type="checkbox"
              checked={isDone(step.id)}
              onChange={(e) => toggle(step, e.currentTarget.checked)}
            />
            <label for={id}>{tKey(step.key)}</label>
            {isDue && <strong class="rr-due">{t('stepDueNow')}</strong>}
          </li>
        );
      })}
    </ol>
  );

  return (
    <section class="rr-checklist" aria-label={t('stepsTitle')}>
      <p class="rr-progress">{t('stepsProgress', done.size, OPEN_STEPS.length + DISPUTE_STEPS.length)}</p>
      {group(OPEN_STEPS, 1)}
      {group(DISPUTE_STEPS, OPEN_STEPS.length + 1)}
      {error && (
        <p role="alert" class="rr-error">
          {error}
        </p>
      )}
    </section>
  );
}
