import { t, type MessageKey } from '../i18n/core.ts';
import type { CalendarTexts } from '../calendar/ics.ts';
import type { DeadlineKind, Source } from '../model/index.ts';

export const CALENDAR_FILE = 'refund-radar-deadlines.ics';

const SOURCE_TEXT: Record<Source, MessageKey> = {
  page: 'calendarSourcePage',
  rule: 'calendarSourceRule',
  shopper: 'calendarSourceShopper',
};

/** Each deadline kind's name in the catalog: a kind added to the model without one does not compile. */
const KIND_TEXT: Record<DeadlineKind, MessageKey> = {
  'seller-response': 'kindSellerResponse',
  'buyer-response': 'kindBuyerResponse',
  'escalation-opens': 'kindEscalationOpens',
  'escalation-closes': 'kindEscalationCloses',
  'protection-ends': 'kindProtectionEnds',
  'dispute-opens': 'kindDisputeOpens',
  'refund-request-ends': 'kindRefundRequestEnds',
  'return-ship-by': 'kindReturnShipBy',
  'late-coupon': 'kindLateCoupon',
  'free-return-ends': 'kindFreeReturnEnds',
};

export function kindLabel(kind: DeadlineKind): string {
  return t(KIND_TEXT[kind]);
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
