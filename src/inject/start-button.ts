import { t } from '../i18n/core.ts';
import { el } from './dom.ts';

/** The helper's entry point in an order's button row; opens the panel, starts nothing by itself. */
export function startButton(orderId: string, onOpen: () => void): HTMLButtonElement {
  return el(
    'button',
    {
      type: 'button',
      class: 'rr-start',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-label': `${t('helperStart')} – ${t('orderLabel', orderId)}`,
      onClick: onOpen,
    },
    t('helperStart'),
  );
}
