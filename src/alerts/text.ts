/**
 * The message keys of every notification, by the kind of alert. The background bundles only
 * these entries of each interface catalog (wxt.config.ts reads this file at build time), so a
 * key used for a notification must be listed here. Only a type import: the build config loads it in Node.
 */
import type { AlertKind } from './events.ts';

export const ALERT_TEXT = {
  'escalation-open': { title: 'alertEscalationOpenTitle', body: 'alertEscalationOpenBody' },
  'refund-due': { title: 'alertRefundDueTitle', body: 'alertRefundDueBody' },
  'protection-ends': { title: 'alertProtectionEndsTitle', body: 'alertProtectionEndsBody' },
  'return-ship-by': { title: 'alertReturnShipTitle', body: 'alertReturnShipBody' },
  'late-coupon': { title: 'alertLateCouponTitle', body: 'alertLateCouponBody' },
  'free-return-ends': { title: 'alertFreeReturnTitle', body: 'alertFreeReturnBody' },
  'buyer-response': { title: 'alertBuyerReplyTitle', body: 'alertBuyerReplyBody' },
  'buyer-response-passed': { title: 'alertBuyerReplyPassedTitle', body: 'alertBuyerReplyPassedBody' },
} as const satisfies Record<AlertKind, { title: string; body: string }>;

/** The one notification that stands for the alerts beyond the few shown one by one. */
export const GROUP_TEXT = { title: 'alertGroupTitle', body: 'alertGroupBody' } as const;

/** The buttons of a notification where the browser shows them (Chrome): open its page, remind again tomorrow. */
export const BUTTON_TEXT = {
  openDispute: 'alertOpenDispute',
  openOrder: 'alertOpenOrder',
  snooze: 'alertSnooze',
} as const;

/** Every message key a notification can show. */
export const ALERT_KEYS: readonly string[] = [
  ...[...Object.values(ALERT_TEXT), GROUP_TEXT].flatMap((t) => [t.title, t.body]),
  ...Object.values(BUTTON_TEXT),
];
