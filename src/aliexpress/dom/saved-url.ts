/**
 * Where a saved page came from. Chrome's "Save page as" writes the address into the file as
 * `<!-- saved from url=(0049)https://... -->`; a page a shopper saves and sends carries its URL,
 * and with it the ids the readers take from the URL (orderId=, tradeOrderLineId=, ...).
 */
const SAVED_FROM = /saved from url=\(\d{4}\)(\S+)/;

function fromText(text: string): string | null {
  const match = SAVED_FROM.exec(text);
  if (!match) return null;
  try {
    const url = new URL(match[1]!.replace(/-->$/, ''));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The URL in a saved page's "saved from" comment (document or its HTML text), or null. */
export function savedFromUrl(page: Document | string): string | null {
  if (typeof page === 'string') return fromText(page.slice(0, 4096));
  for (const node of [...page.childNodes, ...(page.documentElement?.childNodes ?? [])]) {
    // 8: a comment; only comments at the top of the file are the browser's note.
    if (node.nodeType === 8) {
      const url = fromText(node.textContent ?? '');
      if (url) return url;
    }
  }
  return null;
}
