import type { OrderAction, OrderStatus } from '../../model/index.ts';

/**
 * Status texts the order JSON carries, in the shopper's language, with the language they prove.
 * Only texts seen in captures, public code or help pages (../shared/ALIEXPRESS.md) are listed;
 * anything else becomes `unknown` with its text kept, never a guess.
 */
const ORDER_STATUS_LABELS: readonly { text: string; status: OrderStatus; lang: string }[] = [
  { text: 'Awaiting payment', status: 'to-pay', lang: 'en' },
  { text: 'Payment being verified', status: 'to-pay', lang: 'en' },
  { text: 'Awaiting shipment', status: 'to-ship', lang: 'en' },
  { text: 'To ship', status: 'to-ship', lang: 'en' },
  { text: 'Awaiting delivery', status: 'shipped', lang: 'en' },
  // Shipped and waiting for the buyer to confirm receipt.
  { text: 'Awaiting confirmation', status: 'shipped', lang: 'en' },
  { text: 'Completed', status: 'completed', lang: 'en' },
  { text: 'Finished', status: 'completed', lang: 'en' },
  // After the buyer confirmed: money moves to the seller; nothing left for the buyer but a late dispute.
  { text: 'Fund processing', status: 'completed', lang: 'en' },
  { text: 'Closed', status: 'closed', lang: 'en' },
  { text: 'Canceled', status: 'closed', lang: 'en' },
  { text: 'Cancelled', status: 'closed', lang: 'en' },
  { text: 'Expired', status: 'closed', lang: 'en' },
  { text: 'Dispute in progress', status: 'in-dispute', lang: 'en' },
  // Funds are frozen while a dispute or review runs.
  { text: 'Frozen', status: 'in-dispute', lang: 'en' },
  { text: 'Dispute finished', status: 'completed', lang: 'en' },
  { text: 'Aguardando a entrega', status: 'shipped', lang: 'pt' },
  // pt-BR pages print "Concluído " with a trailing space; texts are trimmed before lookup.
  { text: 'Concluído', status: 'completed', lang: 'pt' },
  { text: 'Disputa em andamento', status: 'in-dispute', lang: 'pt' },
  { text: 'Ожидание оплаты', status: 'to-pay', lang: 'ru' },
  { text: 'Закрыт', status: 'closed', lang: 'ru' },
  { text: 'Завершено', status: 'completed', lang: 'ru' },
];

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

const byText = new Map(ORDER_STATUS_LABELS.map((l) => [norm(l.text), l]));

/** The canonical status and proven language of a status text, or null when the text is not known. */
export function orderStatusOf(text: string): { status: OrderStatus; lang: string } | null {
  const hit = byText.get(norm(text));
  return hit ? { status: hit.status, lang: hit.lang } : null;
}

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
