import { describe, expect, it } from 'vitest';
import { applyOverrides, bundledPolicyFile } from '../../../src/rules/index.ts';
import { policyFor } from '../../../src/ui/policy.ts';
import type { Policy } from '../../../src/rules/policy.ts';

const file = bundledPolicyFile();

/** What the timeline reads of a policy: each rule's number of days and what it counts from. */
const used = (p: Policy) => ({
  pack: p.pack,
  overridden: p.overridden,
  rules: Object.fromEntries(Object.entries(p.rules).map(([id, r]) => [id, { value: r!.value, from: r!.from }])),
});
if (!file.ok) throw new Error('policy');

describe('policyFor (the popup and helper merge without the validators)', () => {
  it.each([
    ['guide', {}],
    ['official-legacy', {}],
    ['guide', { sellerResponse: 7, escalationOpens: 10 }],
    ['official-legacy', { autoEscalation: 20, returnShipBy: 4.5 }],
  ] as const)('agrees with src/rules for %s %o', (pack, overrides) => {
    const expected = applyOverrides(file.value, pack, overrides);
    expect(expected.errors).toEqual([]);
    expect(used(policyFor({ pack, overrides }))).toEqual(used(expected.policy));
  });

  it('falls back to the default pack and skips what is not a rule or not a number of days', () => {
    const policy = policyFor({
      pack: 'nonsense',
      overrides: { noSuchRule: 3, sellerResponse: 'x', escalationOpens: -1 },
    });
    expect(used(policy)).toEqual(used(applyOverrides(file.value, 'guide', {}).policy));
    expect(policyFor(null).pack).toBe('guide');
  });
});
