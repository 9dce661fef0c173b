import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../../src/backup/export.ts';
import { importBackup } from '../../../src/backup/import.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { wipeAll } from '../../../src/store/dump.ts';
import { helperFacts } from '../../../src/store/facts.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { freshDb, order, snapshot } from '../store/fixtures.ts';

const ID = '8212379857492017';
const NOW = new Date('2026-11-25T00:00:00.000Z');
let db: RadarDb | undefined;
afterEach(() => db?.close());

/**
 * A backup as versions before issue 12 wrote it: made by exporting now and writing the progress
 * row back in its old shape (`refundStartedAt`, which only "Take me there" ever set).
 */
async function oldBackup(target: RadarDb): Promise<string> {
  const backup = await exportBackup(target, NOW);
  const old = {
    ...backup,
    progress: [{ orderId: ID, refundStartedAt: '2026-11-21T00:00:00.000Z', reason: 'not-received', steps: {} }],
  };
  return JSON.stringify(old);
}

describe('a backup made before a visit and a submission were told apart', () => {
  it('imports, and its "refund started" becomes a visit to the form: a question, not a dispute', async () => {
    db = freshDb();
    await ingest(db, snapshot({ orders: [order()] }));
    const text = await oldBackup(db);
    await wipeAll(db);
    expect(await importBackup(db, text)).toMatchObject({ imported: true });
    expect(await db.progress.get(ID)).toEqual({
      orderId: ID,
      wentToDisputeAt: '2026-11-21T00:00:00.000Z',
      submittedAt: null,
      notSubmittedAt: null,
      reason: 'not-received',
      steps: {},
    });
    const facts = await helperFacts(db, { orderId: ID }, NOW);
    expect(facts?.timeline?.deadlines.map((d) => d.kind)).not.toContain('seller-response');
    expect(facts?.eligibility?.kind).not.toBe('in-dispute');
  });
});
