import { DEFAULT_SETTINGS, SETTINGS_FIELDS, SETTINGS_VERSION, Settings } from './schema.ts';

/**
 * Upgrades from each released settings version to the next, keyed by the version they upgrade
 * from. 1 -> 2: the reminders before the shopper's own reply deadline, at their defaults.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (v1) => ({ ...v1, version: 2, buyerReplyLeadHours: DEFAULT_SETTINGS.buyerReplyLeadHours }),
};

export interface MigratedSettings {
  settings: Settings;
  /** What could not be kept and was reset to its default, by field. */
  reset: string[];
}

/**
 * Brings stored (or imported) settings to the current version. Never throws: a field that is
 * invalid falls back to its default on its own, so one bad value does not cost the others.
 */
export function migrateSettings(raw: unknown): MigratedSettings {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { settings: DEFAULT_SETTINGS, reset: [] };
  let value = { ...(raw as Record<string, unknown>) };
  let version = typeof value.version === 'number' ? value.version : 1;
  if (version > SETTINGS_VERSION) return { settings: DEFAULT_SETTINGS, reset: ['version'] };
  while (version < SETTINGS_VERSION) {
    const step = SETTINGS_MIGRATIONS[version];
    if (!step) return { settings: DEFAULT_SETTINGS, reset: ['version'] };
    value = step(value);
    version += 1;
  }
  const whole = Settings.safeParse({ ...value, version: SETTINGS_VERSION });
  if (whole.success) return { settings: whole.data, reset: [] };
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const reset: string[] = [];
  for (const field of SETTINGS_FIELDS) {
    const one = Settings.safeParse({ ...DEFAULT_SETTINGS, [field]: value[field] });
    if (one.success) (settings as Record<string, unknown>)[field] = one.data[field];
    else reset.push(field);
  }
  return { settings, reset };
}
