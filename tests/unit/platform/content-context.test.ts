/**
 * The content script's context (src/platform/content-context.ts), which wxt.config.ts builds in
 * place of WXT's: it tells the page nothing at start, and stops timers and listeners once the
 * extension's runtime is gone. Input: happy-dom's page, and WXT's fake browser with its runtime
 * id taken away as a reload or an update takes it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from '../../../src/platform/content-context.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

/** The extension reloaded or updated: this copy of the script has no runtime any more. */
const goAway = () => vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);

describe('the content script context', () => {
  it('tells the page nothing when it starts: no message, no event', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const windowEvents = vi.spyOn(window, 'dispatchEvent');
    const ctx = new ContentScriptContext('aliexpress', {});
    expect(ctx.isInvalid).toBe(false);
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    expect(windowEvents).not.toHaveBeenCalled();
  });

  it('runs its timers while the extension is there, none once it went, and keeps no listener per timer', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('aliexpress');
    const listening = vi.spyOn(ctx.signal, 'addEventListener');
    const forgetting = vi.spyOn(ctx.signal, 'removeEventListener');
    const ran = vi.fn();
    ctx.setTimeout(ran, 300);
    vi.advanceTimersByTime(300);
    expect(ran).toHaveBeenCalledTimes(1);
    expect(forgetting).toHaveBeenCalledTimes(listening.mock.calls.length);
    ctx.setTimeout(ran, 300);
    goAway();
    expect(ctx.isInvalid).toBe(true);
    vi.advanceTimersByTime(300);
    expect(ran).toHaveBeenCalledTimes(1);
  });

  it('tells its listeners once when the extension went, and removes the events it was handed', () => {
    const ctx = new ContentScriptContext('aliexpress');
    const invalidated = vi.fn();
    const onMessage = vi.fn();
    ctx.onInvalidated(invalidated);
    ctx.addEventListener(window, 'message', onMessage);
    window.dispatchEvent(new MessageEvent('message', { data: 1 }));
    expect(onMessage).toHaveBeenCalledTimes(1);
    goAway();
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.isInvalid).toBe(true);
    expect(invalidated).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new MessageEvent('message', { data: 2 }));
    expect(onMessage).toHaveBeenCalledTimes(1);
  });
});
