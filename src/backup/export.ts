import { allObservations } from '../store/history.ts';
import { readSettings } from '../store/settings.ts';
import type { RadarDb } from '../store/db.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format.ts';

/** Everything the extension knows, in one consistent read. */
export async function exportBackup(db: RadarDb, now: Date): Promise<Backup> {
  const tables = [db.orders, db.disputes, db.readings, db.progress, db.settings, db.alerts, db.held];
  return db.transaction('r', tables, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    orders: await db.orders.toArray(),
    disputes: await db.disputes.toArray(),
    // One observation per entry, as backups always held it: the store's grouping by reading is its own.
    observations: (await allObservations(db)).map(({ id: _id, ...o }) => o),
    progress: await db.progress.toArray(),
    settings: await readSettings(db),
    alerts: await db.alerts.toArray(),
    // Disputes still waiting for their order: a page that named only their line or case may be gone.
    held: (await db.held.toArray()).map(({ readAt, url, kind, dispute }) => ({ readAt, url, kind, dispute })),
  }));
}

export function backupFileName(now: Date): string {
  return `refund-radar-backup-${now.toISOString().slice(0, 10)}.json`;
}
