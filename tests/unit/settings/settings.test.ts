import { describe, expect, it } from 'vitest';
import { migrateSettings, SETTINGS_MIGRATIONS } from '../../../src/settings/migrate.ts';
import { checkRulesSetting } from '../../../src/settings/rules-check.ts';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../src/settings/schema.ts';
import { updateSettings } from '../../../src/settings/update.ts';

describe('settings versions', () => {
  it('has a migration from every older version', () => {
    for (let v = 1; v < SETTINGS_VERSION; v++)
      expect(SETTINGS_MIGRATIONS[v], `migration from ${v}`).toBeTypeOf('function');
  });

  it('gives the defaults when nothing was saved', () => {
    expect(migrateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, reset: [] });
    expect(DEFAULT_SETTINGS).toEqual({
      version: 2,
      notifyLeadDays: [3, 1],
      buyerReplyLeadHours: [48, 24, 6],
      rules: { pack: 'guide', overrides: {} },
      language: 'auto',
    });
  });

  it('keeps every valid field of damaged settings and resets only the broken ones', () => {
    const { settings, reset } = migrateSettings({
      version: 1,
      notifyLeadDays: 'soon',
      rules: { pack: 'official-legacy', overrides: {} },
      language: 'ru',
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      rules: { pack: 'official-legacy', overrides: {} },
      language: 'ru',
    });
    expect(reset).toEqual(['notifyLeadDays']);
  });

  it('brings version 1 settings (before issue 15) to version 2 with the reply reminders at their defaults', () => {
    // Hand-written: settings as version 1 stored them.
    const v1 = { version: 1, notifyLeadDays: [5], rules: { pack: 'official-legacy', overrides: {} }, language: 'de' };
    expect(migrateSettings(v1)).toEqual({
      settings: { ...v1, version: 2, buyerReplyLeadHours: [48, 24, 6] },
      reset: [],
    });
  });

  it('checks the reply reminders: whole hours from 1 to 240, each once, stored largest first', () => {
    expect(updateSettings(DEFAULT_SETTINGS, { buyerReplyLeadHours: [6, 72, 12] }, checkRulesSetting)).toEqual({
      settings: { ...DEFAULT_SETTINGS, buyerReplyLeadHours: [72, 12, 6] },
      errors: [],
    });
    for (const bad of [[0], [241], [6, 6], [1.5], 'soon'])
      expect(
        updateSettings(DEFAULT_SETTINGS, { buyerReplyLeadHours: bad }, checkRulesSetting).errors[0]?.field,
      ).toMatch(/^buyerReplyLeadHours/);
  });

  it('does not guess at settings from a newer version', () => {
    expect(migrateSettings({ version: SETTINGS_VERSION + 1, language: 'de' })).toEqual({
      settings: DEFAULT_SETTINGS,
      reset: ['version'],
    });
  });
});

describe('changing settings', () => {
  it('applies a valid patch and sorts lead times largest first', () => {
    expect(updateSettings(DEFAULT_SETTINGS, { notifyLeadDays: [0, 7, 2] }, checkRulesSetting)).toEqual({
      settings: { ...DEFAULT_SETTINGS, notifyLeadDays: [7, 2, 0] },
      errors: [],
    });
  });

  it('accepts a rules override the rules code accepts', () => {
    const { errors, settings } = updateSettings(
      DEFAULT_SETTINGS,
      { rules: { pack: 'guide', overrides: { sellerResponse: 6 } } },
      checkRulesSetting,
    );
    expect(errors).toEqual([]);
    expect(settings.rules.overrides).toEqual({ sellerResponse: 6 });
  });

  it('refuses the whole patch when a field is invalid, naming each', () => {
    const result = updateSettings(
      DEFAULT_SETTINGS,
      { notifyLeadDays: [1, 1], language: 42, rules: { pack: 'guide', overrides: { noSuchRule: 3 } } },
      checkRulesSetting,
    );
    expect(result.settings).toBe(DEFAULT_SETTINGS);
    expect(result.errors.map((e) => e.field)).toEqual(['notifyLeadDays', 'language', 'rules.overrides.noSuchRule']);
    expect(result.errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('refuses more than five reminders or one a month early', () => {
    expect(
      updateSettings(DEFAULT_SETTINGS, { notifyLeadDays: [1, 2, 3, 4, 5, 6] }, checkRulesSetting).errors,
    ).toHaveLength(1);
    expect(updateSettings(DEFAULT_SETTINGS, { notifyLeadDays: [31] }, checkRulesSetting).errors[0]?.field).toBe(
      'notifyLeadDays.0',
    );
  });
});
