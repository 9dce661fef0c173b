import { migrateSettings } from '../settings/migrate.ts';
import type { Settings } from '../settings/schema.ts';
import type { RadarDb } from './db.ts';

const KEY = 'settings';

/** The shopper's settings, migrated to the current version; defaults until anything was saved. */
export async function readSettings(db: RadarDb): Promise<Settings> {
  const row = await db.settings.get(KEY);
  return migrateSettings(row?.value).settings;
}

export async function writeSettings(db: RadarDb, settings: Settings): Promise<void> {
  await db.settings.put({ key: KEY, value: settings });
}
