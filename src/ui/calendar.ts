import { hasMessage, t, type MessageKey } from '../i18n/core.ts';
import type { CalendarTexts } from '../calendar/ics.ts';
import type { DeadlineKind, Source } from '../model/index.ts';

export const CALENDAR_FILE = 'refund-radar-deadlines.ics';

const SOURCE_TEXT: Record<Source, MessageKey> = {
  page: 'calendarSourcePage',
  rule: 'calendarSourceRule',
  shopper: 'calendarSourceShopper',
};

/**
 * A deadline kind's name from the catalog, by its id: `kind` + the id in PascalCase
 * ("seller-response" -> kindSellerResponse). A kind added later without its entry is still
 * named, by its id, so no deadline is left out of the file.
 */
export function kindLabel(kind: DeadlineKind): string {
  const key = `kind${kind.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`;
  return hasMessage(key) ? t(key) : t('calendarKindOther', kind);
}

/** The calendar's words in the interface language now active. */
export function calendarTexts(): CalendarTexts {
  return {
    kind: kindLabel,
    summary: (kind, orderId, storeName) => t('calendarSummary', kind, storeName ?? t('calendarOrderShort', orderId)),
    order: (orderId, storeName) =>
      storeName ? t('calendarOrderStore', orderId, storeName) : t('calendarOrder', orderId),
    source: (source) => t(SOURCE_TEXT[source]),
  };
}

/** Saves text as a file through a Blob and an `<a download>`: no downloads permission needed. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
