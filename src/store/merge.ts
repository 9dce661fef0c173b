import { blankDispute, blankOrder } from '../model/blank.ts';
import type { Dispute, EnteredField, Order, ReadVia } from '../model/index.ts';
import type { Observation, StoredDispute, StoredOrder } from './db.ts';
import {
  disputeStatusBackwards,
  disputeStatusFinal,
  disputeStatusVaguer,
  orderStatusBackwards,
  orderStatusFinal,
} from './status-order.ts';

/** Where and when a reading was made. */
export interface Reading {
  readAt: string;
  url: string;
  kind: string;
  /** A backup's record knows when it was first seen, since when its status holds and when each field was read; a page does not. */
  firstSeenAt?: string;
  statusSince?: string;
  escalateSeenAt?: string;
  readAtByField?: Record<string, string>;
  /** A backup's dispute knows which of its fields the shopper entered; a reading is all of one kind. */
  entered?: readonly EnteredField[];
  /** Where the reading's status came from; absent means the page itself. */
  via?: ReadVia;
}

export interface MergeResult<T> {
  /** The record to store, or null when nothing about it changed. */
  next: T | null;
  /** Whether any field changed (a bare `updatedAt` bump does not count). */
  changed: boolean;
  /** At most one applied-changes observation and one flagged observation. */
  observations: Observation[];
}

type Changes = Observation['changes'];

/**
 * Key-order-independent equality for the plain JSON values the model holds, as their `canonical`
 * texts would compare (a key holding `undefined` is no key), walked rather than serialised: a
 * 1,000-order list compares lines, totals and actions thousands of times per reading.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k) || x[k] === undefined) continue;
    if (!sameValue(x[k], y[k])) return false;
    keys += 1;
  }
  for (const k in y) if (Object.hasOwn(y, k) && y[k] !== undefined) keys -= 1;
  return keys === 0;
}

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** A page that did not show a value leaves null, [] or `unknown`: never a reason to erase. */
function shown(value: unknown): boolean {
  return value !== null && value !== undefined && value !== 'unknown' && !(Array.isArray(value) && value.length === 0);
}

interface FieldRule<T> {
  path: string;
  get: (record: T) => unknown;
  set: (record: T, value: unknown) => void;
  /** Gives `record` its own copy of the object holding this field (for nested paths). */
  copyParent: (record: T) => void;
}

function field<T>(path: string): FieldRule<T> {
  const parts = path.split('.');
  return {
    path,
    get: (record) => parts.reduce<unknown>((v, p) => (v as Record<string, unknown> | null)?.[p] ?? null, record),
    copyParent: (record) => {
      if (parts.length < 2) return;
      const holder = record as Record<string, unknown>;
      const inner = holder[parts[0]!];
      if (inner && typeof inner === 'object') holder[parts[0]!] = { ...(inner as object) };
    },
    set: (record, value) => {
      let target = record as Record<string, unknown>;
      for (const p of parts.slice(0, -1)) target = target[p] as Record<string, unknown>;
      target[parts[parts.length - 1]!] = value;
    },
  };
}

interface MergeSpec<T> {
  entity: Observation['entity'];
  entityId: string;
  orderId: string;
  fields: FieldRule<T>[];
  backwards: (from: string, to: string) => boolean;
  /** A status that says less than the stored one: not applied, not flagged. */
  vaguer?: (from: string, to: string) => boolean;
  /** A status after which no reminder is planned (closed, refunded). */
  final: (status: string) => boolean;
  /** Instants a page shows as a countdown: kept to the minute, a smaller move is no change. */
  countdowns?: ReadonlySet<string>;
}

const MINUTE_MS = 60_000;
/**
 * A countdown turned into an instant moves by the time between the page's tick and the reading
 * (seconds); read five times 300 ms apart it was five "changes" and five alarm names. A move
 * under this is the same deadline.
 */
export const SMALL_MOVE_MS = 5 * MINUTE_MS;

/** An instant rounded to the nearest minute, as the same ISO text. */
function toMinute(at: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? at : new Date(Math.round(t / MINUTE_MS) * MINUTE_MS).toISOString();
}

function nearInstant(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && Math.abs(Date.parse(a) - Date.parse(b)) < SMALL_MOVE_MS;
}

interface Claim {
  status: string;
  statusText: string | null;
  readAt: string;
}

/**
 * A final status read only from page JSON becomes a claim, not the status: any script on the page
 * can post JSON, however often, so only a reading of the page itself (its DOM, or a backup) can
 * make it the status. The first sighting is kept, so reading the same answer again changes nothing.
 */
function claimFor(stored: Claim | undefined, to: string, statusText: string | null, readAt: string): Claim {
  return stored?.status === to ? stored : { status: to, statusText, readAt };
}

/**
 * Per field: a value the page showed wins over the stored one when it was read at least as late
 * as the stored value was; an older reading only fills gaps. Each field remembers when it was
 * last read (`readAtByField`), so a late-arriving older page cannot undo a newer one field by
 * field. Status text follows the status it describes.
 */
function mergeFields<T extends Mergeable>(
  stored: T,
  incoming: T,
  reading: Reading,
  spec: MergeSpec<T>,
): {
  next: T;
  touched: boolean;
  changes: Changes;
  flagged: Changes | null;
  flagReason: string | null;
  /** Fields this reading showed and that now hold its value (set, or agreed with). */
  held: string[];
} {
  // Fields are replaced, never edited in place, so copying the objects along the paths is enough.
  const next = { ...stored };
  for (const rule of spec.fields) rule.copyParent(next);
  const times: Record<string, string> = { ...(stored.readAtByField ?? {}) };
  const changes: Changes = {};
  let flagged: Changes | null = null;
  let flagReason: string | null = null;
  let touched = false;
  let statusAccepted = false;
  const held: string[] = [];
  const via = reading.via ?? 'dom';
  // A status the shopper entered, or one read from JSON, gives way to the page itself.
  const overrulable =
    (stored.statusVia === 'json' && via !== 'json') || (stored.statusVia === 'shopper' && via === 'dom');
  for (const rule of spec.fields) {
    const countdown = spec.countdowns?.has(rule.path) === true;
    const raw = rule.get(incoming);
    const to = countdown && typeof raw === 'string' ? toMinute(raw) : raw;
    const from = rule.get(stored);
    const readAt = reading.readAtByField?.[rule.path] ?? reading.readAt;
    const storedAt = times[rule.path] ?? stored.updatedAt;
    if (rule.path === 'statusText' && !statusAccepted) continue;
    if (!shown(to)) continue;
    const newer = !shown(from) || Date.parse(readAt) >= Date.parse(storedAt);
    if (rule.path === 'status') statusAccepted = newer;
    if (!newer) continue;
    // A value the store did not have cannot equal the one shown (a new order: every field).
    if (shown(from) && (sameValue(from, to) || (countdown && nearInstant(from, to)))) {
      if (Date.parse(readAt) > Date.parse(storedAt) || times[rule.path] === undefined) {
        times[rule.path] = readAt;
        touched = true;
      }
      held.push(rule.path);
      // The page agreeing with a status that came from JSON (or the shopper) makes it the page's.
      if (rule.path === 'status' && overrulable) {
        next.statusVia = via;
        touched = true;
      }
      continue;
    }
    if (rule.path === 'status' && spec.vaguer?.(String(from), String(to))) {
      statusAccepted = false;
      continue;
    }
    // Over a status the page showed; a record with none has no genuine status a forgery could end.
    if (rule.path === 'status' && via === 'json' && shown(from) && spec.final(String(to))) {
      const claim = claimFor(stored.claim, String(to), incoming.statusText, readAt);
      statusAccepted = false;
      if (claim !== stored.claim) {
        next.claim = claim;
        touched = true;
        flagged = { status: { from, to }, statusText: { from: stored.statusText, to: incoming.statusText } };
        flagReason = `${String(to)} read only from page JSON: waits for the page itself`;
      }
      continue;
    }
    if (rule.path === 'status' && !overrulable && spec.backwards(String(from), String(to))) {
      statusAccepted = false;
      flagged = { status: { from, to }, statusText: { from: stored.statusText, to: incoming.statusText } };
      flagReason = `status moved backwards: ${String(from)} -> ${String(to)}`;
      continue;
    }
    rule.set(next, to);
    if (rule.path === 'status') next.statusVia = via;
    times[rule.path] = readAt;
    changes[rule.path] = { from, to };
    held.push(rule.path);
    touched = true;
  }
  // A claim is settled by the page showing the status it claimed, or a later reading showing another.
  const claim = next.claim;
  if (claim && claim === stored.claim && shown(incoming.status)) {
    const settled =
      next.status === claim.status ||
      (incoming.status !== claim.status && Date.parse(reading.readAt) >= Date.parse(claim.readAt));
    if (settled) {
      delete next.claim;
      touched = true;
    }
  }
  next.readAtByField = times;
  if (Date.parse(reading.readAt) > Date.parse(next.updatedAt)) {
    next.updatedAt = reading.readAt;
    touched = true;
  }
  return { next, touched, changes, flagged, flagReason, held };
}

interface Mergeable {
  status: string;
  statusText: string | null;
  updatedAt: string;
  readAtByField?: Record<string, string> | undefined;
  statusVia?: ReadVia | undefined;
  claim?: Claim | undefined;
}

type Subject = Pick<MergeSpec<unknown>, 'entity' | 'entityId' | 'orderId'>;

function observation(spec: Subject, reading: Reading, changes: Changes, flagged: string | null): Observation {
  return {
    orderId: spec.orderId,
    entity: spec.entity,
    entityId: spec.entityId,
    readAt: reading.readAt,
    url: reading.url,
    kind: reading.kind,
    ...(reading.via && { via: reading.via }),
    changes,
    flagged,
  };
}

function finish<T extends { updatedAt: string }>(
  stored: T,
  merged: Pick<
    ReturnType<typeof mergeFields<T & Mergeable>>,
    'next' | 'touched' | 'changes' | 'flagged' | 'flagReason'
  >,
  reading: Reading,
  spec: Subject,
): MergeResult<T> {
  const changed = Object.keys(merged.changes).length > 0;
  const observations: Observation[] = [];
  if (changed) observations.push(observation(spec, reading, merged.changes, null));
  if (merged.flagged) observations.push(observation(spec, reading, merged.flagged, merged.flagReason));
  return { next: merged.touched ? merged.next : null, changed, observations };
}

const ORDER_FIELDS: FieldRule<StoredOrder>[] = [
  'status',
  'statusText',
  'placedAt',
  'storeName',
  'total',
  'lines',
  'actions',
  'dates.shippedAt',
  'dates.completedAt',
  'dates.protectionEndsAt',
  'dates.deliveryGuaranteeAt',
  'dates.lateCoupon',
  'dates.freeReturnDays',
  'dates.deliveredAt',
].map((p) => field<StoredOrder>(p));

/** The order detail page shows protection's end as a countdown. */
const ORDER_COUNTDOWNS: ReadonlySet<string> = new Set(['dates.protectionEndsAt']);
const DISPUTE_COUNTDOWNS: ReadonlySet<string> = new Set(['deadline']);

/** Lines a page shows without a title or quantity keep the ones read elsewhere. */
function fillLines(stored: Order['lines'], incoming: Order['lines']): Order['lines'] {
  return incoming.map((line) => {
    const old = line.lineId ? stored.find((s) => s.lineId === line.lineId) : undefined;
    return old ? { ...line, title: line.title ?? old.title, quantity: line.quantity ?? old.quantity } : line;
  });
}

export function mergeOrder(
  stored: StoredOrder | undefined,
  incoming: Order,
  reading: Reading,
): MergeResult<StoredOrder> {
  const spec: MergeSpec<StoredOrder> = {
    entity: 'order',
    entityId: incoming.orderId,
    orderId: incoming.orderId,
    fields: ORDER_FIELDS,
    backwards: (from, to) => orderStatusBackwards(from as Order['status'], to as Order['status']),
    final: (status) => orderStatusFinal(status as Order['status']),
    countdowns: ORDER_COUNTDOWNS,
  };
  const firstSeenAt = reading.firstSeenAt ?? reading.readAt;
  const base: StoredOrder = stored ?? {
    ...blankOrder(incoming.orderId),
    firstSeenAt,
    updatedAt: reading.readAt,
  };
  const candidate: StoredOrder = {
    ...base,
    ...incoming,
    lines: fillLines(base.lines, incoming.lines),
  };
  const merged = mergeFields(base, candidate, reading, spec);
  if (!stored)
    return { next: merged.next, changed: true, observations: finish(base, merged, reading, spec).observations };
  if (Date.parse(firstSeenAt) < Date.parse(stored.firstSeenAt)) merged.next.firstSeenAt = firstSeenAt;
  const result = finish(stored, merged, reading, spec);
  if (!result.next && merged.next.firstSeenAt !== stored.firstSeenAt) result.next = merged.next;
  return result;
}

const DISPUTE_FIELDS: FieldRule<StoredDispute>[] = [
  'disputeId',
  'status',
  'statusText',
  'awaiting',
  'deadline',
  'canEscalate',
  'openedAt',
  'reason',
  'solution',
].map((p) => field<StoredDispute>(p));

const ENTERABLE: ReadonlySet<string> = new Set<EnteredField>(['status', 'awaiting', 'deadline', 'openedAt']);

/**
 * Which fields hold what the shopper entered after a reading: theirs adds the fields it set; any
 * other reading that showed a field (set it, or agreed with it) makes that field the page's again.
 * A backup brings its records' own marks.
 */
function enteredAfter(
  before: readonly EnteredField[] | undefined,
  held: readonly string[],
  reading: Reading,
): EnteredField[] | undefined {
  const set = new Set(before ?? []);
  for (const path of held) {
    if (!ENTERABLE.has(path)) continue;
    const theirs = reading.entered ? reading.entered.includes(path as EnteredField) : reading.via === 'shopper';
    if (theirs) set.add(path as EnteredField);
    else set.delete(path as EnteredField);
  }
  return set.size ? [...ENTERABLE].filter((f): f is EnteredField => set.has(f as EnteredField)) : undefined;
}

/** The earliest of some instants, compared as numbers; undefined when none is given. */
function earliest(...times: Array<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const t of times) if (t !== undefined && (best === undefined || Date.parse(t) < Date.parse(best))) best = t;
  return best;
}

export function disputeKey(orderId: string, lineId: string | null): string {
  return `${orderId}:${lineId ?? '-'}`;
}

export function mergeDispute(
  stored: StoredDispute | undefined,
  incoming: Dispute,
  reading: Reading,
): MergeResult<StoredDispute> {
  const key = stored?.key ?? disputeKey(incoming.orderId, incoming.lineId);
  const spec: MergeSpec<StoredDispute> = {
    entity: 'dispute',
    entityId: key,
    orderId: incoming.orderId,
    fields: DISPUTE_FIELDS,
    backwards: (from, to) => disputeStatusBackwards(from as Dispute['status'], to as Dispute['status']),
    vaguer: (from, to) => disputeStatusVaguer(from as Dispute['status'], to as Dispute['status']),
    final: (status) => disputeStatusFinal(status as Dispute['status']),
    countdowns: DISPUTE_COUNTDOWNS,
  };
  const base: StoredDispute = stored ?? {
    ...blankDispute(incoming.orderId, incoming.lineId),
    key,
    firstSeenAt: reading.firstSeenAt ?? reading.readAt,
    updatedAt: reading.readAt,
    statusSince: reading.readAt,
  };
  const candidate: StoredDispute = {
    ...base,
    ...incoming,
    key,
    lineId: base.lineId ?? incoming.lineId,
  };
  const merged = mergeFields(base, candidate, reading, spec);
  if (merged.changes.status) merged.next.statusSince = reading.statusSince ?? reading.readAt;
  const entered = enteredAfter(base.entered, merged.held, reading);
  if (!sameValue(entered ?? null, base.entered ?? null)) merged.touched = true;
  if (entered) merged.next.entered = entered;
  else delete merged.next.entered;
  // The window the button opened counts from the first reading that showed it, not from each visit.
  const seen = earliest(
    base.escalateSeenAt,
    reading.escalateSeenAt,
    incoming.canEscalate === true ? reading.readAt : undefined,
  );
  if (seen !== undefined && seen !== base.escalateSeenAt) {
    merged.next.escalateSeenAt = seen;
    merged.touched = true;
  }
  if (!stored)
    return { next: merged.next, changed: true, observations: finish(base, merged, reading, spec).observations };
  return finish(stored, merged, reading, spec);
}
