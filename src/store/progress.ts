import type { Progress, RadarDb } from './db.ts';

function blank(orderId: string): Progress {
  return { orderId, wentToDisputeAt: null, submittedAt: null, notSubmittedAt: null, reason: null, steps: {} };
}

async function change(db: RadarDb, orderId: string, next: (p: Progress) => Progress): Promise<Progress> {
  return db.transaction('rw', db.progress, async () => {
    const progress = (await db.progress.get(orderId)) ?? blank(orderId);
    const changed = next(progress);
    if (changed !== progress) await db.progress.put(changed);
    return changed;
  });
}

/** Returns whether anything changed, so ticking the same step twice writes nothing. */
export async function tickStep(
  db: RadarDb,
  orderId: string,
  stepId: string,
  done: boolean,
  at: string,
): Promise<boolean> {
  let changed = false;
  await change(db, orderId, (progress) => {
    if (done === Object.hasOwn(progress.steps, stepId)) return progress;
    const steps = { ...progress.steps };
    if (done) steps[stepId] = at;
    else delete steps[stepId];
    changed = true;
    return { ...progress, steps };
  });
  return changed;
}

/**
 * The shopper went to AliExpress's dispute form: an intent, which starts no deadline. The latest
 * visit counts, so after a "No" a new visit asks again.
 */
export function wentToDispute(db: RadarDb, orderId: string, reason: string | null, at: string): Promise<Progress> {
  return change(db, orderId, (progress) => ({ ...progress, wentToDisputeAt: at, reason: reason ?? progress.reason }));
}

/**
 * The shopper's answer to "did you submit it?". Yes: the dispute counts from the day they went to
 * the form (when they most likely submitted it), else from now; a second yes moves nothing.
 */
export function answerSubmitted(db: RadarDb, orderId: string, submitted: boolean, at: string): Promise<Progress> {
  return change(db, orderId, (progress) => {
    if (!submitted) return { ...progress, notSubmittedAt: at };
    if (progress.submittedAt) return progress;
    return { ...progress, submittedAt: progress.wentToDisputeAt ?? at };
  });
}

// Instants compared as numbers: as text, an offset or a five-digit year sorts wrongly.
const earliest = (a: string | null, b: string | null) => (a && b ? (Date.parse(a) <= Date.parse(b) ? a : b) : (a ?? b));
const latest = (a: string | null, b: string | null) => (a && b ? (Date.parse(a) >= Date.parse(b) ? a : b) : (a ?? b));

/**
 * Backups and other devices: the earliest submission (deadlines run from it), the latest visit and
 * answer (so an answer given on one device is not asked again), and every tick survive.
 */
export function mergeProgress(stored: Progress | undefined, incoming: Progress): Progress {
  if (!stored) return incoming;
  const steps = { ...incoming.steps };
  for (const [id, at] of Object.entries(stored.steps))
    if (!steps[id] || Date.parse(at) < Date.parse(steps[id])) steps[id] = at;
  const wentToDisputeAt = latest(stored.wentToDisputeAt, incoming.wentToDisputeAt);
  const reasonFrom = wentToDisputeAt === incoming.wentToDisputeAt ? incoming : stored;
  return {
    orderId: stored.orderId,
    wentToDisputeAt,
    submittedAt: earliest(stored.submittedAt, incoming.submittedAt),
    notSubmittedAt: latest(stored.notSubmittedAt, incoming.notSubmittedAt),
    reason: reasonFrom.reason ?? stored.reason ?? incoming.reason,
    steps,
  };
}
