import { useEffect, useMemo, useState } from 'preact/hooks';
import { DisputeForm, type OrderActions } from './DisputeForm.tsx';
import { t } from '../i18n/core.ts';
import { CalendarButton, type CalendarApi } from './CalendarButton.tsx';
import { EmptyState } from './EmptyState.tsx';
import type { Entry } from '../timeline/tracked.ts';
import { OrderList } from './OrderList.tsx';
import { PageReportOffer, type PageReportSource } from './PageReportOffer.tsx';
import { RecentReminders, type RemindersApi } from './RecentReminders.tsx';

/** The background's list (src/timeline/summary.ts): the first of the orders that need the shopper, most urgent first. */
export interface PopupData {
  entries: Entry[];
  /** How many orders are tracked. */
  total: number;
  /** How many orders need the shopper: `entries` is the first of them. */
  needing: number;
  /** True for the last opening's first screen, shown until the background answers. */
  cached?: boolean;
}

/** Live data: calls `next` with every new state of the store until the returned function is called. */
export type Subscribe = (next: (data: PopupData) => void, fail: (error: unknown) => void) => () => void;

export interface PopupProps {
  subscribe: Subscribe;
  open: (url: string) => void;
  openOptions: () => void;
  onTick: (orderId: string, stepId: string, done: boolean) => Promise<unknown>;
  /** The shopper's answer to "did you submit it?". */
  onAnswer?: (orderId: string, submitted: boolean) => Promise<unknown>;
  /** What to show before `subscribe` first answers (the last opening's first screen), if anything. */
  initial?: PopupData | null;
  /** The shopper asked for more cards than `entries` holds: the next answers should bring `count`. */
  more?: (count: number) => void;
  /** Add a dispute, Refund received, Stop tracking (with Undo). */
  actions?: OrderActions;
  /** The clock, injectable for tests; countdowns refresh every minute. */
  clock?: () => number;
  /** The current tab's page report, offered when its readers reported problems (issue 16). */
  pageReport?: PageReportSource;
  /** "Add to calendar (.ics)" under the list, when orders are tracked. */
  calendar?: CalendarApi;
  /** Reminders of the last day and their snooze (issue 15). */
  reminders?: RemindersApi;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: PopupData };

/** How long "Stop tracking" can be undone. */
export const UNDO_MS = 10_000;

export function Popup({
  subscribe,
  open,
  openOptions,
  onTick,
  onAnswer,
  actions,
  initial,
  more,
  clock = Date.now,
  pageReport,
  calendar,
  reminders,
}: PopupProps) {
  const [state, setState] = useState<State>(() => (initial ? { kind: 'ready', data: initial } : { kind: 'loading' }));
  const [now, setNow] = useState(clock);
  const [adding, setAdding] = useState(false);
  const [undo, setUndo] = useState<{ orderId: string; forgotten: unknown } | null>(null);
  // Stop tracking keeps what it removed for a few seconds, so Undo can put back the exact records.
  const cardActions = useMemo(
    () =>
      actions && {
        ...actions,
        forget: async (orderId: string) => {
          const forgotten = await actions.forget(orderId);
          if (forgotten) setUndo({ orderId, forgotten });
          return forgotten;
        },
      },
    [actions],
  );
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  useEffect(
    () =>
      subscribe(
        (data) => setState({ kind: 'ready', data }),
        (error) => setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
      ),
    [subscribe],
  );
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), 60_000);
    return () => clearInterval(timer);
  }, [clock]);

  const needing = state.kind === 'ready' ? state.data.entries : [];
  const total = state.kind === 'ready' ? state.data.total : 0;

  return (
    <main class="rr-popup" data-state={state.kind === 'ready' ? (state.data.cached ? 'cached' : 'live') : state.kind}>
      <header class="rr-header">
        <h1>{t('statusTitle')}</h1>
        {state.kind === 'ready' && total > 0 && <span class="rr-count">{t('popupCount', total)}</span>}
        {actions && (
          <button type="button" class="rr-link" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t('popupAddDispute')}
          </button>
        )}
        <button type="button" class="rr-link" onClick={openOptions}>
          {t('popupSettings')}
        </button>
      </header>
      {undo && (
        <p class="rr-toast" role="status">
          {t('popupStopped', undo.orderId)}{' '}
          <button
            type="button"
            onClick={() => {
              setUndo(null);
              void actions?.restore(undo.forgotten);
            }}
          >
            {t('popupUndo')}
          </button>
        </p>
      )}
      {actions && adding && <DisputeForm orderId="" actions={actions} now={now} onDone={() => setAdding(false)} />}
      {pageReport && <PageReportOffer source={pageReport} />}
      {state.kind === 'loading' && <p aria-busy="true">{t('statusLoading')}</p>}
      {state.kind === 'error' && (
        <p role="alert" class="rr-error">
          {t('popupError', state.message)}
        </p>
      )}
      {reminders && <RecentReminders api={reminders} />}
      {state.kind === 'ready' && total === 0 && <EmptyState open={open} />}
      {state.kind === 'ready' && total > 0 && (
        <>
          <h2 class="rr-heading">{t('popupHeading')}</h2>
          {needing.length === 0 ? (
            <p class="rr-quiet">{t('popupAllQuiet', total)}</p>
          ) : (
            <OrderList
              entries={needing}
              total={Math.max(state.data.needing, needing.length)}
              now={now}
              open={open}
              onTick={onTick}
              onAnswer={onAnswer}
              actions={cardActions}
              more={more}
            />
          )}
          {calendar && <CalendarButton api={calendar} />}
        </>
      )}
    </main>
  );
}
