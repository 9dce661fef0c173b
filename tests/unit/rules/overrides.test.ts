import { describe, expect, it } from 'vitest';
import {
  applyOverrides,
  bundledPolicyFile,
  clockOf,
  policyFromSettings,
  policyOf,
  type PolicyFile,
} from '../../../src/rules/index.ts';

function file(): PolicyFile {
  const f = bundledPolicyFile();
  if (!f.ok) throw new Error(JSON.stringify(f.errors));
  return f.value;
}

const values = (rules: object) =>
  Object.fromEntries(Object.entries(rules).map(([id, r]) => [id, (r as { value: number }).value]));

describe('applyOverrides', () => {
  it('without overrides gives the pack as it is', () => {
    const { policy, errors } = applyOverrides(file(), 'official-legacy', {});
    expect(errors).toEqual([]);
    expect(policy.pack).toBe('official-legacy');
    expect(policy.overridden).toEqual([]);
    expect(values(policy.rules)).toMatchObject({ escalationOpens: 4, escalationCloses: 15, autoEscalation: 15 });
  });

  it("applies the shopper's values, whole or half days, and keeps each rule's source", () => {
    const { policy, errors } = applyOverrides(file(), 'guide', {
      sellerResponse: 7,
      buyerProtection: 90,
      returnShipBy: 9.5,
    });
    expect(errors).toEqual([]);
    expect(values(policy.rules)).toEqual({
      sellerResponse: 7,
      escalationOpens: 15,
      escalationCloses: 3,
      buyerProtection: 90,
      disputeOpens: 60,
      refundRequestAfterReceipt: 15,
      returnShipBy: 9.5,
    });
    expect(policy.overridden).toEqual(['sellerResponse', 'buyerProtection', 'returnShipBy']);
    expect(policy.rules.sellerResponse.source.where).toBe('shared/sources/000_b4d6195ab3749452.txt');
  });

  it('refuses bad values by name, keeps the previous value, and still applies the good ones', () => {
    const { policy, errors } = applyOverrides(file(), 'guide', {
      sellerResponse: 0,
      escalationOpens: 400,
      escalationCloses: '3',
      buyerProtection: 2.25,
      disputeOpens: -1,
      refundRequestAfterReceipt: 7,
      returnShipBy: Number.NaN,
      sellerRespons: 5,
    });
    expect(errors).toEqual([
      { path: 'overrides.sellerResponse', message: 'sellerResponse: must be more than 0 days (got 0)' },
      { path: 'overrides.escalationOpens', message: 'escalationOpens: must be at most 365 days (got 400)' },
      { path: 'overrides.escalationCloses', message: 'escalationCloses: must be a number of days (got "3")' },
      { path: 'overrides.buyerProtection', message: 'buyerProtection: must be whole or half days (got 2.25)' },
      { path: 'overrides.disputeOpens', message: 'disputeOpens: must be more than 0 days (got -1)' },
      { path: 'overrides.returnShipBy', message: 'returnShipBy: must be a number of days (got NaN)' },
      { path: 'overrides.sellerRespons', message: 'sellerRespons: there is no such rule' },
    ]);
    expect(values(policy.rules)).toEqual({
      sellerResponse: 5,
      escalationOpens: 15,
      escalationCloses: 3,
      buyerProtection: 60,
      disputeOpens: 60,
      refundRequestAfterReceipt: 7,
      returnShipBy: 10,
    });
    expect(policy.overridden).toEqual(['refundRequestAfterReceipt']);
  });

  it('accepts the limits of the range', () => {
    const { errors, policy } = applyOverrides(file(), 'guide', { sellerResponse: 0.5, buyerProtection: 365 });
    expect(errors).toEqual([]);
    expect([policy.rules.sellerResponse.value, policy.rules.buyerProtection.value]).toEqual([0.5, 365]);
  });

  it('refuses a rule the chosen pack does not have', () => {
    const { errors, policy } = applyOverrides(file(), 'guide', { autoEscalation: 20 });
    expect(errors).toEqual([
      { path: 'overrides.autoEscalation', message: 'autoEscalation: this pack has no such rule' },
    ]);
    expect(policy.rules.autoEscalation).toBeUndefined();
  });

  it('refuses an override that would close escalation before it opens, keeping the window', () => {
    const { errors, policy } = applyOverrides(file(), 'official-legacy', { escalationOpens: 16, sellerResponse: 6 });
    expect(errors).toEqual([
      { path: 'overrides.escalationOpens', message: 'escalationOpens: escalation must close after it opens' },
    ]);
    expect([
      policy.rules.escalationOpens!.value,
      policy.rules.escalationCloses!.value,
      policy.rules.sellerResponse.value,
    ]).toEqual([4, 15, 6]);
  });

  it('falls back to the guide on an unknown pack, and says so', () => {
    const { errors, policy } = applyOverrides(file(), 'newest', {});
    expect(errors).toEqual([{ path: 'pack', message: 'unknown pack "newest", using "guide"' }]);
    expect(policy.pack).toBe('guide');
  });

  it('refuses overrides that are not an object', () => {
    expect(applyOverrides(file(), 'guide', [5]).errors).toEqual([
      { path: 'overrides', message: 'must be an object of rule ids to days' },
    ]);
    expect(applyOverrides(file(), 'guide', null).errors).toEqual([]);
  });

  it('does not change the loaded file', () => {
    const f = file();
    applyOverrides(f, 'guide', { sellerResponse: 9 });
    expect(f.packs.guide.rules.sellerResponse.value).toBe(5);
  });
});

describe('policyFromSettings', () => {
  it('reads stored settings however broken', () => {
    expect(policyFromSettings(file(), undefined).policy.pack).toBe('guide');
    const { policy, errors } = policyFromSettings(file(), {
      pack: 'official-legacy',
      overrides: { returnShipBy: 12, x: 1 },
    });
    expect(policy.pack).toBe('official-legacy');
    expect(policy.rules.returnShipBy.value).toBe(12);
    expect(errors.map((e) => e.path)).toEqual(['overrides.x']);
    expect(policyFromSettings(file(), { pack: 7 }).errors).toEqual([
      { path: 'pack', message: 'unknown pack 7, using "guide"' },
    ]);
  });
});

describe('policyOf: the one resolver the popup, the helper and the reminders use', () => {
  it('resolves a setting once, and gives the same policy object back for the same setting', () => {
    const a = policyOf({ pack: 'official-legacy', overrides: { sellerResponse: 7 } });
    expect(a.errors).toEqual([]);
    expect(a.policy.pack).toBe('official-legacy');
    expect(a.policy.rules.sellerResponse.value).toBe(7);
    expect(policyOf({ pack: 'official-legacy', overrides: { sellerResponse: 7 } })).toBe(a);
    expect(policyOf({ pack: 'official-legacy', overrides: { sellerResponse: 8 } })).not.toBe(a);
  });

  it('refuses an escalation window that closes before it opens, like every other caller', () => {
    // The older rules close escalation on day 15 of the dispute: opening it on day 20 leaves no window.
    const r = policyOf({ pack: 'official-legacy', overrides: { escalationOpens: 20, sellerResponse: 4 } });
    // Refused by name, the pack's window kept, the good override still applied.
    expect(r.errors.map((e) => e.path)).toEqual(['overrides.escalationOpens']);
    expect(r.policy.rules.escalationOpens!.value).toBe(file().packs['official-legacy'].rules.escalationOpens!.value);
    expect(r.policy.rules.sellerResponse.value).toBe(4);
  });

  it('sends extension pages only the numbers the clock reads', () => {
    const clock = clockOf(policyOf(null).policy);
    expect(clock.rules.returnShipBy).toEqual({ value: 10, from: 'return-agreed' });
    expect(JSON.stringify(clock)).not.toContain('quote');
  });
});
