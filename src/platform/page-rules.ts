/**
 * The content script's side of the rules: it carries neither the languages' labels nor the
 * selectors, and asks the background for those its page is read with
 * (src/aliexpress/page-service.ts) before it reads anything. No web-accessible resource and no
 * storage: a page can probe neither.
 */
import type { Request, Response } from '../messages/protocol.ts';
import { untilAnswered, type RetryContext } from './retry.ts';
import { CAPS } from '../model/caps.ts';
import { useSelectors, type SelectorsLoad } from '../aliexpress/dom/selectors.ts';
import { useLocaleFiles, type LocaleRulesFile } from '../aliexpress/text/locale-rules.ts';

/** What `<html lang>` says, cut to what the messages take (its language is still found by its start). */
export const langOf = (doc: Document): string | null =>
  doc.documentElement?.getAttribute('lang')?.trim().slice(0, CAPS.locale) || null;

/**
 * Asks for the rules of the page's language, again while the background's worker is asleep or
 * restarting, and reads with them from then on. False when they never came: the page is then not
 * read, and the console says why (reading without labels would send statuses as unknown).
 */
export async function loadPageRules(
  ctx: RetryContext,
  doc: Document,
  ask: (request: Request<'pageRules'>) => Promise<Response<'pageRules'>>,
): Promise<boolean> {
  try {
    const { locales, selectors } = await untilAnswered(ctx, () => ask({ lang: langOf(doc) }));
    // Checked by the background, which sends only the files that pass (request.ts trusts its answers).
    useLocaleFiles(locales as Record<string, LocaleRulesFile>);
    useSelectors(selectors as SelectorsLoad);
    return true;
  } catch (error) {
    if (!ctx.isInvalid)
      console.warn(
        'Refund Radar: this page was not read: the extension did not send the rules to read it with.',
        error,
      );
    return false;
  }
}
