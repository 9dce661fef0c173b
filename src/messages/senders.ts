import type { MessageName } from './protocol.ts';
import { isAliExpressHost } from '../model/hosts.ts';

/** What the background knows about who sent a message (a subset of runtime.MessageSender). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

/**
 * Messages a content script on AliExpress may send. Its tab runs the website's code in the same
 * renderer, so it gets only what the injected helper needs (issue 6): the rules of its page's
 * language and tapped answers read (issue 17: neither is carried by the page), delivering readings, the
 * facts of the one order or dispute it shows, which of its cards get Start refund, its texts in
 * the shopper's language (not the settings themselves), noting that the shopper went to the dispute form, what the shopper typed
 * into the bar's "Track this dispute yourself" form (sent only for their own trusted input, and
 * checked again on arrival like anything else from a page), and having a page report redacted (it
 * reads and stores nothing). Saying a dispute was
 * submitted (which starts deadlines), the rest of the store, changing settings, ticking steps,
 * backups and wiping stay with the extension's own pages: a page script cannot forge the shopper's word.
 */
const FROM_CONTENT_SCRIPT: ReadonlySet<MessageName> = new Set([
  'pageRules',
  'tappedAnswer',
  'snapshot',
  'helperFacts',
  'helperOffers',
  'pageTexts',
  'wentToDispute',
  'disputeEntered',
  'pageReport',
]);
/** Readings, what they need, page texts and page reports come only from pages: an extension page has nothing to read and its own catalogs. */
const ONLY_FROM_CONTENT_SCRIPT: ReadonlySet<MessageName> = new Set([
  'pageRules',
  'pageTexts',
  'tappedAnswer',
  'snapshot',
  'pageReport',
]);

export function isAliExpressUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && isAliExpressHost(u.hostname);
  } catch {
    return false;
  }
}

/** `runtimeId` is browser.runtime.id; `extensionOrigin` is browser.runtime.getURL('') (ends in '/'). */
export function senderPolicy(runtimeId: string, extensionOrigin: string) {
  const fromExtensionPage = (s: Sender) =>
    s.id === runtimeId &&
    typeof s.url === 'string' &&
    s.url.startsWith(extensionOrigin) &&
    !s.tab?.url?.match(/^https?:/);
  const fromContentScript = (s: Sender) =>
    s.id === runtimeId && isAliExpressUrl(s.tab?.url ?? s.url) && isAliExpressUrl(s.url ?? s.tab?.url);
  return (name: MessageName, sender: Sender): boolean => {
    if (fromContentScript(sender)) return FROM_CONTENT_SCRIPT.has(name);
    if (fromExtensionPage(sender)) return !ONLY_FROM_CONTENT_SCRIPT.has(name);
    return false;
  };
}
