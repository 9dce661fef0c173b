/**
 * The content script's one MutationObserver: the reader and the helper both follow what the page
 * adds, and two observers over the same subtree would make the browser build every record twice.
 * Only added elements are told (countdowns ticking in place and removals change no card), and
 * never our own hosts: mounting a Start button must not schedule another read of the page.
 * It also tells when the page moved to another URL without a load, for both of them.
 */

/** What marks the extension's own elements on the page (shadow hosts, see shadow.ts). */
export const HOST_ATTR = 'data-refund-radar-host';

/** Told once per batch of mutations that added at least one element of the page's own. */
export type AddedListener = () => void;

export interface PageChanges {
  /** Follows additions until the returned function is called or the context is invalidated. */
  onAdded(listener: AddedListener): () => void;
  /** Told when the page's URL changed without a load (AliExpress moving between its pages, back and forward). */
  onMoved(listener: () => void): () => void;
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

/** The part of the Navigation API this needs (Chromium has it; Firefox ESR 140 does not). */
type WithNavigation = { navigation?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> };

export function watchPage(
  ctx: { onInvalidated(cb: () => void): () => void },
  win: Window & typeof globalThis = window,
): PageWatch {
  const listeners = new Set<AddedListener>();
  const movers = new Set<() => void>();
  let href = win.location.href;
  const moved = () => {
    if (win.location.href === href) return;
    href = win.location.href;
    for (const listener of [...movers]) listener();
  };
  // Where the Navigation API is missing, nothing announces the page's own pushState; but a page
  // that moves renders, and every batch the observer hears anyway is a moment to compare the URL.
  // That costs a string comparison, where WXT's watcher polled location.href every second forever.
  const navigation = (win as WithNavigation).navigation;
  const observer = new win.MutationObserver((records) => {
    if (!navigation) moved();
    if (listeners.size === 0 || !addsPageElements(records)) return;
    for (const listener of [...listeners]) listener();
  });
  observer.observe(win.document.body ?? win.document.documentElement, { childList: true, subtree: true });
  // currententrychange comes after the URL changed, for pushState, replaceState, back and forward.
  const events: Array<[EventTarget, string]> = navigation
    ? [[navigation as EventTarget, 'currententrychange']]
    : [
        [win, 'popstate'],
        [win, 'hashchange'],
      ];
  for (const [target, type] of events) target.addEventListener(type, moved);
  const stop = () => {
    observer.disconnect();
    for (const [target, type] of events) target.removeEventListener(type, moved);
    listeners.clear();
    movers.clear();
  };
  ctx.onInvalidated(stop);
  return {
    stop,
    onAdded(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onMoved(listener) {
      movers.add(listener);
      return () => void movers.delete(listener);
    },
  };
}
