import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ReadingContext } from './reading.ts';

/**
 * WXT's context for the reader, with timers that do nothing once the context is invalid, as WXT's
 * do, but without WXT's invalidation listener per timer: one per read and per slice of reading
 * ahead, never removed while the page lives. (Moves without a load come from the page watcher,
 * page-changes.ts, not from WXT's `wxt:locationchange`, whose watcher polls location.href every
 * second where there is no Navigation API.)
 */
export function readingContext(
  ctx: Pick<ContentScriptContext, 'isInvalid' | 'onInvalidated' | 'addEventListener'>,
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
    addEventListener: (target, type, handler, options) => ctx.addEventListener(target, type, handler, options),
  };
}
