import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/core.ts';
import { EmptyState } from './EmptyState.tsx';
import type { Entry } from '../timeline/tracked.ts';
import { OrderList } from './OrderList.tsx';
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
  /** The clock, injectable for tests; countdowns refresh every minute. */
  clock?: () => number;
  /** Reminders of the last day and their snooze (issue 15). */
  reminders?: RemindersApi;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: PopupData };

export function Popup({
  subscribe,
  open,
  openOptions,
  onTick,
  onAnswer,
  initial,
  more,
  clock = Date.now,
  reminders,
}: PopupProps) {
  const [state, setState] = useState<State>(() => (initial ? { kind: 'ready', data: initial } : { kind: 'loading' }));
  const [now, setNow] = useState(clock);

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
        <button type="button" class="rr-link" onClick={openOptions}>
          {t('popupSettings')}
        </button>
      </header>
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
              more={more}
            />
          )}
        </>
      )}
    </main>
  );
}
