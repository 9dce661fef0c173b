import { describe, expect, it } from 'vitest';
import { bundledSteps } from '../../../src/rules/index.ts';
import { DISPUTE_STEPS, dueStep, OPEN_STEPS, PITFALLS, REASONS } from '../../../src/ui/steps.ts';

const file = bundledSteps();
if (!file.ok) throw new Error('steps');
const steps = file.value;

describe('the UI’s list of steps', () => {
  it('matches rules/steps.json (ids, keys and order)', () => {
    expect(OPEN_STEPS).toEqual(steps.openDispute.map(({ id, key }) => ({ id, key })));
    expect(DISPUTE_STEPS).toEqual(steps.duringDispute.map(({ id, key }) => ({ id, key })));
    expect(REASONS).toEqual(
      steps.reasons.map((r) => ({
        id: r.id,
        key: r.key,
        evidence: r.evidence.map((e) => e.key),
        advice: r.advice.map((a) => a.key),
      })),
    );
    expect(PITFALLS).toEqual(steps.pitfalls.map((p) => p.key));
  });

  it('marks the step due now from the phase and the ticks', () => {
    expect(dueStep('can-open-dispute', new Set())).toBe('logIn');
    expect(dueStep('can-open-dispute', new Set(['logIn', 'findOrder']))).toBe('openDispute');
    expect(dueStep('waiting-for-seller', new Set())).toBe('waitForSeller');
    expect(dueStep('negotiating', new Set(['negotiate']))).toBe('escalate');
    expect(dueStep('awaiting-return', new Set())).toBe('returnItem');
    expect(dueStep('refunded', new Set())).toBeNull();
  });
});
