import type { OrderAction } from '../../model/index.ts';

/**
 * Button `type`s of the order JSON, which do not change with the language. The "Returns/refunds"
 * button is `OPEN_DISPUTE` in the detail JSON (it opens reverse-pages/start.html), so it maps to
 * `returns-refunds`, the same action the DOM readers give that button. Types with no matching
 * action (DOWNLOAD_RECEIPT) are left out on purpose.
 */
const BUTTON_ACTIONS: Readonly<Record<string, OrderAction>> = {
  // Only types seen in the real captures; a type not listed gives no action rather than a guess.
  CONFIRM_GOODS: 'confirm-received',
  TRACKING: 'track',
  REPURCHASE: 'buy-again',
  REPURCHASE_LINE: 'buy-again',
  DELETE: 'delete',
  OPEN_DISPUTE: 'returns-refunds',
};

export function actionOf(type: string): OrderAction | null {
  const key = type.trim().toUpperCase();
  return Object.hasOwn(BUTTON_ACTIONS, key) ? BUTTON_ACTIONS[key]! : null;
}

/** Actions of a list of buttons, each once, in the order the page shows them. */
export function actionsOf(buttons: readonly { type?: string | null | undefined }[]): OrderAction[] {
  const out: OrderAction[] = [];
  for (const b of buttons) {
    const a = b.type ? actionOf(b.type) : null;
    if (a && !out.includes(a)) out.push(a);
  }
  return out;
}
