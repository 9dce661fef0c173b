import { describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../src/store/db.ts';
import { onStoreChange } from '../../../src/ui/live.ts';
import { order } from './fixtures.ts';

const waitFor = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('onStoreChange', () => {
  it('hears a write Dexie commits (the popup relies on Dexie announcing it on its channel)', async () => {
    const db = openDb('live-test-a');
    const heard = vi.fn();
    const stop = onStoreChange('live-test-a', heard, 0);
    await db.orders.put({
      ...order('3000000001'),
      firstSeenAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    await waitFor(() => heard.mock.calls.length > 0);
    stop();
    db.close();
  });

  it('ignores other databases and stops when told to', async () => {
    const db = openDb('live-test-b');
    const heard = vi.fn();
    const stop = onStoreChange('live-test-other', heard, 0);
    const mine = vi.fn();
    const stopMine = onStoreChange('live-test-b', mine, 0);
    await db.orders.put({
      ...order('3000000002'),
      firstSeenAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    await waitFor(() => mine.mock.calls.length > 0);
    expect(heard).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 50));
    stopMine();
    const before = mine.mock.calls.length;
    await db.orders.put({
      ...order('3000000003'),
      firstSeenAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(mine).toHaveBeenCalledTimes(before);
    stop();
    db.close();
  });
});
