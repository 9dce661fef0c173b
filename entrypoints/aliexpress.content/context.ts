import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageChanges } from '../../src/inject/page-changes.ts';
import type { ReadingContext } from './reading.ts';

/**
 * WXT's context for the reader, except that `wxt:locationchange` is heard from the page watcher:
 * registering it with WXT's context starts WXT's own watcher, which polls location.href every
 * second for the tab's whole life where there is no Navigation API (Firefox ESR). And timers that
 * do nothing once the context is invalid, as WXT's do, without WXT's invalidation listener per
 * timer: one per read and per slice of reading ahead, never removed while the page lives.
 */
export function readingContext(
  ctx: Pick<ContentScriptContext, 'isInvalid' | 'onInvalidated' | 'addEventListener'>,
  changes: Pick<PageChanges, 'onMoved'>,
): ReadingContext {
  return {
    get isInvalid() {
      return ctx.isInvalid;
    },
    setTimeout: (handler, ms) =>
      window.setTimeout(() => {
        if (!ctx.isInvalid) handler();
      }, ms),
    onInvalidated: (cb) => ctx.onInvalidated(cb),
    addEventListener: (target, type, handler, options) =>
      type === 'wxt:locationchange'
        ? void changes.onMoved(() => handler(new Event(type)))
        : ctx.addEventListener(target, type, handler, options),
  };
}
