import { migrateSettings } from '../settings/migrate.ts';
import type { Settings } from '../settings/schema.ts';
import type { RadarDb } from './db.ts';

const KEY = 'settings';

/** The shopper's settings, migrated to the current version; defaults until anything was saved. */
// Dexie's own promises, not async functions: these run inside other transactions (backup
// import), where awaiting a native promise can let IndexedDB commit too early.
export function readSettings(db: RadarDb): Promise<Settings> {
  return db.settings.get(KEY).then((row) => migrateSettings(row?.value).settings);
}

export function writeSettings(db: RadarDb, settings: Settings): Promise<string> {
  return db.settings.put({ key: KEY, value: settings });
}
