import { duringDispute, openDispute, pitfalls, reasons } from '../../rules/steps.json';
import type { Phase } from '../model/index.ts';

/**
 * The refund steps as shipped in rules/steps.json. The JSON is imported as data, not through
 * src/rules, so the popup does not carry the validator (src/rules' tests validate this file).
 */
export interface StepInfo {
  id: string;
  key: string;
  text: string;
}

export interface ReasonInfo {
  id: ReasonId;
  key: string;
  title: string;
  evidence: Array<{ key: string; text: string }>;
  advice: Array<{ key: string; text: string }>;
}

export type ReasonId = 'not-received' | 'not-as-described' | 'defective' | 'wrong-size' | 'damaged' | 'missing-parts';

export const OPEN_STEPS: StepInfo[] = openDispute;
export const DISPUTE_STEPS: StepInfo[] = duringDispute;
export const ALL_STEPS: StepInfo[] = [...OPEN_STEPS, ...DISPUTE_STEPS];
export const REASONS = reasons as ReasonInfo[];
export const PITFALLS: StepInfo[] = pitfalls;

/** The step of the dispute a phase is in; phases before a dispute fall back to the first unticked opening step. */
const PHASE_STEP: Partial<Record<Phase, string>> = {
  'waiting-for-seller': 'waitForSeller',
  negotiating: 'negotiate',
  'escalation-open': 'escalate',
  'awaiting-return': 'returnItem',
  escalated: 'followProgress',
  'refund-pending': 'followProgress',
};

/** Which step is due now for an order in `phase`, given the steps already ticked; null when none is. */
export function dueStep(phase: Phase, ticked: ReadonlySet<string>): string | null {
  const byPhase = PHASE_STEP[phase];
  if (byPhase) {
    const from = DISPUTE_STEPS.findIndex((s) => s.id === byPhase);
    return DISPUTE_STEPS.slice(from).find((s) => !ticked.has(s.id))?.id ?? null;
  }
  if (phase === 'can-open-dispute' || phase === 'no-problem')
    return OPEN_STEPS.find((s) => !ticked.has(s.id))?.id ?? null;
  return null;
}
