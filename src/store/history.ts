import type { RadarDb } from './db.ts';
import { flagKey, flatten, toReadings, withEntries, type StoredReading } from './readings.ts';
import { canonical } from './merge.ts';
import type { Observation } from './records.ts';

const DAY_MS = 86_400_000;

/**
 * How long the history is kept (README, "Security model"): observations say what each reading
 * changed, old and new values, and without a limit grew with every page view for ever.
 * `observations` counts entries (one order's or dispute's changes from one reading), not
 * readings: a reading of a 1,000-order list is 1,000 of them.
 * Alerts must outlive the moment they could be due again: an alert is due at most 30 days
 * (the longest lead time) before its deadline and at most 15 days after it.
 */
export const HISTORY_LIMITS = {
  observationDays: 365,
  observations: 20_000,
  alertDays: 90,
  alerts: 5_000,
} as const;

/**
 * Drops history older than its age limit, then the oldest beyond its count limit; returns how many
 * observations and alerts went. The history goes by whole readings, newest kept first: the
 * reading that would cross the count limit goes with every older one, so at most the limit stays.
 */
export async function pruneHistory(
  db: RadarDb,
  now: Date,
  limits: Record<keyof typeof HISTORY_LIMITS, number> = HISTORY_LIMITS,
): Promise<number> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return db.transaction('rw', db.readings, db.alerts, async () => {
    // Keys only, in one walk of the index newest first: it holds each reading's time and size, and
    // the cursor its id, so no reading is read whole.
    // Stored instants are normalised to UTC on arrival, so the index's text order is time order.
    const oldest = before(limits.observationDays);
    const drop: number[] = [];
    let dropped = 0;
    let kept = 0;
    await db.readings
      .orderBy('[readAt+size]')
      .reverse()
      .eachKey((key, cursor) => {
        const [readAt, size] = key as unknown as [string, number];
        if (drop.length === 0 && readAt >= oldest && kept + size <= limits.observations) kept += size;
        else {
          drop.push(cursor.primaryKey as number);
          dropped += size;
        }
      });
    if (drop.length) await db.readings.bulkDelete(drop);
    dropped += await db.alerts.where('firedAt').below(before(limits.alertDays)).delete();
    const extraAlerts = (await db.alerts.count()) - limits.alerts;
    if (extraAlerts > 0) dropped += await db.alerts.orderBy('firedAt').limit(extraAlerts).delete();
    return dropped;
  });
}

/** The whole history as observations, oldest reading first: what backups export and tests read. */
export async function allObservations(db: RadarDb): Promise<Observation[]> {
  return (await db.readings.toArray()).flatMap(flatten);
}

/** Adds observations as readings, in one request. */
export async function addObservations(db: RadarDb, observations: readonly Observation[]): Promise<void> {
  if (observations.length) await db.readings.bulkAdd(toReadings(observations.map(({ id: _id, ...o }) => o)));
}

/**
 * Of these flagged observations, the ones whose flag the history does not hold yet (a stale page
 * read again and again keeps its first sighting only). One indexed query for all of them.
 */
export async function newFlags(db: RadarDb, flags: readonly Observation[]): Promise<Observation[]> {
  if (!flags.length) return [];
  const keys = [...new Set(flags.map(flagKey))];
  const seen = new Set<string>();
  for (const reading of await db.readings.where('flags').anyOf(keys).toArray())
    for (const e of reading.entries) if (e.flagged !== null) seen.add(flagSignature(e));
  const fresh: Observation[] = [];
  for (const o of flags) {
    const sig = flagSignature(o);
    if (seen.has(sig)) continue;
    seen.add(sig);
    fresh.push(o);
  }
  return fresh;
}

/** Flags say "stored X, page showed Y": the same reason on the same record is the same flag. */
function flagSignature(o: Pick<Observation, 'entity' | 'entityId' | 'flagged'>): string {
  return `${flagKey(o)}\n${o.flagged}`;
}

/**
 * Takes an order's entries out of the history and returns them as observations (each with its
 * reading's id, for `restoreObservations`). A reading left empty goes. "Stop tracking" is rare
 * and the history has no index by order (each would cost an index entry per entry on every
 * ingest), so this reads the history whole. Call it inside a transaction that holds `readings`.
 */
export async function takeObservations(db: RadarDb, orderId: string): Promise<Observation[]> {
  const touched = await db.readings.filter((r) => r.entries.some((e) => e.orderId === orderId)).toArray();
  const taken = touched.flatMap((r) => flatten(r).filter((o) => o.orderId === orderId));
  const emptied: number[] = [];
  const rest: StoredReading[] = [];
  for (const r of touched) {
    const left = r.entries.filter((e) => e.orderId !== orderId);
    if (left.length) rest.push(withEntries(r, left));
    else emptied.push(r.id!);
  }
  if (emptied.length) await db.readings.bulkDelete(emptied);
  if (rest.length) await db.readings.bulkPut(rest);
  return taken;
}

/**
 * Puts observations taken by `takeObservations` back: into their reading when it is still there
 * (an entry it holds already is not added twice, so a second undo changes nothing), else as that
 * reading again. Call it inside a transaction that holds `readings`.
 */
export async function restoreObservations(db: RadarDb, observations: readonly Observation[]): Promise<void> {
  const groups = toReadings(observations);
  const withId = groups.filter((g) => g.id !== undefined);
  const stored = await db.readings.bulkGet(withId.map((g) => g.id!));
  const puts: StoredReading[] = [];
  const adds: StoredReading[] = groups.filter((g) => g.id === undefined);
  withId.forEach((group, i) => {
    const current = stored[i];
    if (!current) puts.push(group);
    else if (current.readAt !== group.readAt || current.url !== group.url || current.kind !== group.kind) {
      // The id names another reading (a message can say anything): added as a reading of its own.
      const { id: _id, ...fresh } = group;
      adds.push(fresh);
    } else {
      const have = new Set(current.entries.map(canonical));
      const missing = group.entries.filter((e) => !have.has(canonical(e)));
      if (missing.length) puts.push(withEntries(current, [...current.entries, ...missing]));
    }
  });
  if (puts.length) await db.readings.bulkPut(puts);
  if (adds.length) await db.readings.bulkAdd(adds);
}
