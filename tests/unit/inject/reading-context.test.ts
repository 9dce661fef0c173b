/**
 * The context the content script hands the reader (entrypoints/aliexpress.content/context.ts):
 * WXT's, with moves heard from the page watcher and lighter timers. Inputs: a stand-in WXT
 * context that can be invalidated and a stand-in watcher whose moves the test makes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readingContext } from '../../../entrypoints/aliexpress.content/context.ts';

function stand() {
  let invalid = false;
  const invalidated: (() => void)[] = [];
  const moves = new Set<() => void>();
  const ctx = {
    get isInvalid() {
      return invalid;
    },
    onInvalidated: (cb: () => void) => (invalidated.push(cb), () => undefined),
    addEventListener: vi.fn(),
  };
  const changes = { onMoved: (listener: () => void) => (moves.add(listener), () => void moves.delete(listener)) };
  return {
    reading: readingContext(ctx, changes),
    ctx,
    move: () => moves.forEach((m) => m()),
    invalidate: () => ((invalid = true), invalidated.forEach((cb) => cb())),
  };
}

afterEach(() => vi.useRealTimers());

describe('the reader’s context', () => {
  it('hears the page’s moves from the watcher, never registering wxt:locationchange with WXT', () => {
    const { reading, ctx, move } = stand();
    const moved = vi.fn();
    reading.addEventListener(window, 'wxt:locationchange', moved);
    // WXT would start its own watcher (a poll every second in Firefox ESR) for this registration.
    expect(ctx.addEventListener).not.toHaveBeenCalled();
    move();
    move();
    expect(moved).toHaveBeenCalledTimes(2);
    // Other events are WXT's, removed with its context.
    const onMessage = () => undefined;
    reading.addEventListener(window, 'message', onMessage);
    expect(ctx.addEventListener).toHaveBeenCalledWith(window, 'message', onMessage, undefined);
  });

  it('runs its timers while the context is valid, and none once it is invalidated', () => {
    vi.useFakeTimers();
    const { reading, invalidate } = stand();
    const ran = vi.fn();
    reading.setTimeout(ran, 300);
    vi.advanceTimersByTime(300);
    expect(ran).toHaveBeenCalledTimes(1);
    reading.setTimeout(ran, 300);
    invalidate();
    expect(reading.isInvalid).toBe(true);
    vi.advanceTimersByTime(300);
    expect(ran).toHaveBeenCalledTimes(1);
  });
});
