import type { Phase } from '../model/index.ts';

/**
 * The ids and message keys of rules/steps.json, which is the source (its English texts are in
 * the catalogs under these keys). Listed here so the popup and the content script do not carry
 * the file's texts, sources and quotes twice; tests/unit/ui/steps.test.ts fails when they drift.
 */
export interface StepInfo {
  id: string;
  key: string;
}

export type ReasonId = 'not-received' | 'not-as-described' | 'defective' | 'wrong-size' | 'damaged' | 'missing-parts';

export interface ReasonInfo {
  id: ReasonId;
  key: string;
  evidence: string[];
  advice: string[];
}

export const OPEN_STEPS: StepInfo[] = [
  { id: 'logIn', key: 'stepOpenLogIn' },
  { id: 'findOrder', key: 'stepOpenFindOrder' },
  { id: 'openDispute', key: 'stepOpenStart' },
  { id: 'fillIn', key: 'stepOpenFillIn' },
  { id: 'submit', key: 'stepOpenSubmit' },
];

export const DISPUTE_STEPS: StepInfo[] = [
  { id: 'waitForSeller', key: 'stepRunWaitSeller' },
  { id: 'negotiate', key: 'stepRunNegotiate' },
  { id: 'escalate', key: 'stepRunEscalate' },
  { id: 'returnItem', key: 'stepRunReturn' },
  { id: 'followProgress', key: 'stepRunFollow' },
];

export const REASONS: ReasonInfo[] = [
  {
    id: 'not-received',
    key: 'reasonNotReceived',
    evidence: ['reasonNotReceivedEvidenceTracking', 'reasonNotReceivedEvidenceChat'],
    advice: ['reasonNotReceivedAdviceWait', 'reasonNotReceivedAdviceProtection'],
  },
  {
    id: 'not-as-described',
    key: 'reasonNotAsDescribed',
    evidence: ['reasonNotAsDescribedEvidencePhotos', 'reasonNotAsDescribedEvidenceChat'],
    advice: ['reasonNotAsDescribedAdviceSolution'],
  },
  {
    id: 'defective',
    key: 'reasonDefective',
    evidence: ['reasonDefectiveEvidenceVideo', 'reasonDefectiveEvidenceChat'],
    advice: ['reasonDefectiveAdviceUnedited'],
  },
  {
    id: 'wrong-size',
    key: 'reasonWrongSize',
    evidence: ['reasonWrongSizeEvidenceRuler', 'reasonWrongSizeEvidenceLabel'],
    advice: ['reasonWrongSizeAdviceSwap'],
  },
  {
    id: 'damaged',
    key: 'reasonDamaged',
    evidence: ['reasonDamagedEvidencePhotos', 'reasonDamagedEvidenceUnboxing'],
    advice: ['reasonDamagedAdviceKeep'],
  },
  {
    id: 'missing-parts',
    key: 'reasonMissingParts',
    evidence: ['reasonMissingPartsEvidenceContents', 'reasonMissingPartsEvidenceWeight'],
    advice: ['reasonMissingPartsAdvicePartial'],
  },
];

export const PITFALLS: string[] = [
  'pitfallConfirmEarly',
  'pitfallCancelDispute',
  'pitfallProtectionExpires',
  'pitfallEvidenceSize',
  'pitfallEvidenceDeadline',
  'pitfallRefundBank',
];

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
