import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/core.ts';
import type { OptionsApi } from './api.ts';

/** Delete everything, behind a second, explicit confirmation. */
export function WipeSection({ api, onWiped }: { api: OptionsApi; onWiped: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);

  const refocus = useRef(false);

  // The safe choice gets the focus, so Enter does not delete by accident; a cancel gives it back
  // to the button that asked, so the keyboard does not land on <body>.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (refocus.current) askRef.current?.focus();
    refocus.current = false;
  }, [confirming]);

  const ask = () => {
    setConfirming(true);
    setStatus(null);
  };

  const cancel = () => {
    refocus.current = true;
    setConfirming(false);
  };

  const wipe = async () => {
    try {
      await api.wipe();
      setConfirming(false);
      setStatus({ ok: true, text: t('optionsWiped') });
      onWiped();
    } catch (e) {
      setStatus({ ok: false, text: t('optionsFailed', e instanceof Error ? e.message : String(e)) });
    }
  };

  return (
    <section class="rr-section rr-danger" aria-labelledby="rr-wipe-title">
      <h2 id="rr-wipe-title">{t('optionsWipe')}</h2>
      <p class="rr-help">{t('optionsWipeHelp')}</p>
      {!confirming ? (
        <button type="button" ref={askRef} onClick={ask}>
          {t('optionsWipe')}
        </button>
      ) : (
        <div
          role="alertdialog"
          aria-labelledby="rr-wipe-confirm"
          class="rr-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <p id="rr-wipe-confirm">{t('optionsWipeConfirm')}</p>
          <button type="button" class="rr-primary" onClick={() => void wipe()}>
            {t('optionsWipeYes')}
          </button>{' '}
          <button type="button" ref={cancelRef} onClick={cancel}>
            {t('optionsWipeCancel')}
          </button>
        </div>
      )}
      <p role="status" class={status?.ok === false ? 'rr-error' : 'rr-ok'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
