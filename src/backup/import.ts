import { ingestRecords } from '../store/ingest.ts';
import { canonical, sameValue } from '../store/merge.ts';
import { mergeProgress } from '../store/progress.ts';
import { readSettings, writeSettings } from '../store/settings.ts';
import type { Observation, RadarDb } from '../store/db.ts';
import { parseBackup } from './format.ts';
import type { RefusalReason } from './refusal.ts';

export type ImportResult =
  { imported: true; changed: number } | { imported: false; reason: RefusalReason; message: string };

const BACKUP_URL = 'refund-radar:backup';

/**
 * Merges a backup into what is stored, in one transaction: orders and disputes through the same
 * rules as a page reading (a newer value wins, a gap never erases), history and ticks added.
 */
export async function importBackup(db: RadarDb, text: string): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { imported: false, reason: parsed.reason, message: parsed.message };
  const { backup } = parsed;
  // held: the backup's orders may be the ones disputes read earlier were waiting for.
  const tables = [db.orders, db.disputes, db.observations, db.progress, db.settings, db.alerts, db.held];
  const changed = await db.transaction('rw', tables, async () => {
    let count = 0;
    const merged = await ingestRecords(
      db,
      backup.orders,
      backup.disputes,
      (r) => ({
        readAt: r.updatedAt,
        url: BACKUP_URL,
        kind: 'backup',
        firstSeenAt: r.firstSeenAt,
        statusSince: 'statusSince' in r ? r.statusSince : undefined,
        escalateSeenAt: 'escalateSeenAt' in r ? r.escalateSeenAt : undefined,
        readAtByField: r.readAtByField,
      }),
      // The backup carries its own history; merging must not invent a second one.
      { observe: false },
    );
    count += merged.changed;

    // History is compared by content: ids differ between installations.
    const signature = (o: Omit<Observation, 'id'>) =>
      JSON.stringify([o.entity, o.entityId, o.readAt, o.url, o.flagged, canonical(o.changes)]);
    const known = new Set((await db.observations.toArray()).map(signature));
    const fresh: Observation[] = [];
    for (const o of backup.observations) {
      const { id: _id, ...rest } = o;
      const sig = signature(rest);
      if (known.has(sig)) continue;
      known.add(sig);
      fresh.push(rest);
    }
    if (fresh.length) await db.observations.bulkAdd(fresh);
    count += fresh.length;

    for (const p of backup.progress) {
      const stored = await db.progress.get(p.orderId);
      const next = mergeProgress(stored, p);
      if (!sameValue(stored, next)) {
        await db.progress.put(next);
        count += 1;
      }
    }

    for (const a of backup.alerts) {
      if (await db.alerts.get(a.id)) continue;
      await db.alerts.add(a);
      count += 1;
    }

    if (!sameValue(await readSettings(db), backup.settings)) {
      await writeSettings(db, backup.settings);
      count += 1;
    }
    return count;
  });
  return { imported: true, changed };
}
