import { applyOverrides } from '../rules/overrides.ts';
import { bundledPolicyFile } from '../rules/policy.ts';
import type { RulesCheck } from './update.ts';

/** The rules code owns what an override may be; settings only ask it. */
export const checkRulesSetting: RulesCheck = (rules) => {
  const file = bundledPolicyFile();
  if (!file.ok) return [{ path: 'pack', message: 'the bundled rules are broken; overrides cannot be checked' }];
  return applyOverrides(file.value, rules.pack, rules.overrides).errors;
};
