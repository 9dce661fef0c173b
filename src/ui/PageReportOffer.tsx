import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/core.ts';

export interface PageReportSource {
  problems(): Promise<number>;
  save(): Promise<boolean>;
}

/**
 * "Save a report of this page" for the current tab, when its readers reported problems (issue 16):
 * for pages without the dispute bar. The report is made and saved by the page's own script.
 */
export function PageReportOffer({ source }: { source: PageReportSource }) {
  const [problems, setProblems] = useState(0);
  const [result, setResult] = useState<'saved' | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    void source.problems().then((n) => live && setProblems(n));
    return () => void (live = false);
  }, [source]);
  if (problems === 0) return null;
  return (
    <section class="rr-report" aria-label={t('reportSave')}>
      <p>{t('reportHint')}</p>
      <button type="button" onClick={() => void source.save().then((ok) => setResult(ok ? 'saved' : 'failed'))}>
        {t('reportSave')}
      </button>
      <span role="status">{result === 'saved' ? t('reportSaved') : result === 'failed' ? t('reportFailed') : ''}</span>
    </section>
  );
}
