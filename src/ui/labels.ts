import type { MessageKey } from '../i18n/core.ts';
import type { NextAction, Party, Phase, Source } from '../model/index.ts';
import type { EntryError } from '../timeline/entry.ts';

// Enum values have dashes; Chrome message names cannot, so each gets its key here.

export const PHASE_KEYS: Record<Phase, MessageKey> = {
  'no-problem': 'phaseNoProblem',
  'can-open-dispute': 'phaseCanOpenDispute',
  'waiting-for-seller': 'phaseWaitingForSeller',
  negotiating: 'phaseNegotiating',
  'escalation-open': 'phaseEscalationOpen',
  escalated: 'phaseEscalated',
  'awaiting-return': 'phaseAwaitingReturn',
  'refund-pending': 'phaseRefundPending',
  refunded: 'phaseRefunded',
  closed: 'phaseClosed',
  'protection-expired': 'phaseProtectionExpired',
};

export const ACTION_KEYS: Record<NextAction, MessageKey> = {
  wait: 'actionWait',
  'open-dispute': 'actionOpenDispute',
  respond: 'actionRespond',
  escalate: 'actionEscalate',
  'ship-return': 'actionShipReturn',
  'check-refund': 'actionCheckRefund',
  'confirm-received': 'actionConfirmReceived',
  'extend-protection': 'actionExtendProtection',
  none: 'actionNone',
};

export const AWAITING_KEYS: Record<Party | 'unknown', MessageKey> = {
  seller: 'barAwaitingSeller',
  buyer: 'barAwaitingBuyer',
  aliexpress: 'barAwaitingAliexpress',
  unknown: 'barAwaitingUnknown',
};

/** What the mark says for each source, and its longer explanation. */
export const SOURCE_KEYS = {
  page: { text: 'sourcePage', title: 'sourcePageTitle' },
  rule: { text: 'sourceRule', title: 'sourceRuleTitle' },
  shopper: { text: 'sourceShopper', title: 'sourceShopperTitle' },
} as const satisfies Record<Source, { text: MessageKey; title: MessageKey }>;

/** Each refusal's sentence, shown beside its field (the bar's form and the popup's). */
export const ENTRY_ERROR_KEYS: Record<EntryError, MessageKey> = {
  'awaiting-missing': 'entryErrorAwaiting',
  'not-a-number': 'entryErrorNumber',
  negative: 'entryErrorNegative',
  'too-many-days': 'entryErrorDays',
  'too-many-hours': 'entryErrorHours',
  'date-invalid': 'entryErrorDate',
  'date-future': 'entryErrorFuture',
  'date-too-old': 'entryErrorOld',
  'order-missing': 'entryErrorOrderMissing',
  'order-not-digits': 'entryErrorOrderDigits',
};
