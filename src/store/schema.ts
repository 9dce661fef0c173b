import type { Transaction } from 'dexie';

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
];

export const LATEST_VERSION = VERSIONS[VERSIONS.length - 1]!.version;
