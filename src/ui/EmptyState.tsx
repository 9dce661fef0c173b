import { t } from '../i18n/core.ts';
import { MY_ORDERS_URL } from '../timeline/urls.ts';

/** First run: nothing tracked yet, so the one useful thing is to open the orders page. */
export function EmptyState({ open }: { open: (url: string) => void }) {
  return (
    <section class="rr-empty" aria-labelledby="rr-empty-title">
      <h2 id="rr-empty-title">{t('emptyTitle')}</h2>
      <p>{t('emptyBody')}</p>
      <button type="button" class="rr-primary" onClick={() => open(MY_ORDERS_URL)}>
        {t('openOrders')}
      </button>
    </section>
  );
}
