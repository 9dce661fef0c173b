import type { Transaction } from 'dexie';
import {
  upgradeCalendarDates,
  upgradeProgress,
  type Observation,
  type OlderProgress,
  type Progress,
  type StoredOrder,
} from './records.ts';
import { toReadings } from './readings.ts';

/** One released database version: its table declarations and, from version 2 on, its upgrade. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/**
 * Every schema version ever released, oldest first. Released versions are never edited: a change
 * is a new entry with its upgrade (and a fixture in tests/unit/store/migrations.test.ts), because
 * Dexie upgrades from whatever version it finds on the shopper's disk.
 */
export const VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      orders: 'orderId, status, updatedAt',
      disputes: 'key, orderId, status, updatedAt',
      observations: '++id, orderId, [entity+entityId], readAt',
      alerts: 'id, key, firedAt',
      settings: 'key',
      progress: 'orderId',
    },
  },
  {
    // Disputes a page named only by their order line or case wait in `held` for their order;
    // stored disputes are found by line and case to join them.
    version: 2,
    stores: {
      disputes: 'key, orderId, status, updatedAt, lineId, disputeId',
      held: 'key, lineId, disputeId, readAt',
    },
  },
  {
    // Progress said `refundStartedAt` for what was only a visit to the dispute form; it is now
    // `wentToDisputeAt` (records.ts AnyProgress), and a dispute runs only from a page or the shopper's word.
    version: 3,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('progress')
        .toCollection()
        .modify((row: OlderProgress & Partial<Progress>) => {
          Object.assign(row, upgradeProgress(row));
          delete row.refundStartedAt;
        });
    },
  },
  {
    // A date the page showed without a time is a calendar date "2026-11-03", no longer 00:00 UTC
    // (records.ts upgradeCalendarDates says which fields and why).
    version: 4,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('orders')
        .toCollection()
        .modify((row: StoredOrder) => {
          Object.assign(row, upgradeCalendarDates(row));
        });
    },
  },
  {
    // Ingest's cost is per record written (README, "Where the time goes"). The history becomes one
    // record per reading instead of one per order and reading (readings.ts): the rows are regrouped
    // by their reading, in id order, and the old table goes. Orders and disputes lose the `status`
    // and `updatedAt` indexes, which no query used and every put paid for.
    version: 5,
    stores: {
      orders: 'orderId',
      disputes: 'key, orderId, lineId, disputeId',
      observations: null,
      readings: '++id, [readAt+size], *flags',
    },
    upgrade: async (tx) => {
      const rows = (await tx.table('observations').toArray()) as Observation[];
      // An old row's id is its own: the reading's id comes from the new table.
      const readings = toReadings(rows.map(({ id: _id, ...row }) => row));
      if (readings.length) await tx.table('readings').bulkAdd(readings);
    },
  },
];

export const LATEST_VERSION = VERSIONS[VERSIONS.length - 1]!.version;
