/**
 * The content script's one MutationObserver: the reader and the helper both follow what the page
 * adds, and two observers over the same subtree would make the browser build every record twice.
 * Only added elements are told (countdowns ticking in place and removals change no card), and
 * never our own hosts: mounting a Start button must not schedule another read of the page.
 */

/** What marks the extension's own elements on the page (shadow hosts, see shadow.ts). */
export const HOST_ATTR = 'data-refund-radar-host';

/** Told once per batch of mutations that added at least one element of the page's own. */
export type AddedListener = () => void;

export interface PageChanges {
  /** Follows additions until the returned function is called or the context is invalidated. */
  onAdded(listener: AddedListener): () => void;
}

export interface PageWatch extends PageChanges {
  /** Disconnects the observer (it also does when the context is invalidated). */
  stop(): void;
}

const isOurs = (node: Node) => node.nodeType === 1 && (node as Element).hasAttribute(HOST_ATTR);

/** Whether a batch added anything but text and our own hosts. */
export function addsPageElements(records: readonly MutationRecord[]): boolean {
  for (const record of records)
    for (const node of record.addedNodes) if (node.nodeType === 1 && !isOurs(node)) return true;
  return false;
}

export function watchPage(
  ctx: { onInvalidated(cb: () => void): () => void },
  win: Window & typeof globalThis = window,
): PageWatch {
  const listeners = new Set<AddedListener>();
  const observer = new win.MutationObserver((records) => {
    if (listeners.size === 0 || !addsPageElements(records)) return;
    for (const listener of [...listeners]) listener();
  });
  observer.observe(win.document.body ?? win.document.documentElement, { childList: true, subtree: true });
  const stop = () => {
    observer.disconnect();
    listeners.clear();
  };
  ctx.onInvalidated(stop);
  return {
    stop,
    onAdded(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
