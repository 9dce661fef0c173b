import { t } from '../i18n/core.ts';

/** The helper's entry point in an order's button row; opens the panel, starts nothing by itself. */
export function StartButton({ orderId, expanded, onOpen }: { orderId: string; expanded: boolean; onOpen: () => void }) {
  return (
    <button
      type="button"
      class="rr-start"
      aria-haspopup="dialog"
      aria-expanded={expanded}
      aria-label={`${t('helperStart')} – ${t('orderLabel', orderId)}`}
      onClick={onOpen}
    >
      {t('helperStart')}
    </button>
  );
}
