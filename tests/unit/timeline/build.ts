import type { Dispute, Order } from '../../../src/model/index.ts';
import {
  applyOverrides,
  bundledPolicyFile,
  type PackId,
  type Policy,
  type PolicyFile,
} from '../../../src/rules/index.ts';

export const ORDER_ID = '8212379857492017';
export const LINE_ID = '8212379857492018';
export const CASE_ID = '5012379857492019';

export function policyFile(): PolicyFile {
  const file = bundledPolicyFile();
  if (!file.ok) throw new Error(`rules/policy.json is invalid: ${JSON.stringify(file.errors)}`);
  return file.value;
}

export function policy(pack: PackId, overrides: Record<string, number> = {}): Policy {
  return applyOverrides(policyFile(), pack, overrides).policy;
}

export function order(patch: Partial<Omit<Order, 'dates'>> & { dates?: Partial<Order['dates']> } = {}): Order {
  const { dates, ...rest } = patch;
  return {
    orderId: ORDER_ID,
    status: 'shipped',
    statusText: null,
    placedAt: null,
    storeName: null,
    total: null,
    lines: [{ lineId: LINE_ID, title: null, quantity: 1 }],
    actions: [],
    ...rest,
    dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null, ...dates },
  };
}

export function dispute(patch: Partial<Dispute> = {}): Dispute {
  return {
    orderId: ORDER_ID,
    lineId: LINE_ID,
    disputeId: CASE_ID,
    status: 'awaiting-seller',
    statusText: null,
    awaiting: null,
    deadline: null,
    canEscalate: null,
    openedAt: '2026-11-01T10:00:00.000Z',
    reason: null,
    solution: null,
    ...patch,
  };
}

export const at = (iso: string): Date => new Date(iso);
