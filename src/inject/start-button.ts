import { t } from '../i18n/core.ts';
import { el, trusted } from './dom.ts';
import { ourIcon } from './icon.ts';

/**
 * The helper's entry point in an order's button row; opens the panel, starts nothing by itself.
 * Outlined and with our icon, and named "Refund Radar: ...", so it is never taken for one of
 * AliExpress's own filled buttons (it sits beside "Returns/refunds" and "Pay now").
 */
export function startButton(orderId: string, onOpen: () => void): HTMLButtonElement {
  return el(
    'button',
    {
      type: 'button',
      class: 'rr-ours rr-start',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-label': `${t('ourControl', t('helperStart'))} – ${t('orderLabel', orderId)}`,
      onClick: trusted(onOpen),
    },
    ourIcon(),
    t('helperStart'),
  );
}
