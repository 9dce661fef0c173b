import { t } from '../i18n/core.ts';
import type { Source } from '../model/index.ts';

/** Says where a date came from, on every date shown: the page, or an estimate from the rules. */
export function SourceMark({ source }: { source: Source }) {
  return (
    <span class="rr-source" data-source={source} title={t(source === 'page' ? 'sourcePageTitle' : 'sourceRuleTitle')}>
      {t(source === 'page' ? 'sourcePage' : 'sourceRule')}
    </span>
  );
}
