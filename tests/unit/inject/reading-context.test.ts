/**
 * The context the content script hands the reader (entrypoints/aliexpress.content/context.ts):
 * WXT's, with lighter timers. Input: a stand-in WXT context that can be invalidated.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readingContext } from '../../../entrypoints/aliexpress.content/context.ts';

function stand() {
  let invalid = false;
  const invalidated: (() => void)[] = [];
  const ctx = {
    get isInvalid() {
      return invalid;
    },
    onInvalidated: (cb: () => void) => (invalidated.push(cb), () => undefined),
    addEventListener: vi.fn(),
  };
  return {
    reading: readingContext(ctx),
    ctx,
    invalidate: () => ((invalid = true), invalidated.forEach((cb) => cb())),
  };
}

afterEach(() => vi.useRealTimers());

describe('the reader’s context', () => {
  it('hands event listeners to WXT, removed with its context', () => {
    const { reading, ctx } = stand();
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
