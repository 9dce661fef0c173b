import { describe, expect, it } from 'vitest';
import bundled from '../../../rules/steps.json';
import { bundledSteps, loadSteps, stepTexts, type StepsFile } from '../../../src/rules/index.ts';

function steps(): StepsFile {
  const s = bundledSteps();
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return s.value;
}

const copy = (): Record<string, any> => structuredClone(bundled) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('rules/steps.json', () => {
  it("has the guide's five steps to open a dispute, in order", () => {
    expect(steps().openDispute.map((s) => s.id)).toEqual(['logIn', 'findOrder', 'openDispute', 'fillIn', 'submit']);
  });

  it('has the steps once a dispute runs', () => {
    expect(steps().duringDispute.map((s) => s.id)).toEqual([
      'waitForSeller',
      'negotiate',
      'escalate',
      'returnItem',
      'followProgress',
    ]);
  });

  it('has evidence and advice for every reason', () => {
    expect(steps().reasons.map((r) => [r.id, r.evidence.length > 0, r.advice.length > 0])).toEqual([
      ['not-received', true, true],
      ['not-as-described', true, true],
      ['defective', true, true],
      ['wrong-size', true, true],
      ['damaged', true, true],
      ['missing-parts', true, true],
    ]);
  });

  it('warns of the pitfalls', () => {
    expect(steps().pitfalls.map((p) => p.id)).toEqual([
      'confirmBeforeChecking',
      'cancelOnSellerRequest',
      'protectionExpires',
      'evidenceTooLarge',
      'evidenceDeadline',
      'refundNotInBank',
    ]);
  });

  it('gives every step, reason and pitfall a source that exists and a quote', () => {
    const s = steps();
    for (const item of [...s.openDispute, ...s.duringDispute, ...s.reasons, ...s.pitfalls]) {
      expect(Object.keys(s.sources), item.id).toContain(item.source.ref);
      expect(item.source.quote.length, item.id).toBeGreaterThan(5);
    }
  });

  it('quotes the founding guide for the steps to open a dispute', () => {
    expect(steps().openDispute.map((s) => [s.source.ref, s.source.quote])).toEqual([
      ['guide', 'Log in to your account'],
      ['guide', "Click on 'my orders' and select the order for which you want a refund"],
      ['guide', "Click on the option 'open dispute'"],
      ['guide', 'Fill in the information'],
      ['guide', 'Submit your request'],
    ]);
  });

  it('lists every English text under a key a _locales catalog accepts', () => {
    const texts = stepTexts(steps());
    expect(Object.keys(texts)).toHaveLength(41);
    for (const key of Object.keys(texts)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(texts.pitfallEvidenceSize).toBe('Keep each photo or video at 2 MB or less, or it will not upload.');
  });
});

describe('a broken steps file', () => {
  const refused = (file: unknown) => {
    const result = loadSteps(file);
    if (result.ok) throw new Error('the file was accepted');
    return result.errors;
  };

  it('is refused when a pitfall has no source', () => {
    const file = copy();
    delete file.pitfalls[0].source;
    expect(refused(file).map((e) => e.path)).toEqual(['pitfalls.0.source']);
  });

  it('is refused when a source does not exist', () => {
    const file = copy();
    file.reasons[2].source.ref = 'blog';
    expect(refused(file)).toEqual([{ path: 'reasons.2.source.ref', message: 'unknown source "blog"' }]);
  });

  it('is refused when a key is used twice', () => {
    const file = copy();
    file.duringDispute[1].key = file.duringDispute[0].key;
    expect(refused(file)).toEqual([
      { path: 'stepRunWaitSeller', message: 'message key "stepRunWaitSeller" is used twice' },
    ]);
  });

  it('is refused when a key could not be a _locales message name', () => {
    const file = copy();
    file.openDispute[0].key = 'step.open.logIn';
    expect(refused(file)).toEqual([{ path: 'openDispute.0.key', message: 'must be letters, digits and _ only' }]);
  });

  it('is refused when a reason is missing, naming it', () => {
    const file = copy();
    file.reasons = file.reasons.filter((r: { id: string }) => r.id !== 'wrong-size');
    expect(refused(file)).toEqual([{ path: 'reasons', message: 'missing reasons: wrong-size' }]);
  });

  it('is refused on an unknown key', () => {
    const file = copy();
    file.openDispute[0].txet = 'typo';
    expect(refused(file)).toEqual([{ path: 'openDispute.0.txet', message: 'unknown key "txet"' }]);
  });
});
