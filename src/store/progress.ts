import type { Progress, RadarDb } from './db.ts';

function blank(orderId: string): Progress {
  return { orderId, refundStartedAt: null, reason: null, steps: {} };
}

/** Returns whether anything changed, so ticking the same step twice writes nothing. */
export async function tickStep(
  db: RadarDb,
  orderId: string,
  stepId: string,
  done: boolean,
  at: string,
): Promise<boolean> {
  return db.transaction('rw', db.progress, async () => {
    const progress = (await db.progress.get(orderId)) ?? blank(orderId);
    if (done === Object.hasOwn(progress.steps, stepId)) return false;
    const steps = { ...progress.steps };
    if (done) steps[stepId] = at;
    else delete steps[stepId];
    await db.progress.put({ ...progress, steps });
    return true;
  });
}

/** The first start counts: deadlines run from it, so a second click must not move them. */
export async function startRefund(db: RadarDb, orderId: string, reason: string, at: string): Promise<Progress> {
  return db.transaction('rw', db.progress, async () => {
    const progress = (await db.progress.get(orderId)) ?? blank(orderId);
    if (progress.refundStartedAt && progress.reason === reason) return progress;
    const next = { ...progress, refundStartedAt: progress.refundStartedAt ?? at, reason };
    await db.progress.put(next);
    return next;
  });
}

/** Backups and other devices: the earliest start and every tick survive. */
export function mergeProgress(stored: Progress | undefined, incoming: Progress): Progress {
  if (!stored) return incoming;
  const startedFirst =
    stored.refundStartedAt &&
    (!incoming.refundStartedAt || Date.parse(stored.refundStartedAt) <= Date.parse(incoming.refundStartedAt))
      ? stored
      : incoming;
  const steps = { ...incoming.steps };
  for (const [id, at] of Object.entries(stored.steps))
    if (!steps[id] || Date.parse(at) < Date.parse(steps[id])) steps[id] = at;
  return {
    orderId: stored.orderId,
    refundStartedAt: startedFirst.refundStartedAt,
    reason: startedFirst.reason ?? stored.reason ?? incoming.reason,
    steps,
  };
}
