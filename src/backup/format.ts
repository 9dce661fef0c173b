import * as z from 'zod/mini';
import { CAPS, capped, IsoDateTime, PageDispute } from '../model/index.ts';
import { migrateSettings } from '../settings/migrate.ts';
import { Settings, SettingsV1 } from '../settings/schema.ts';
import type { RefusalReason } from './refusal.ts';
import { fromTheFuture } from '../store/clock.ts';
import {
  AnyProgress,
  Observation,
  SentAlert,
  StoredDispute,
  StoredOrder,
  upgradeCalendarDates,
} from '../store/records.ts';

export const BACKUP_FORMAT = 'refund-radar-backup';
/** 2: order dates shown without a time are calendar dates ("2026-11-03"); 1 kept them as 00:00 UTC. */
export const BACKUP_VERSION = 2;

import { MAX_BACKUP_CHARS } from './limits.ts';

export { MAX_BACKUP_CHARS };

/**
 * A dispute held for its order (store/ingest.ts): read on a page that named only its line or case,
 * with the reading it came from. Optional, so older backups still read; older versions drop it.
 */
export const HeldInBackup = z.object({
  readAt: IsoDateTime,
  url: capped(CAPS.url),
  kind: capped(CAPS.kind),
  dispute: PageDispute.check(z.refine((d) => d.orderId === null, 'a held dispute has no order yet')),
});

export const BackupV1 = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: IsoDateTime,
  orders: z.array(StoredOrder),
  disputes: z.array(
    StoredDispute.check(z.refine((d) => d.key === `${d.orderId}:${d.lineId ?? '-'}`, 'key must be orderId:lineId')),
  ),
  observations: z.array(Observation),
  // Older backups carry refundStartedAt (an intent, see AnyProgress): read as wentToDisputeAt.
  progress: z.array(AnyProgress),
  // Settings of an earlier version (a backup made before issue 15) are brought up to date.
  settings: z.pipe(
    z.union([Settings, SettingsV1]),
    z.transform((s) => migrateSettings(s).settings),
  ),
  alerts: z.array(SentAlert),
  held: z.optional(z.array(HeldInBackup)),
});
export type Backup = z.infer<typeof BackupV1>;

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; reason: RefusalReason; message: string };

/**
 * Reads a backup file's text. Each way a file can be wrong gets its own reason, because the
 * shopper's next step differs: a truncated file needs a new export, a newer one a newer extension.
 */
export function parseBackup(text: string, now: Date = new Date()): ParsedBackup {
  if (text.length > MAX_BACKUP_CHARS)
    return refuse('too-large', `the file is larger than ${MAX_BACKUP_CHARS} characters`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return looksTruncated(text)
      ? refuse('truncated', `the file ends early (${detail}); export it again`)
      : refuse('corrupt', `the file is not valid JSON (${detail})`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return refuse('foreign', 'not a Refund Radar backup');
  const { format, version } = json as Record<string, unknown>;
  if (format !== BACKUP_FORMAT)
    return refuse('foreign', 'not a Refund Radar backup (no "format": "refund-radar-backup")');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return refuse('invalid', `unknown backup version ${JSON.stringify(version)}`);
  if (version > BACKUP_VERSION)
    return refuse(
      'newer-version',
      `made by a newer Refund Radar (backup version ${version}, this one reads up to ${BACKUP_VERSION}); update the extension`,
    );
  const parsed = BackupV1.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    return refuse('invalid', `${issues.join('; ')}${more}`);
  }
  const ahead = futureReading(parsed.data, now);
  if (ahead) return refuse('invalid', `${ahead} is more than a day in the future`);
  const backup =
    parsed.data.version === 1 ? { ...parsed.data, orders: parsed.data.orders.map(upgradeCalendarDates) } : parsed.data;
  return { ok: true, backup };
}

/**
 * The first time of reading (not a deadline: those are rightly ahead) that lies more than a day
 * after `now`, by its path; null when none. A record read "in 9999" would beat every later page.
 */
function futureReading(backup: Backup, now: Date): string | null {
  const times: Array<[string, string | null | undefined]> = [['exportedAt', backup.exportedAt]];
  const record = (
    name: string,
    r: { updatedAt: string; firstSeenAt: string; readAtByField?: Record<string, string> },
  ) => {
    times.push([`${name}.updatedAt`, r.updatedAt], [`${name}.firstSeenAt`, r.firstSeenAt]);
    for (const [field, at] of Object.entries(r.readAtByField ?? {})) times.push([`${name}.readAtByField.${field}`, at]);
  };
  backup.orders.forEach((o, i) => record(`orders.${i}`, o));
  backup.disputes.forEach((d, i) => {
    record(`disputes.${i}`, d);
    times.push([`disputes.${i}.statusSince`, d.statusSince], [`disputes.${i}.escalateSeenAt`, d.escalateSeenAt]);
  });
  backup.observations.forEach((o, i) => times.push([`observations.${i}.readAt`, o.readAt]));
  backup.alerts.forEach((a, i) => times.push([`alerts.${i}.firedAt`, a.firedAt]));
  backup.held?.forEach((h, i) => times.push([`held.${i}.readAt`, h.readAt]));
  backup.progress.forEach((p, i) => {
    for (const key of ['wentToDisputeAt', 'submittedAt', 'notSubmittedAt'] as const)
      times.push([`progress.${i}.${key}`, p[key]]);
    for (const [step, at] of Object.entries(p.steps)) times.push([`progress.${i}.steps.${step}`, at]);
  });
  return times.find(([, at]) => typeof at === 'string' && fromTheFuture(at, now))?.[0] ?? null;
}

/** A JSON text cut short leaves brackets open; a corrupt one usually does not. */
function looksTruncated(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth > 0 || inString;
}

function refuse(reason: RefusalReason, message: string): ParsedBackup {
  return { ok: false, reason, message };
}
