import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/core.ts';

/** A reminder shown in the last day, as the background lists it (`recentAlerts`). */
export interface Recent {
  id: string;
  /** The notification's title, a message key. */
  title: string;
  orderId: string;
  snoozable: boolean;
  snoozed: boolean;
}

export interface RemindersApi {
  load: () => Promise<Recent[]>;
  snooze: (id: string) => Promise<{ result: string }>;
}

/**
 * "Remind me tomorrow" for the reminders of the last day: where notifications have no buttons
 * (Firefox), a click on one opens its page and the snooze is here. Only those that can still be
 * snoozed, or were, are listed.
 */
export function RecentReminders({ api }: { api: RemindersApi }) {
  const [items, setItems] = useState<Recent[]>([]);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.load().then(
      (list) => live && setItems(list.filter((r) => r.snoozable || r.snoozed)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (items.length === 0) return null;
  const snooze = async (id: string) => {
    const answer = await api.snooze(id).catch(() => ({ result: 'failed' }));
    if (answer.result === 'snoozed' || answer.result === 'already-snoozed') {
      setFailed(null);
      setItems((list) => list.map((r) => (r.id === id ? { ...r, snoozable: false, snoozed: true } : r)));
    } else setFailed(id);
  };

  return (
    <section class="rr-recent" aria-labelledby="rr-recent-title">
      <h2 id="rr-recent-title" class="rr-heading">
        {t('recentRemindersTitle')}
      </h2>
      <ul>
        {items.map((r) => (
          <li key={r.id} data-id={r.id}>
            <span>{t('recentReminderOrder', t(r.title as MessageKey), r.orderId)}</span>{' '}
            {r.snoozed ? (
              <span class="rr-quiet">{t('recentReminderSnoozed')}</span>
            ) : (
              <button type="button" class="rr-link" onClick={() => void snooze(r.id)}>
                {t('alertSnooze')}
              </button>
            )}
            {failed === r.id && (
              <p role="alert" class="rr-error">
                {t('recentReminderSnoozeFailed')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
