/**
 * The options form's own checks, so a mistake is named next to its field before anything is
 * sent; the background checks again (settingsSet refuses all or nothing). The limits of a rule's
 * days are the rules' own (`Days`), not a copy.
 */
import { Days } from '../../rules/policy.ts';

/** "3, 1" -> [3, 1]; null when not up to 5 different whole days from 0 to 30. */
export function parseLeadDays(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 5) return null;
  const days = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN));
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 30)) return null;
  return new Set(days).size === days.length ? days : null;
}

/** "48, 24, 6" -> [48, 24, 6]; null when not up to 5 different whole hours from 1 to 240. */
export function parseLeadHours(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 5) return null;
  const hours = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (hours.some((h) => !Number.isInteger(h) || h < 1 || h > 240)) return null;
  return new Set(hours).size === hours.length ? hours : null;
}

/** An override field: empty means "use the pack"; else a number of days as `Days` allows. Accepts "4,5". */
export function parseOverride(text: string): { ok: true; days: number | null } | { ok: false } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, days: null };
  if (!/^\d{1,3}(\.\d+)?$/.test(trimmed)) return { ok: false };
  const days = Number(trimmed);
  return Days.safeParse(days).success ? { ok: true, days } : { ok: false };
}
