import type { Observation } from './records.ts';

/**
 * The history as stored: one record per reading (a page read, a shopper's entry, a backup's
 * history), holding every order's and dispute's changes from it. IndexedDB's cost is per record:
 * 1,000 entries as 1,000 records took 300–450 ms to add in Chromium, as one record 32–40 ms
 * (README, "Where the time goes"). Everything outside the store sees the history as
 * observations, one per entry (`flatten`), as backups and the "Stop tracking" undo carry it.
 */
export interface StoredReading {
  id?: number;
  readAt: string;
  url: string;
  kind: string;
  /** How many entries: pruning counts entries from the `[readAt+size]` index, without reading records. */
  size: number;
  entries: HistoryEntry[];
  /** `flagKey` of each flagged entry: the index that finds a flag already in the history. */
  flags: string[];
}

/** An observation without what its reading holds once for all of its entries. */
export type HistoryEntry = Omit<Observation, 'id' | 'readAt' | 'url' | 'kind'>;

/** The same flag on the same record is the same flag, whatever reading showed it. */
export function flagKey(o: Pick<Observation, 'entity' | 'entityId'>): string {
  return `${o.entity}:${o.entityId}`;
}

/** A reading's observations, in entry order; each carries the reading's id as its own. */
export function flatten(reading: StoredReading): Observation[] {
  const { id, readAt, url, kind } = reading;
  return reading.entries.map((e) => ({ ...(id !== undefined && { id }), ...e, readAt, url, kind }));
}

/**
 * Observations grouped into readings by when, where and what kind of page (and by `id` when
 * they carry one, so entries handed back by an undo go back to their reading), first seen first.
 */
export function toReadings(observations: readonly Observation[]): StoredReading[] {
  const byKey = new Map<string, StoredReading>();
  for (const { id, readAt, url, kind, ...entry } of observations) {
    const key = JSON.stringify([id ?? null, readAt, url, kind]);
    let reading = byKey.get(key);
    if (!reading)
      byKey.set(
        key,
        (reading = { ...(id !== undefined && { id }), readAt, url, kind, size: 0, entries: [], flags: [] }),
      );
    reading.entries.push(entry);
  }
  return [...byKey.values()].map(sealed);
}

/** A reading with its entries changed: size and flags follow them. */
export function withEntries(reading: StoredReading, entries: HistoryEntry[]): StoredReading {
  return sealed({ ...reading, entries });
}

function sealed(reading: StoredReading): StoredReading {
  const flags = new Set<string>();
  for (const e of reading.entries) if (e.flagged !== null) flags.add(flagKey(e));
  return { ...reading, size: reading.entries.length, flags: [...flags] };
}
