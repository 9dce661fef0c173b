import {
  bundledPolicyFile,
  DEFAULT_PACK,
  Days,
  escalationWindowIsEmpty,
  PackId,
  RuleId,
  type PackRules,
  type Policy,
  type PolicyFile,
} from './policy.ts';
import type { RuleIssue } from './result.ts';

export interface Overridden {
  /** The rules in force, with each rule's source (the policy the timeline reads is a part of it). */
  policy: Policy & { rules: PackRules };
  errors: RuleIssue[];
}

/** Why a single override would be refused, or null when it is fine. For the options form. */
export function overrideProblem(pack: PackRules, ruleId: string, value: unknown): string | null {
  const id = RuleId.safeParse(ruleId);
  if (!id.success) return `${ruleId}: there is no such rule`;
  if (!pack[id.data]) return `${ruleId}: this pack has no such rule`;
  const days = Days.safeParse(value);
  if (!days.success)
    return `${ruleId}: ${days.error.issues[0]?.message ?? 'invalid'} (got ${typeof value === 'number' ? String(value) : JSON.stringify(value)})`;
  return null;
}

/**
 * The rules in force for a pack with the shopper's overrides. Pure, never throws: each bad
 * override is refused with a message naming it and its rule keeps the pack's value, while every
 * good override still applies, so one typo in a backup does not cost the shopper the others.
 */
export function applyOverrides(file: PolicyFile, packId: unknown, overrides: unknown): Overridden {
  const errors: RuleIssue[] = [];
  const pack = PackId.safeParse(packId);
  if (!pack.success)
    errors.push({ path: 'pack', message: `unknown pack ${JSON.stringify(packId)}, using "${DEFAULT_PACK}"` });
  const chosen = pack.success ? pack.data : DEFAULT_PACK;
  const base = file.packs[chosen].rules;
  const rules: PackRules = { ...base };
  const overridden: RuleId[] = [];

  if (overrides !== undefined && overrides !== null) {
    if (typeof overrides !== 'object' || Array.isArray(overrides)) {
      errors.push({ path: 'overrides', message: 'must be an object of rule ids to days' });
    } else {
      for (const [key, value] of Object.entries(overrides)) {
        const problem = overrideProblem(base, key, value);
        if (problem) {
          errors.push({ path: `overrides.${key}`, message: problem });
          continue;
        }
        const id = key as RuleId;
        const rule = base[id];
        if (rule) {
          rules[id] = { ...rule, value: value as number };
          overridden.push(id);
        }
      }
    }
  }

  // A window that closes before it opens would show the shopper nonsense; refuse the overrides
  // that made it so and keep the pack's window.
  for (const id of ['escalationOpens', 'escalationCloses'] as const) {
    if (!escalationWindowIsEmpty(rules)) break;
    const at = overridden.indexOf(id);
    if (at === -1) continue;
    overridden.splice(at, 1);
    rules[id] = base[id];
    errors.push({ path: `overrides.${id}`, message: `${id}: escalation must close after it opens` });
  }

  return { policy: { pack: chosen, rules, overridden }, errors };
}

/** The rules in force for stored settings, however broken: bad parts are reported and skipped. */
export function policyFromSettings(file: PolicyFile, settings: unknown): Overridden {
  const s = (typeof settings === 'object' && settings !== null ? settings : {}) as Record<string, unknown>;
  return applyOverrides(file, s.pack ?? DEFAULT_PACK, s.overrides);
}

const resolved = new Map<string, Overridden>();

/**
 * The rules in force for the shopper's stored rule settings over the bundled packs: the one
 * resolver the helper's facts, the popup's list and the reminders all use. Worked out once per
 * setting (the same object comes back, so callers may cache by it).
 */
export function policyOf(settings: unknown): Overridden {
  const key = JSON.stringify(settings ?? null);
  let found = resolved.get(key);
  if (!found) {
    const file = bundledPolicyFile();
    if (!file.ok) throw new Error(`bundled rules are broken: ${file.errors.map((e) => e.path).join(', ')}`);
    found = policyFromSettings(file.value, settings);
    // A shopper has one setting at a time; a few old ones may linger while the options page saves.
    if (resolved.size >= 8) resolved.clear();
    resolved.set(key, found);
  }
  return found;
}
