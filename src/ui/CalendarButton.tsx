import { useState } from 'preact/hooks';
import { buildCalendar, type CalendarItem } from '../calendar/ics.ts';
import { t } from '../i18n/core.ts';
import { CALENDAR_FILE, calendarTexts } from './calendar.ts';

export interface CalendarApi {
  /** Every tracked order's and dispute's deadlines, from the background (`calendarDeadlines`). */
  load: () => Promise<CalendarItem[]>;
  save: (fileName: string, text: string) => void;
  now?: () => Date;
}

/** "Add to calendar (.ics)": every upcoming deadline as a file the shopper's calendar imports. */
export function CalendarButton({ api }: { api: CalendarApi }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const make = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const calendar = buildCalendar(await api.load(), calendarTexts(), api.now?.() ?? new Date());
      if (calendar.count === 0) {
        setStatus({ ok: true, text: t('calendarNone') });
      } else {
        api.save(CALENDAR_FILE, calendar.text);
        setStatus({ ok: true, text: t('calendarSaved', calendar.count) });
      }
    } catch (e) {
      setStatus({ ok: false, text: t('calendarFailed', e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="rr-calendar">
      <button type="button" disabled={busy} onClick={() => void make()}>
        {t('calendarButton')}
      </button>
      <p role="status" class={status?.ok === false ? 'rr-error' : 'rr-ok'}>
        {status?.text ?? ''}
      </p>
    </div>
  );
}
