import { addObservations, allObservations } from '../store/history.ts';
import { ingestRecords } from '../store/ingest.ts';
import { canonical, sameValue, type Reading } from '../store/merge.ts';
import { mergeProgress } from '../store/progress.ts';
import { readSettings, writeSettings } from '../store/settings.ts';
import type { Observation, RadarDb, StoredDispute, StoredOrder } from '../store/db.ts';
import type { PageDispute } from '../model/index.ts';
import { parseBackup } from './format.ts';
import { checkRulesSetting } from '../settings/rules-check.ts';
import type { Settings } from '../settings/schema.ts';
import { updateSettings } from '../settings/update.ts';
import type { RefusalReason } from './refusal.ts';

export type ImportResult =
  | {
      imported: true;
      changed: number;
      /** Set when the backup's settings were not taken (or only in part), saying why. */
      settingsKept?: string;
    }
  | { imported: false; reason: RefusalReason; message: string };

const BACKUP_URL = 'refund-radar:backup';

/**
 * Merges a backup into what is stored, in one transaction: orders and disputes through the same
 * rules as a page reading (a newer value wins, a gap never erases), history and ticks added.
 */
export async function importBackup(db: RadarDb, text: string, now: Date = new Date()): Promise<ImportResult> {
  const parsed = parseBackup(text, now);
  if (!parsed.ok) return { imported: false, reason: parsed.reason, message: parsed.message };
  const { backup } = parsed;
  // held: the backup's orders may be the ones disputes read earlier were waiting for.
  const tables = [db.orders, db.disputes, db.readings, db.progress, db.settings, db.alerts, db.held];
  let settingsKept: string | undefined;
  const changed = await db.transaction('rw', tables, async () => {
    let count = 0;
    // Held disputes join the backup's orders that claim them, or are held again, each with its own reading.
    const held = new Map<PageDispute, Reading>(
      (backup.held ?? []).map(({ dispute, ...reading }) => [dispute, { ...reading, via: dispute.statusVia }]),
    );
    const merged = await ingestRecords(
      db,
      backup.orders,
      [...backup.disputes, ...held.keys()],
      (r) => held.get(r as PageDispute) ?? storedReading(r as StoredOrder | StoredDispute),
      // The backup carries its own history; merging must not invent a second one.
      { observe: false },
    );
    count += merged.changed;

    // History is compared by content: ids differ between installations.
    const signature = (o: Omit<Observation, 'id'>) =>
      JSON.stringify([o.entity, o.entityId, o.readAt, o.url, o.flagged, canonical(o.changes)]);
    const known = new Set((await allObservations(db)).map(signature));
    const fresh: Observation[] = [];
    for (const o of backup.observations) {
      const { id: _id, ...rest } = o;
      const sig = signature(rest);
      if (known.has(sig)) continue;
      known.add(sig);
      fresh.push(rest);
    }
    // Regrouped into readings (store/readings.ts), whatever order the file lists them in.
    await addObservations(db, fresh);
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

    const current = await readSettings(db);
    const taken = importedSettings(current, backup.settings);
    settingsKept = taken.kept;
    if (!sameValue(current, taken.settings)) {
      await writeSettings(db, taken.settings);
      count += 1;
    }
    return count;
  });
  return { imported: true, changed, ...(settingsKept !== undefined && { settingsKept }) };
}

/** The reading a backup's stored order or dispute was last merged from, as the record keeps it. */
function storedReading(r: StoredOrder | StoredDispute): Reading {
  return {
    readAt: r.updatedAt,
    url: BACKUP_URL,
    kind: 'backup',
    // The record keeps the provenance its status had where it was read.
    via: r.statusVia ?? 'backup',
    firstSeenAt: r.firstSeenAt,
    statusSince: 'statusSince' in r ? r.statusSince : undefined,
    escalateSeenAt: 'escalateSeenAt' in r ? r.escalateSeenAt : undefined,
    readAtByField: r.readAtByField,
    // Which of a dispute's fields the shopper entered travels with it; an order has none.
    entered: 'key' in r ? (r.entered ?? []) : undefined,
  };
}

/**
 * A backup's settings through the checks the options page's own changes pass (settingsSet), so a
 * file cannot set what the form could not. A file without reminders does not silently turn the
 * shopper's reminders off: the current lead times stay, and the answer says so.
 */
export function importedSettings(current: Settings, incoming: Settings): { settings: Settings; kept?: string } {
  const { notifyLeadDays, buyerReplyLeadHours, rules, language } = incoming;
  const { settings, errors } = updateSettings(
    current,
    { notifyLeadDays, buyerReplyLeadHours, rules, language },
    checkRulesSetting,
  );
  if (errors.length) return { settings: current, kept: errors.map((e) => `${e.field}: ${e.message}`).join('; ') };
  if (settings.notifyLeadDays.length === 0 && current.notifyLeadDays.length > 0)
    return {
      settings: { ...settings, notifyLeadDays: current.notifyLeadDays },
      kept: 'notifyLeadDays: the backup has no reminders; the current ones were kept',
    };
  return { settings };
}
