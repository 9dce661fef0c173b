import en from '../../assets/locales/en.json';
import { matchLanguage, registerCatalog, hasCatalog, setLanguage, type Catalog, type Language } from './core.ts';

/**
 * UI strings for extension pages. assets/locales/<lang>.json is the one source: the build turns
 * it into _locales for the manifest, and pages read it here so the shopper can pick a language
 * other than the browser's. English is bundled; the others load on demand. (The content script
 * uses ./core.ts with the page texts the background hands it, ./page-texts.ts; the background,
 * ./notifications.ts.)
 */
export * from './core.ts';

registerCatalog('en', en);

// Each language is its own chunk: an extension page downloads the one it shows.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalog }>> = {
  es: () => import('../../assets/locales/es.json'),
  fr: () => import('../../assets/locales/fr.json'),
  de: () => import('../../assets/locales/de.json'),
  'pt-BR': () => import('../../assets/locales/pt-BR.json'),
  ru: () => import('../../assets/locales/ru.json'),
  pl: () => import('../../assets/locales/pl.json'),
};

/** Loads the catalog for `tag` if needed and makes it active (keeping the full tag for dates). */
export async function loadLanguage(tag: string): Promise<Language> {
  const lang = matchLanguage(tag);
  if (lang !== 'en' && !hasCatalog(lang)) registerCatalog(lang, (await loaders[lang]()).default);
  return setLanguage(tag);
}
