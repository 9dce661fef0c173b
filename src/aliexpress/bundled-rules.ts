/**
 * Every rules/locales file and rules/selectors.json, compiled in. Only the background, tools and
 * unit tests import this: the content script asks the background for them (page-service.ts), so
 * ten languages' labels and the selectors with their notes (~9 KB gzip) stay out of AliExpress's
 * pages, and no file is exposed to them.
 */
import de from '../../rules/locales/de.json';
import en from '../../rules/locales/en.json';
import es from '../../rules/locales/es.json';
import fr from '../../rules/locales/fr.json';
import it from '../../rules/locales/it.json';
import nl from '../../rules/locales/nl.json';
import pl from '../../rules/locales/pl.json';
import ptBR from '../../rules/locales/pt-BR.json';
import ru from '../../rules/locales/ru.json';
import tr from '../../rules/locales/tr.json';
import selectors from '../../rules/selectors.json';
import { useSelectors } from './dom/selectors.ts';
import { loadSelectors, type SelectorsLoad } from './dom/selectors-schema.ts';
import { useLocaleFiles, type LocaleRulesFile } from './text/locale-rules.ts';
import { checkLocaleFiles } from './text/locale-schema.ts';

export const BUNDLED_LOCALE_FILES: Record<string, unknown> = {
  en,
  es,
  fr,
  de,
  'pt-BR': ptBR,
  ru,
  pl,
  it,
  nl,
  tr,
};

export const BUNDLED_SELECTORS: unknown = selectors;

let checked: Record<string, LocaleRulesFile> | null = null;
let selectorsLoad: SelectorsLoad | null = null;

/** The bundled files that pass the check, checked once (locale-schema.ts names the others). */
export const checkedLocaleFiles = (): Record<string, LocaleRulesFile> =>
  (checked ??= checkLocaleFiles(BUNDLED_LOCALE_FILES).valid);

/** rules/selectors.json checked once: the selectors, or why the file was refused. */
export const checkedSelectors = (): SelectorsLoad => (selectorsLoad ??= loadSelectors(BUNDLED_SELECTORS));

/** Reads with every bundled language and the bundled selectors from now on (again: nothing is compiled twice). */
export function useBundledRules(): void {
  useLocaleFiles(checkedLocaleFiles());
  useSelectors(checkedSelectors());
}
