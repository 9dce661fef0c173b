import type { Response } from '../messages/protocol.ts';
import { byUrgency, needsShopper, trackedTimeline, type Entry } from '../timeline/tracked.ts';
import { PAGE_SIZE } from './OrderList.tsx';
import type { PopupData } from './Popup.tsx';

/** The background's answer for the popup's list (src/timeline/summary.ts). */
export type SummaryAnswer = Response<'dashboardSummary'>;

/** The popup's data from the background's answer: its cards are already the most urgent, in order. */
export function dataOf(summary: SummaryAnswer): PopupData {
  return { entries: summary.entries, total: summary.tracked, needing: summary.needing };
}

/**
 * The popup's first screen from its last opening, so it draws at once while the background
 * answers (more so when its worker was asleep and must read the store first). Only the first
 * screen's orders are kept, with the rules the background worked them out under; timelines are worked out again
 * at the current time, and the live answer replaces this within the second. Kept in the
 * extension's own localStorage, on this device like the store.
 */
export const CACHE_KEY = 'refund-radar-popup';
const VERSION = 3;

interface Cached {
  v: number;
  tracked: number;
  needing: number;
  policy: SummaryAnswer['policy'];
  entries: Array<Omit<Entry, 'timeline'>>;
}

/** What to keep of a live answer: the first screen's orders, without their timelines. */
export function cacheOf(summary: SummaryAnswer): string {
  const cached: Cached = {
    v: VERSION,
    tracked: summary.tracked,
    needing: summary.needing,
    policy: summary.policy,
    entries: summary.entries.slice(0, PAGE_SIZE).map(({ order, dispute, progress }) => ({ order, dispute, progress })),
  };
  return JSON.stringify(cached);
}

/** The first screen again at `now`; null when there is nothing usable. */
export function restore(text: string | null, now: Date): PopupData | null {
  if (!text) return null;
  try {
    const cached = JSON.parse(text) as Cached;
    if (cached.v !== VERSION || !Array.isArray(cached.entries)) return null;
    const entries = cached.entries
      .map(({ order, dispute, progress }) => ({
        order,
        dispute,
        progress,
        timeline: trackedTimeline(order, dispute, progress, cached.policy, now),
      }))
      .filter(needsShopper)
      .sort(byUrgency);
    return { entries, total: cached.tracked, needing: cached.needing, cached: true };
  } catch {
    return null;
  }
}

const sameCard = (e: Entry) =>
  JSON.stringify([e.order, e.dispute, e.progress, e.timeline.phase, e.timeline.deadlines, e.timeline.nextStep]);

/**
 * `next` with the entries of `shown` that show the same kept as they were, so their cards are not
 * drawn again. Only urgency may differ between them (it counts down with the clock); the order of
 * `next` is kept.
 */
export function keepSame(shown: PopupData | null, next: PopupData): PopupData {
  if (!shown) return next;
  const before = new Map(shown.entries.map((e) => [e.order.orderId, e]));
  const entries = next.entries.map((e) => {
    const old = before.get(e.order.orderId);
    return old && sameCard(old) === sameCard(e) ? old : e;
  });
  return { ...next, entries };
}
