import { Dexie, type EntityTable } from 'dexie';
import type { Dispute, Order } from '../model/index.ts';

export const DB_NAME = 'refund-radar';

/** An order as stored: the merged state of every reading, plus when it was last seen. */
export interface StoredOrder extends Order {
  firstSeenAt: string;
  updatedAt: string;
}

/** A dispute as stored; `key` is `${orderId}:${lineId ?? '-'}` so a line has one dispute record. */
export interface StoredDispute extends Dispute {
  key: string;
  firstSeenAt: string;
  updatedAt: string;
}

/** Append-only history of readings: what was seen, when, on which page. */
export interface Observation {
  id?: number;
  entity: 'order' | 'dispute';
  entityId: string;
  readAt: string;
  url: string;
  kind: string;
  changes: Record<string, unknown>;
  flagged: string | null;
}

export interface SentAlert {
  /** Stable id of the event (e.g. `escalation-opens:8212379857492017:2026-12-01T00:00:00.000Z`). */
  id: string;
  firedAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type RadarDb = Dexie & {
  orders: EntityTable<StoredOrder, 'orderId'>;
  disputes: EntityTable<StoredDispute, 'key'>;
  observations: EntityTable<Observation, 'id'>;
  alerts: EntityTable<SentAlert, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

/**
 * Every schema version ever released stays declared here, oldest first; a new version is added
 * below with its upgrade, never edited in place (Dexie upgrades from whatever version it finds).
 */
export function openDb(name = DB_NAME): RadarDb {
  const db = new Dexie(name) as RadarDb;
  db.version(1).stores({
    orders: 'orderId, status, updatedAt',
    disputes: 'key, orderId, status, updatedAt',
    observations: '++id, [entity+entityId], readAt',
    alerts: 'id, firedAt',
    settings: 'key',
  });
  return db;
}
