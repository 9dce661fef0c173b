import { byUrgency, needsShopper } from './entry.ts';
import { toEntries, type Tracked } from './entries.ts';
import { PAGE_SIZE } from './OrderList.tsx';
import { policyFor } from './policy.ts';
import type { PopupData } from './Popup.tsx';

/**
 * The popup's first screen from its last opening, so it draws at once while the background
 * answers (a 1,000-order dashboard takes it a few hundred milliseconds, more when its worker was
 * asleep). Only the orders that were on the first screen are kept, with the rules they were
 * read under; timelines are worked out again at the current time, and the live answer replaces
 * this within the second. Kept in the extension's own localStorage, on this device like the store.
 */
export const CACHE_KEY = 'refund-radar-popup';
const VERSION = 1;

type Rules = { pack: string; overrides: Record<string, unknown> };
interface Cached {
  v: number;
  total: number;
  rules: Rules;
  tracked: Tracked[];
}

/** What to keep of a live answer: the first screen's orders, most urgent first. */
export function cacheOf(tracked: Tracked[], rules: Rules, now: Date): string {
  const entries = toEntries(tracked, policyFor(rules), now);
  const first = new Set(
    entries
      .filter(needsShopper)
      .sort(byUrgency)
      .slice(0, PAGE_SIZE)
      .map((e) => e.order.orderId),
  );
  const cached: Cached = {
    v: VERSION,
    total: tracked.length,
    rules,
    tracked: tracked.filter((t) => first.has(t.order.orderId)),
  };
  return JSON.stringify(cached);
}

/** The first screen again at `now`; null when there is nothing usable. */
export function restore(text: string | null, now: Date): PopupData | null {
  if (!text) return null;
  try {
    const cached = JSON.parse(text) as Cached;
    if (cached.v !== VERSION || !Array.isArray(cached.tracked)) return null;
    return { entries: toEntries(cached.tracked, policyFor(cached.rules), now), total: cached.total, cached: true };
  } catch {
    return null;
  }
}
