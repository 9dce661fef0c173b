// Input: the page's localStorage (happy-dom's) holding the copy of the shopper's language choice,
// as the popup and options read and apply it when they start.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyLanguageSetting, cachedLanguageSetting } from '../../../src/ui/language.ts';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('the kept copy of the language setting', () => {
  it('is written when the setting changes', async () => {
    await applyLanguageSetting('de', 'en-US');
    expect(cachedLanguageSetting()).toBe('de');
    await applyLanguageSetting('auto', 'en-US');
    expect(cachedLanguageSetting()).toBe('auto');
  });

  it('is kept for a page with no copy yet as "auto"', async () => {
    await applyLanguageSetting(null, 'en-US');
    expect(cachedLanguageSetting()).toBe('auto');
  });

  it('is not written again when a page applies the copy it has just read', async () => {
    await applyLanguageSetting('fr', 'en-US');
    const write = vi.spyOn(localStorage, 'setItem');
    await applyLanguageSetting(cachedLanguageSetting(), 'en-US');
    expect(write).not.toHaveBeenCalled();
    expect(cachedLanguageSetting()).toBe('fr');
  });
});
