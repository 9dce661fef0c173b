import { Dexie } from 'dexie';
import type { TrackedOrder } from './records.ts';
import type { RadarDb } from './db.ts';

/**
 * Every tracked order with its disputes and progress, newest reading first. Three table scans
 * joined in memory: with 1,000 orders that is far cheaper than a query per order. The result is
 * kept until one of those tables changes (in this context or any other: Dexie announces every
 * committed write), so opening the popup again, or planning alerts, does not read it all again.
 * Callers share it: treat it as read-only.
 */
export function dashboard(db: RadarDb): Promise<TrackedOrder[]> {
  const memo = memoOf(db);
  if (memo.tracked && memo.generation === generationOf(db.name)) return memo.tracked;
  const generation = generationOf(db.name);
  const read = readDashboard(db);
  memo.tracked = read;
  memo.generation = generation;
  // A failed read is not kept; a read that a write overtook is kept under the older generation, so the next call reads again.
  read.catch(() => {
    if (memo.tracked === read) memo.tracked = undefined;
  });
  return read;
}

async function readDashboard(db: RadarDb): Promise<TrackedOrder[]> {
  return db.transaction('r', db.orders, db.disputes, db.progress, async () => {
    const [orders, disputes, progress] = await Promise.all([
      // A reverse index walk is one cursor step per record; a plain table read is one request.
      db.orders.toArray((all) => all.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))),
      db.disputes.toArray(),
      db.progress.toArray(),
    ]);
    const disputesOf = new Map<string, TrackedOrder['disputes']>();
    for (const d of disputes) {
      const list = disputesOf.get(d.orderId);
      if (list) list.push(d);
      else disputesOf.set(d.orderId, [d]);
    }
    const progressOf = new Map(progress.map((p) => [p.orderId, p]));
    return orders.map((order) => ({
      order,
      disputes: disputesOf.get(order.orderId) ?? [],
      progress: progressOf.get(order.orderId) ?? null,
    }));
  });
}

// What the dashboard is made of; a write to any other table (observations, alerts, settings) leaves it as it was.
const DASHBOARD_TABLES = ['orders', 'disputes', 'progress'] as const;

interface Memo {
  tracked?: Promise<TrackedOrder[]>;
  generation: number;
}
const memos = new WeakMap<RadarDb, Memo>();
/** Per database name: how many committed writes touched the dashboard's tables. */
const generations = new Map<string, number>();
let listening = false;

function generationOf(name: string): number {
  return generations.get(name) ?? 0;
}

function memoOf(db: RadarDb): Memo {
  if (!listening) {
    listening = true;
    // Fired on commit, before the writer's own promise resolves, so a read after an awaited write never gets the old list.
    Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
      for (const key of Object.keys(parts)) {
        const name = mutatedDashboardOf(key);
        if (name === '*') for (const n of generations.keys()) generations.set(n, generationOf(n) + 1);
        else if (name !== null) generations.set(name, generationOf(name) + 1);
      }
    });
  }
  if (!generations.has(db.name)) generations.set(db.name, 0);
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = { generation: -1 }));
  return memo;
}

/** The database whose dashboard a mutated part ("idb://<db>/<table>/<index>") touches; '*' for all; null for none. */
function mutatedDashboardOf(key: string): string | null {
  if (!key.startsWith('idb://')) return key === 'all' ? '*' : null;
  const [name, table] = key.slice('idb://'.length).split('/');
  return name !== undefined && (DASHBOARD_TABLES as readonly string[]).includes(table ?? '') ? name : null;
}
