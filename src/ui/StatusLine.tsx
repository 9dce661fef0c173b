import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/core.ts';
import type { Response } from '../messages/protocol.ts';

export type StatusLoader = () => Promise<Response<'status'>>;

/** The extension's health in one line: the background answered, and how much it tracks. */
export function StatusLine({ load }: { load: StatusLoader }) {
  const [state, setState] = useState<{ status?: Response<'status'>; error?: string }>({});
  useEffect(() => {
    load().then(
      (status) => setState({ status }),
      (error: unknown) => setState({ error: error instanceof Error ? error.message : String(error) }),
    );
  }, [load]);
  if (state.error)
    return (
      <p role="alert" data-testid="status">
        {t('statusUnavailable', state.error)}
      </p>
    );
  if (!state.status) return <p data-testid="status">{t('statusLoading')}</p>;
  return (
    <p data-testid="status" data-ready="true">
      {t('statusReady', state.status.orders)} <small>{t('statusDatabase', state.status.dbVersion)}</small>
    </p>
  );
}
