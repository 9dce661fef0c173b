import { Settings, type SettingsError, type SettingsField, type SettingsPatch } from './schema.ts';

/** Checks the rules part beyond its shape (override names and ranges); the rules code supplies it. */
export type RulesCheck = (rules: Settings['rules']) => Array<{ path: string; message: string }>;

export interface SettingsUpdate {
  /** The settings to store; the current ones unchanged when anything was refused. */
  settings: Settings;
  errors: SettingsError[];
}

/**
 * Applies a patch all or nothing: every invalid field is named with why, and then nothing
 * changes, so the options page never saves half a form.
 */
export function updateSettings(current: Settings, patch: SettingsPatch, checkRules: RulesCheck): SettingsUpdate {
  const errors: SettingsError[] = [];
  const next: Settings = { ...current };
  for (const [field, value] of Object.entries(patch) as Array<[SettingsField, unknown]>) {
    if (value === undefined) continue;
    const parsed = Settings.safeParse({ ...current, [field]: value });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        errors.push({ field: path || field, message: issue.message });
      }
      continue;
    }
    if (field === 'rules') {
      for (const { path, message } of checkRules(parsed.data.rules)) errors.push({ field: `rules.${path}`, message });
    }
    (next as Record<string, unknown>)[field] = parsed.data[field];
  }
  if (errors.length) return { settings: current, errors };
  // Stored largest first: the planner and the options page both read them in that order.
  const desc = (a: number, b: number) => b - a;
  return {
    settings: {
      ...next,
      notifyLeadDays: [...next.notifyLeadDays].sort(desc),
      buyerReplyLeadHours: [...next.buyerReplyLeadHours].sort(desc),
    },
    errors,
  };
}
