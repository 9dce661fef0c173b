/**
 * happy-dom has no `isTrusted`. In a browser the shopper's own input is trusted and events a page's
 * script dispatches are not; unit tests stand for the shopper, so their events are trusted unless
 * made with `untrusted()`, which stands for a page script.
 */
if (typeof Event !== 'undefined' && !Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted')) {
  Object.defineProperty(Event.prototype, 'isTrusted', { configurable: true, get: () => true });
}

/** An event as a page's script would dispatch it. */
export function untrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: false });
  return event;
}
