import type { RadarDb } from './db.ts';

const DAY_MS = 86_400_000;

/**
 * How long the history is kept (README, "Security model"): observations say what each reading
 * changed, old and new values, and without a limit grew with every page view for ever.
 * Alerts must outlive the moment they could be due again: an alert is due at most 30 days
 * (the longest lead time) before its deadline and at most 15 days after it.
 */
export const HISTORY_LIMITS = {
  observationDays: 365,
  observations: 20_000,
  alertDays: 90,
  alerts: 5_000,
} as const;

/** Drops history older than its age limit, then the oldest beyond its count limit. */
export async function pruneHistory(
  db: RadarDb,
  now: Date,
  limits: Record<keyof typeof HISTORY_LIMITS, number> = HISTORY_LIMITS,
): Promise<number> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return db.transaction('rw', db.observations, db.alerts, async () => {
    // Stored instants are normalised to UTC on arrival, so the index's text order is time order.
    let dropped = await db.observations.where('readAt').below(before(limits.observationDays)).delete();
    dropped += await db.alerts.where('firedAt').below(before(limits.alertDays)).delete();
    const extraObservations = (await db.observations.count()) - limits.observations;
    if (extraObservations > 0) dropped += await db.observations.orderBy('readAt').limit(extraObservations).delete();
    const extraAlerts = (await db.alerts.count()) - limits.alerts;
    if (extraAlerts > 0) dropped += await db.alerts.orderBy('firedAt').limit(extraAlerts).delete();
    return dropped;
  });
}
