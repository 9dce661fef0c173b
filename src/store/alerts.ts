import type { RadarDb, SentAlert } from './db.ts';

export async function sentAlerts(db: RadarDb): Promise<SentAlert[]> {
  return db.alerts.toArray();
}

export async function findSentAlert(db: RadarDb, id: string): Promise<SentAlert | undefined> {
  return db.alerts.get(id);
}

/**
 * Records an alert unless it (or, by `same`, an earlier estimate of it) was already sent, in one
 * transaction, so two wake-ups racing for the same alarm notify once. Returns whether it claimed.
 */
export async function claimAlert(
  db: RadarDb,
  alert: SentAlert,
  same: (a: SentAlert, b: SentAlert) => boolean,
): Promise<boolean> {
  return db.transaction('rw', db.alerts, async () => {
    const earlier = await db.alerts.where('key').equals(alert.key).toArray();
    if (earlier.some((e) => e.id === alert.id || same(e, alert))) return false;
    await db.alerts.add(alert);
    return true;
  });
}

export type SnoozeResult = 'snoozed' | 'already-snoozed' | 'too-late' | 'unknown';

/**
 * "Remind me tomorrow" for a shown alert: marks it snoozed, once, in one transaction, so two
 * clicks (a notification button and the popup) snooze it once. The planner then plans its one
 * comeback from this record, which survives worker and browser restarts.
 */
export async function snoozeAlert(
  db: RadarDb,
  id: string,
  now: Date,
  /** Why this alert may not be snoozed (src/alerts/snooze.ts snoozeRefusal), or null when it may. */
  refuse: (alert: SentAlert) => Exclude<SnoozeResult, 'snoozed' | 'unknown'> | null,
): Promise<SnoozeResult> {
  return db.transaction('rw', db.alerts, async () => {
    const alert = await db.alerts.get(id);
    if (!alert) return 'unknown';
    const refused = refuse(alert);
    if (refused) return refused;
    await db.alerts.update(id, { snoozedAt: now.toISOString() });
    return 'snoozed';
  });
}

/** Alerts shown from `since` until `until` (ms), newest first: the popup offers their snooze where notifications have no buttons. */
export async function recentAlerts(db: RadarDb, since: number, until: number): Promise<SentAlert[]> {
  const all = await db.alerts.toArray();
  return all
    .filter((a) => Date.parse(a.firedAt) >= since && Date.parse(a.firedAt) <= until)
    .sort((a, b) => Date.parse(b.firedAt) - Date.parse(a.firedAt));
}
