/**
 * One way to compare page text with labels: AliExpress pads labels ("Concluído "), mixes no-break
 * and narrow spaces, curly and straight apostrophes, en dashes and hyphens. Both sides go through
 * this before any comparison, so a label file can be written the way a person types it.
 */
const cache = new Map<string, string>();
const CACHE_MAX = 5000;

export function normText(text: string, locale: string | null = null): string {
  // Labels repeat on every card of a long page: remember the few hundred distinct ones.
  const key = `${locale ?? ''}\u0001${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = fold(text, locale);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, value);
  return value;
}

/** Compatibility forms, one kind of apostrophe, dash and space: `normText` without the lower case. */
export function spaces(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f\u2009\u200b]+/g, ' ')
    .trim();
}

function fold(text: string, locale: string | null): string {
  const folded = spaces(text);
  try {
    return folded.toLocaleLowerCase(locale ?? undefined);
  } catch {
    return folded.toLowerCase();
  }
}

/** Text content with runs of whitespace collapsed: what a shopper reads, never markup. */
export function textOf(node: { textContent: string | null } | null | undefined): string {
  const text = node?.textContent ?? '';
  // Most texts need only a trim; the replace is paid only where runs of space or odd spaces occur.
  return /\s\s|[\t\n\r\f\v\u00a0\u202f\u2009]/.test(text)
    ? text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim()
    : text.trim();
}

/** A month name as dates are matched: accents and a trailing abbreviation dot dropped, lower case. */
export const foldMonth = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.+$/, '');

/**
 * A label as label rows are compared: like `normText`, with "№" kept as a mark ("#") rather than
 * folded into the letters "No", so "Номер заказа №" still ends at its label.
 */
export const labelKey = (text: string, locale: string | null = null) => normText(text.replace(/№/g, '#'), locale);
