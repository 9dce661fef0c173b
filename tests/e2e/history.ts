import type { StoredReading } from '../../src/store/readings.ts';
import { storeRows, type Harness } from './harness.ts';

/** The stored history as observations, one per entry of each reading (src/store/readings.ts `flatten`). */
export async function historyRows<T>(h: Harness): Promise<T[]> {
  const readings = await storeRows<StoredReading>(h, 'readings');
  return readings.flatMap(({ readAt, url, kind, entries }) => entries.map((e) => ({ ...e, readAt, url, kind }))) as T[];
}
