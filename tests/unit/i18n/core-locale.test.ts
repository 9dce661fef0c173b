import { describe, expect, it } from 'vitest';
import { getLocale, registerCatalog, setLanguage } from '../../../src/i18n/core.ts';

describe('the formatting locale', () => {
  it('keeps the full tag through a catalog registered later, and falls back for a tag Intl refuses', () => {
    registerCatalog('en', { helperStart: 'Start refund' } as never);
    setLanguage('en-GB');
    registerCatalog('en', { helperStart: 'Start refund' } as never);
    expect(getLocale()).toBe('en-GB');
    setLanguage('en_AU');
    expect(getLocale()).toBe('en-AU');
    setLanguage('en-!!');
    expect(getLocale()).toBe('en');
  });
});
