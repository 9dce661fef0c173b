/**
 * The popup's first questions, asked by popup.html's head before its module loads
 * (src/ui/popup-ask.ts), and how the module reads their answers (src/platform/request.ts
 * `answered`). Input: WXT's fake browser, its sendMessage answered here as the background answers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { answered } from '../../../src/platform/request.ts';
import { askFirst, PAGE_SIZE, takeAsked } from '../../../src/ui/popup-ask.ts';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('the popup asking from its head', () => {
  it('asks for the first screen and the settings once, and hands the answers out once', async () => {
    const sent = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockImplementation(async (message: unknown) => ({ ok: true, data: { asked: message } }));
    const holder = {};
    askFirst(holder);
    expect(sent.mock.calls.map(([message]) => message)).toEqual([
      { name: 'dashboardSummary', data: { limit: PAGE_SIZE } },
      { name: 'settingsGet', data: {} },
    ]);
    const asked = takeAsked(holder);
    expect(asked).not.toBeNull();
    expect(answered<'dashboardSummary'>(await asked!.summary)).toEqual({
      asked: { name: 'dashboardSummary', data: { limit: PAGE_SIZE } },
    });
    expect(answered<'settingsGet'>(await asked!.settings)).toEqual({ asked: { name: 'settingsGet', data: {} } });
    // A reload of the list asks anew, at its own limit.
    expect(takeAsked(holder)).toBeNull();
    expect(sent).toHaveBeenCalledTimes(2);
  });

  it('has nothing to hand out when the head script did not run', () => {
    expect(takeAsked({})).toBeNull();
  });

  it('leaves no unhandled rejection when the background fails and nobody reads the answer', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
      const holder = {};
      askFirst(holder);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
      // Read later, the failure is still there for the popup to show.
      await expect(takeAsked(holder)!.summary).rejects.toThrow('Receiving end does not exist.');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('reading an answer', () => {
  it('gives the data, throws the error with its code, and names a missing answer', () => {
    expect(answered<'settingsGet'>({ ok: true, data: { language: 'auto' } })).toEqual({ language: 'auto' });
    expect(() => answered({ ok: false, error: { code: 'invalid-message', message: 'bad limit' } })).toThrow(
      expect.objectContaining({ message: 'bad limit', code: 'invalid-message' }),
    );
    expect(() => answered(undefined)).toThrow('no answer from the background');
    expect(() => answered('ok')).toThrow('no answer from the background');
  });
});
