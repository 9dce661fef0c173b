import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../src/i18n/index.ts';
import { send } from '../../src/platform/messaging.ts';
import { StatusLine } from '../../src/ui/StatusLine.tsx';

const loadStatus = () => send('status', {});

function Popup() {
  return (
    <main>
      <h1>{t('statusTitle')}</h1>
      <StatusLine load={loadStatus} />
      <button
        type="button"
        onClick={() => void browser.tabs.create({ url: 'https://www.aliexpress.com/p/order/index.html' })}
      >
        {t('openOrders')}
      </button>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
