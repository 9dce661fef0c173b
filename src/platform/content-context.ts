import { browser } from 'wxt/browser';

/** What the content script uses of its context: whether the extension is still there, and cleanup when it goes. */
export interface PageContext {
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): () => void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  /** A timer that does nothing once the context is invalid. */
  setTimeout(handler: () => void, timeout?: number): number;
}

/**
 * WXT's content script context, without its announcement to the page. WXT's own, at every start,
 * posts a message naming the extension's id to the page's window and fires an event of that name
 * on its document, so that a newer copy of a script in the same page can stop an older one (a
 * development reload). Pages read both: any script of AliExpress's could tell the extension is
 * there and which it is, and each load paid ~1 ms for it. Manifest V3 never puts a new copy of
 * this script into a page an old one runs in (it is injected once, when a page loads), so an old
 * copy is told by its own runtime going away, as WXT's is too.
 *
 * wxt.config.ts builds the content script with this class in place of
 * `wxt/utils/content-script-context`; it keeps what the script uses of WXT's (`PageContext`).
 */
export class ContentScriptContext implements PageContext {
  readonly #controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True once the extension was reloaded, updated or removed: its runtime is gone from this script. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => {
      // Its invalidation listener goes when it has run: WXT's kept one per timer for the page's life.
      forget();
      if (this.isValid) handler();
    }, timeout);
    const forget = this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  notifyInvalidated(): void {
    this.#controller.abort('Content script context invalidated');
  }
}
