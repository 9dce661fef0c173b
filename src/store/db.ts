import { Dexie, type EntityTable } from 'dexie';
import type { HeldDispute, Progress, SentAlert, SettingRow, StoredDispute, StoredOrder } from './records.ts';
import type { StoredReading } from './readings.ts';
import { LATEST_VERSION, VERSIONS } from './schema.ts';

export type * from './records.ts';
export type { HistoryEntry, StoredReading } from './readings.ts';

export const DB_NAME = 'refund-radar';

export type RadarDb = Dexie & {
  orders: EntityTable<StoredOrder, 'orderId'>;
  disputes: EntityTable<StoredDispute, 'key'>;
  /** The history, one record per reading (readings.ts). */
  readings: EntityTable<StoredReading, 'id'>;
  alerts: EntityTable<SentAlert, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  progress: EntityTable<Progress, 'orderId'>;
  held: EntityTable<HeldDispute, 'key'>;
};

export const TABLES = ['orders', 'disputes', 'readings', 'alerts', 'settings', 'progress', 'held'] as const;
export type TableName = (typeof TABLES)[number];

/** Opens the database with every version declared; `upTo` stops early so tests can build old versions. */
export function openDb(name = DB_NAME, upTo = LATEST_VERSION): RadarDb {
  const db = new Dexie(name) as RadarDb;
  for (const v of VERSIONS) {
    if (v.version > upTo) break;
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}
