import { render } from 'preact';
import { t } from '../../src/i18n/index.ts';
import { send } from '../../src/platform/messaging.ts';
import { StatusLine } from '../../src/ui/StatusLine.tsx';

const loadStatus = () => send('status', {});

function Options() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <StatusLine load={loadStatus} />
      <p>{t('optionsPrivacy')}</p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
