import { describe, expect, it } from 'vitest';
import bundled from '../../../rules/policy.json';
import { bundledPolicyFile, loadPolicyFile, PackId, RuleId } from '../../../src/rules/index.ts';

/** A fresh, editable copy of the shipped file, to break in one place per test. */
const copy = (): Record<string, any> => structuredClone(bundled) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('rules/policy.json', () => {
  it('loads', () => {
    const file = bundledPolicyFile();
    expect(file.ok && file.value.defaultPack).toBe('guide');
  });

  it('holds the numbers of every pack as the sources give them', () => {
    const file = bundledPolicyFile();
    if (!file.ok) throw new Error(JSON.stringify(file.errors));
    const numbers = (pack: PackId) =>
      Object.fromEntries(Object.entries(file.value.packs[pack].rules).map(([id, r]) => [id, [r.value, r.from]]));
    expect(numbers('guide')).toEqual({
      sellerResponse: [5, 'dispute-opened'],
      escalationOpens: [15, 'dispute-opened'],
      escalationCloses: [3, 'escalation-opens'],
      buyerProtection: [60, 'shipped'],
      disputeOpens: [60, 'shipped'],
      refundRequestAfterReceipt: [15, 'receipt-confirmed'],
      returnShipBy: [10, 'return-agreed'],
    });
    expect(numbers('official-legacy')).toEqual({
      sellerResponse: [5, 'dispute-opened'],
      escalationOpens: [4, 'dispute-opened'],
      escalationCloses: [15, 'dispute-opened'],
      autoEscalation: [15, 'dispute-opened'],
      buyerProtection: [60, 'shipped'],
      disputeOpens: [60, 'shipped'],
      refundRequestAfterReceipt: [15, 'receipt-confirmed'],
      returnShipBy: [10, 'return-agreed'],
    });
    // Most sources of 2017-2024 (shared/RULES-SOURCES.md): no window for the shopper, AliExpress steps in by itself.
    expect(numbers('current')).toEqual({
      sellerResponse: [5, 'dispute-opened'],
      autoEscalation: [12, 'dispute-opened'],
      buyerProtection: [60, 'shipped'],
      disputeOpens: [10, 'shipped'],
      refundRequestAfterReceipt: [15, 'receipt-confirmed'],
      returnShipBy: [10, 'return-agreed'],
    });
    const current = file.value.packs.current.rules;
    expect(current.sellerResponse.alternatives.map((a) => [a.value, a.source.date])).toEqual([
      [4, '2020-06-06'],
      [15, '2026-12-02'],
    ]);
    expect(current.autoEscalation!.alternatives.map((a) => a.value)).toEqual([15]);
    expect(current.buyerProtection.alternatives.map((a) => a.value)).toEqual([90]);
    expect(current.disputeOpens.alternatives.map((a) => a.value)).toEqual([11]);
  });

  it('keeps the other numbers the sources give as alternatives with their own sources', () => {
    const file = bundledPolicyFile();
    if (!file.ok) throw new Error(JSON.stringify(file.errors));
    const { rules } = file.value.packs.guide;
    expect(rules.buyerProtection.alternatives.map((a) => [a.value, a.region ?? null])).toEqual([
      [90, 'RU'],
      [120, 'BR'],
      [90, null],
    ]);
    expect(rules.refundRequestAfterReceipt.alternatives[0]).toMatchObject({
      value: 7,
      source: { where: 'tests/fixtures/real/order-detail.json', date: '2026-09-07' },
    });
    expect(rules.sellerResponse.alternatives.map((a) => a.value)).toEqual([15]);
  });

  it('gives every rule and every alternative a quoted, dated source', () => {
    const file = bundledPolicyFile();
    if (!file.ok) throw new Error(JSON.stringify(file.errors));
    for (const pack of PackId.options) {
      for (const [id, rule] of Object.entries(file.value.packs[pack].rules)) {
        expect(RuleId.options).toContain(id);
        for (const source of [rule.source, ...rule.alternatives.map((a) => a.source)]) {
          expect(source.quote.length, `${pack}.${id}`).toBeGreaterThan(10);
          expect(source.where.length, `${pack}.${id}`).toBeGreaterThan(0);
          expect(source.date, `${pack}.${id}`).toMatch(/^\d{4}/);
        }
      }
    }
  });

  it('quotes the founding guide word for word where it follows it', () => {
    const file = bundledPolicyFile();
    if (!file.ok) throw new Error(JSON.stringify(file.errors));
    const { rules } = file.value.packs.guide;
    expect(rules.sellerResponse.source.quote).toContain('a maximum of five days to respond');
    expect(rules.escalationOpens!.source.quote).toContain('within 15 days');
    expect(rules.escalationCloses!.source.quote).toBe(
      'You can find it for up to three days after you make your initial request.',
    );
  });
});

describe('a broken rules file', () => {
  const refused = (file: unknown) => {
    const result = loadPolicyFile(file);
    if (result.ok) throw new Error('the file was accepted');
    return result.errors;
  };

  it('is refused when a rule has no source, naming the rule', () => {
    const file = copy();
    delete file.packs.guide.rules.sellerResponse.source;
    expect(refused(file)).toEqual([{ path: 'packs.guide.rules.sellerResponse.source', message: expect.any(String) }]);
  });

  it('is refused when a source quotes nothing', () => {
    const file = copy();
    file.packs['official-legacy'].rules.returnShipBy.source.quote = '';
    expect(refused(file)).toEqual([
      { path: 'packs.official-legacy.rules.returnShipBy.source.quote', message: 'must quote the sentence' },
    ]);
  });

  it('is refused on a typo in a key, naming the key', () => {
    const file = copy();
    file.packs.guide.rules.sellerResponse.valeu = 5;
    expect(refused(file)).toEqual([{ path: 'packs.guide.rules.sellerResponse.valeu', message: 'unknown key "valeu"' }]);
  });

  it('is refused on a misspelt rule id', () => {
    const file = copy();
    file.packs.guide.rules.sellerRespons = file.packs.guide.rules.sellerResponse;
    delete file.packs.guide.rules.sellerResponse;
    expect(refused(file).map((e) => e.path)).toEqual([
      'packs.guide.rules.sellerResponse',
      'packs.guide.rules.sellerRespons',
    ]);
  });

  it('is refused on a wrong type', () => {
    const file = copy();
    file.packs.guide.rules.buyerProtection.value = '60';
    expect(refused(file)).toEqual([
      { path: 'packs.guide.rules.buyerProtection.value', message: 'must be a number of days' },
    ]);
  });

  it('is refused on a negative or zero duration', () => {
    const file = copy();
    file.packs.guide.rules.returnShipBy.value = -10;
    file.packs.guide.rules.sellerResponse.value = 0;
    expect(refused(file)).toEqual([
      { path: 'packs.guide.rules.sellerResponse.value', message: 'must be more than 0 days' },
      { path: 'packs.guide.rules.returnShipBy.value', message: 'must be more than 0 days' },
    ]);
  });

  it('is refused on an unknown event to count from', () => {
    const file = copy();
    file.packs.guide.rules.returnShipBy.from = 'return-shipped';
    expect(refused(file).map((e) => e.path)).toEqual(['packs.guide.rules.returnShipBy.from']);
  });

  it('is refused when escalation would close before it opens', () => {
    const file = copy();
    file.packs['official-legacy'].rules.escalationOpens.value = 20;
    expect(refused(file).map((e) => e.path)).toEqual(['packs.official-legacy.rules.escalationCloses']);
  });

  it('is refused when a pack has one end of the escalation window without the other', () => {
    const file = copy();
    delete file.packs.guide.rules.escalationCloses;
    expect(refused(file).map((e) => e.path)).toEqual(['packs.guide.rules.escalationCloses']);
    const none = copy();
    delete none.packs.guide.rules.escalationOpens;
    delete none.packs.guide.rules.escalationCloses;
    expect(loadPolicyFile(none).ok).toBe(true);
  });

  it('is refused, not thrown on, when it is not even an object', () => {
    expect(refused('policy')).toEqual([{ path: '(root)', message: expect.any(String) }]);
    expect(refused(null)).toHaveLength(1);
  });
});
