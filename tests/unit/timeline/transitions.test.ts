import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../src/model/index.ts';
import type { PackId } from '../../../src/rules/index.ts';
import { timelineFor } from '../../../src/timeline/index.ts';
import { dispute, order, policy } from './build.ts';

/** The phase one millisecond before and exactly at a boundary: each deadline takes effect at its instant. */
type Edge = { pack: PackId; from: string; to: string; at: string; dispute?: Partial<Dispute>; shipped?: boolean };

const phaseAt = (edge: Edge, ms: number) =>
  timelineFor({
    order: edge.shipped ? order({ status: 'shipped', dates: { shippedAt: '2026-09-01T08:00:00.000Z' } }) : null,
    dispute: edge.dispute ? dispute(edge.dispute) : null,
    policy: policy(edge.pack),
    now: new Date(ms),
  }).phase;

const seller = { status: 'awaiting-seller', awaiting: 'seller' } as const;
const buyer = { status: 'awaiting-buyer', awaiting: 'buyer' } as const;

const edges: Edge[] = [
  { pack: 'guide', shipped: true, from: 'no-problem', to: 'can-open-dispute', at: '2026-10-31T08:00:00.000Z' },
  { pack: 'guide', shipped: true, from: 'can-open-dispute', to: 'protection-expired', at: '2026-11-15T08:00:00.000Z' },
  { pack: 'guide', dispute: seller, from: 'waiting-for-seller', to: 'refund-pending', at: '2026-11-06T10:00:00.000Z' },
  { pack: 'guide', dispute: buyer, from: 'negotiating', to: 'escalation-open', at: '2026-11-16T10:00:00.000Z' },
  { pack: 'guide', dispute: buyer, from: 'escalation-open', to: 'negotiating', at: '2026-11-19T10:00:00.000Z' },
  {
    pack: 'official-legacy',
    shipped: true,
    from: 'no-problem',
    to: 'can-open-dispute',
    at: '2026-10-31T08:00:00.000Z',
  },
  {
    pack: 'official-legacy',
    shipped: true,
    from: 'can-open-dispute',
    to: 'protection-expired',
    at: '2026-11-15T08:00:00.000Z',
  },
  {
    pack: 'official-legacy',
    dispute: seller,
    from: 'waiting-for-seller',
    to: 'refund-pending',
    at: '2026-11-06T10:00:00.000Z',
  },
  {
    pack: 'official-legacy',
    dispute: buyer,
    from: 'negotiating',
    to: 'escalation-open',
    at: '2026-11-05T10:00:00.000Z',
  },
  { pack: 'official-legacy', dispute: buyer, from: 'escalation-open', to: 'escalated', at: '2026-11-16T10:00:00.000Z' },
];

describe('phase transitions at their exact instants', () => {
  it.each(edges)('$pack: $from -> $to at $at', (edge) => {
    const t = Date.parse(edge.at);
    expect(phaseAt(edge, t - 1)).toBe(edge.from);
    expect(phaseAt(edge, t)).toBe(edge.to);
  });

  it('an agreed return turns overdue at its ship-by instant, not before', () => {
    const input = (iso: string) => ({
      order: null,
      dispute: dispute({ status: 'awaiting-return', awaiting: 'buyer', deadline: '2026-11-20T00:00:00.000Z' }),
      policy: policy('guide'),
      now: new Date(iso),
    });
    expect(timelineFor(input('2026-11-19T23:59:59.999Z')).nextStep.why).toBe('whyShipReturn');
    expect(timelineFor(input('2026-11-20T00:00:00.000Z')).nextStep.why).toBe('whyReturnOverdue');
  });
});
