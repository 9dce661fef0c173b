import { t } from '../i18n/core.ts';
import { SOURCE_KEYS } from './labels.ts';
import type { Source } from '../model/index.ts';

/** Says where a date came from, on every date shown: the page, an estimate from the rules, or the shopper's word. */
export function SourceMark({ source }: { source: Source }) {
  return (
    <span class="rr-source" data-source={source} title={t(SOURCE_KEYS[source].title)}>
      {t(SOURCE_KEYS[source].text)}
    </span>
  );
}
