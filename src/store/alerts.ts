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
