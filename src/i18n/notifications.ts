import de from '../../assets/locales/de.json?notifications';
import en from '../../assets/locales/en.json?notifications';
import es from '../../assets/locales/es.json?notifications';
import fr from '../../assets/locales/fr.json?notifications';
import pl from '../../assets/locales/pl.json?notifications';
import ptBR from '../../assets/locales/pt-BR.json?notifications';
import ru from '../../assets/locales/ru.json?notifications';
import { LANGUAGES, registerCatalog, setLanguage, tKey, type Catalog, type Language } from './core.ts';

/**
 * The background's catalogs. It shows only notifications (src/alerts/text.ts), so the build keeps
 * just those entries of each interface language (the `?notifications` import, wxt.config.ts):
 * about half a kilobyte gzip a language instead of six or seven. All seven are bundled, as a
 * service worker may not `import()` and the shopper can pick any language in options at any time.
 */
export const NOTIFICATION_CATALOGS: Readonly<Record<Language, Catalog>> = {
  en,
  es,
  fr,
  de,
  'pt-BR': ptBR,
  ru,
  pl,
};

let registered = false;

/**
 * A translator for notifications in `tag`'s language (English where it has no entry); the full
 * tag is kept for dates, as with the extension pages' loadLanguage.
 */
export function notificationTranslator(tag: string): (key: string, ...subs: Array<string | number>) => string {
  if (!registered) for (const lang of LANGUAGES) registerCatalog(lang, NOTIFICATION_CATALOGS[lang]);
  registered = true;
  setLanguage(tag);
  return tKey;
}
