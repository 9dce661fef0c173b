import { TABLES, type RadarDb, type TableName } from './db.ts';

export type Dump = Record<TableName, unknown[]>;

/** Every record of every table, in primary-key order: what backups export and tests compare. */
export async function dumpAll(db: RadarDb): Promise<Dump> {
  return db.transaction(
    'r',
    TABLES.map((t) => db.table(t)),
    async () => {
      const entries = await Promise.all(TABLES.map(async (t) => [t, await db.table(t).toArray()] as const));
      return Object.fromEntries(entries) as Dump;
    },
  );
}

/** Deletes every record in one transaction; the schema stays, so the extension keeps working. */
export async function wipeAll(db: RadarDb): Promise<void> {
  await db.transaction(
    'rw',
    TABLES.map((t) => db.table(t)),
    async () => {
      await Promise.all(TABLES.map((t) => db.table(t).clear()));
    },
  );
}
