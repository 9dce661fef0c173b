import policy from '../../rules/policy.json';
import type { PackId, PackRules, Policy, RuleId } from '../rules/policy.ts';

/**
 * The rules in force for the shopper's rule settings, for the popup and the helper. The bundled
 * policy is validated by src/rules' tests and the overrides by the background when they were
 * saved or imported, so this only merges: the zod schemas stay out of the small bundles.
 * tests/unit/ui/policy.test.ts checks it agrees with src/rules' applyOverrides.
 */
export function policyFor(rules: { pack: string; overrides: Record<string, unknown> } | null | undefined): Policy {
  const pack: PackId = rules?.pack === 'official-legacy' ? 'official-legacy' : 'guide';
  const base = policy.packs[pack].rules as unknown as PackRules;
  const merged: PackRules = { ...base };
  const overridden: RuleId[] = [];
  for (const [id, value] of Object.entries(rules?.overrides ?? {})) {
    const rule = (base as Partial<Record<string, PackRules[RuleId]>>)[id];
    if (!rule || typeof value !== 'number' || !(value > 0 && value <= 365)) continue;
    (merged as Record<string, unknown>)[id] = { ...rule, value };
    overridden.push(id as RuleId);
  }
  return { pack, rules: merged, overridden };
}
