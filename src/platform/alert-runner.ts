import { planItems } from '../alerts/items.ts';
import { isOurAlarm, sameEvent } from '../alerts/events.ts';
import { planAlerts, type PlannedAlert } from '../alerts/plan.ts';
import { policyOf } from '../rules/overrides.ts';
import type { Settings } from '../settings/schema.ts';
import { snoozable, snoozeRefusal } from '../alerts/snooze.ts';
import { BUTTON_TEXT, GROUP_TEXT } from '../alerts/text.ts';
import { formatWhen } from '../i18n/format.ts';
import { isAliExpressHost } from '../model/hosts.ts';
import { claimAlert, findSentAlert, sentAlerts, snoozeAlert, type SnoozeResult } from '../store/alerts.ts';
import type { RadarDb } from '../store/db.ts';
import { pruneHistory } from '../store/history.ts';
import { dashboard } from '../store/queries.ts';
import { readSettings } from '../store/settings.ts';
import type { AlertEffects } from './alert-effects.ts';

/** Turns message keys into text in one language (loading its catalog first when needed). */
export type Translate = (key: string, ...subs: string[]) => string;
export type TranslatorFor = (language: string) => Promise<Translate>;

export interface AlertDeps {
  db: RadarDb;
  effects: AlertEffects;
  translatorFor: TranslatorFor;
}

export interface AlertRun {
  /** Ids of the notifications shown by this run. */
  notified: string[];
  alarms: number;
  badge: number;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Plans everything again from the database at `now`: shows what is due and not yet shown, sets
 * one alarm per upcoming alert, and the badge. Runs one at a time, because install, start-up,
 * an alarm and a snapshot can all wake the worker together.
 */
export function refreshAlerts(deps: AlertDeps, now: Date): Promise<AlertRun> {
  return enqueue(() => refresh(deps, now));
}

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * At most this many notifications at once; beyond it, the first ones alone and the rest in one
 * that opens the popup. 300 alerts at once (a first reading of a long list) were 300 notifications.
 */
export const MAX_NOTIFICATIONS = 3;

/** Notification ids of the grouped notification; never an alarm name (those start with `rr:`). */
export const GROUP_PREFIX = 'rr-group:';

/**
 * Shows each due alert, then records it as sent: a notification that fails (or a worker that dies
 * in between) leaves it unrecorded, so the next planning shows it again rather than losing it;
 * one failure costs only itself and never stops the run, which still sets alarms and the badge.
 * Runs are queued one at a time, so recording after showing cannot notify twice.
 */
async function showDue(
  { db, effects, translatorFor }: AlertDeps,
  due: readonly PlannedAlert[],
  settings: Settings,
  now: Date,
): Promise<string[]> {
  const notified: string[] = [];
  if (!due.length) return notified;
  const language = languageOf(settings, effects);
  const translate = await translatorFor(language);
  const alone = due.length > MAX_NOTIFICATIONS ? due.slice(0, MAX_NOTIFICATIONS - 1) : due;
  const grouped = due.slice(alone.length);
  for (const alert of alone) {
    const { title, body } = render(alert, language, translate, now);
    const buttons = effects.buttons() ? buttonsOf(alert, translate, now) : undefined;
    if (await showThenRecord(db, [alert], now, () => effects.notify(alert.id, title, body, buttons)))
      notified.push(alert.id);
  }
  if (grouped.length) {
    const id = `${GROUP_PREFIX}${now.getTime()}`;
    const body = translate(GROUP_TEXT.body, String(grouped.length));
    if (await showThenRecord(db, grouped, now, () => effects.notify(id, translate(GROUP_TEXT.title), body)))
      notified.push(id);
  }
  return notified;
}

/** Shows one notification for some alerts and records them as sent; false when it failed. */
async function showThenRecord(
  db: RadarDb,
  alerts: readonly PlannedAlert[],
  now: Date,
  show: () => Promise<void>,
): Promise<boolean> {
  try {
    await show();
  } catch (error) {
    console.error('refund-radar: a notification failed; it is tried again at the next planning', error);
    return false;
  }
  for (const a of alerts) {
    const record = { id: a.id, key: a.key, at: a.at, firedAt: now.toISOString(), url: a.url };
    await claimAlert(db, record, sameEvent).catch((error: unknown) =>
      console.error('refund-radar: recording an alert failed', error),
    );
  }
  return true;
}

async function refresh({ db, effects, translatorFor }: AlertDeps, now: Date): Promise<AlertRun> {
  const settings = await readSettings(db);
  const { policy } = policyOf(settings.rules);
  const plan = planAlerts({
    items: planItems(await dashboard(db), policy, now),
    leadDays: settings.notifyLeadDays,
    replyLeadHours: settings.buyerReplyLeadHours,
    now,
    sent: await sentAlerts(db),
    endOfDay: localEndOfDay,
  });

  const notified = await showDue({ db, effects, translatorFor }, plan.due, settings, now).catch((error: unknown) => {
    console.error('refund-radar: showing alerts failed', error);
    return [];
  });

  const wanted = new Map(plan.alarms.map((a) => [a.name, a.when]));
  const existing = new Map((await effects.alarms()).map((a) => [a.name, a.scheduledTime]));
  // Each is a round trip to the browser: sent together, not one after another.
  await Promise.all([
    ...[...existing.keys()]
      .filter((name) => isOurAlarm(name) && !wanted.has(name))
      .map((name) => effects.clearAlarm(name)),
    ...[...wanted]
      .filter(([name, when]) => existing.get(name) !== when)
      .map(([name, when]) => effects.createAlarm(name, when)),
  ]);

  await effects.setBadge(plan.badge);
  // Here because every change of data and every alarm comes through: history stays bounded.
  await pruneHistory(db, now).catch((error: unknown) => console.error('refund-radar: pruning failed', error));
  return { notified, alarms: wanted.size, badge: plan.badge };
}

/** The last millisecond of a calendar date (its 00:00 UTC) in this browser's zone: the shopper's. */
export function localEndOfDay(calendarDate: string): number {
  const d = new Date(calendarDate);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59, 999).getTime();
}

/** An alarm fired: anything of ours means "plan again at this moment". */
export async function handleAlarm(deps: AlertDeps, alarmName: string, now: Date): Promise<AlertRun | null> {
  if (!isOurAlarm(alarmName)) return null;
  return refreshAlerts(deps, now);
}

/**
 * Opens the AliExpress page the clicked notification was about (the alert record survives
 * restarts), or the popup for the grouped one. Only an https AliExpress page or one of the
 * extension's own: a crafted backup could have put `javascript:` or another site in a record.
 */
export async function handleNotificationClick(deps: AlertDeps, notificationId: string): Promise<boolean> {
  if (notificationId.startsWith(GROUP_PREFIX)) {
    await deps.effects.openPopup();
    await deps.effects.clearNotification(notificationId);
    return true;
  }
  const alert = await findSentAlert(deps.db, notificationId);
  if (!alert || !openable(alert.url, deps.effects.extensionOrigin())) return false;
  await deps.effects.openTab(alert.url);
  await deps.effects.clearNotification(notificationId);
  return true;
}

/** Notification buttons, by index: open the alert's page, then "Remind me tomorrow" when it can come back. */
export const BUTTON_OPEN = 0;
export const BUTTON_SNOOZE = 1;

function buttonsOf(alert: PlannedAlert, translate: Translate, now: Date): string[] {
  const open = translate(alert.kind === 'protection-ends' ? BUTTON_TEXT.openOrder : BUTTON_TEXT.openDispute);
  return snoozable(alert, now.getTime(), localEndOfDay) ? [open, translate(BUTTON_TEXT.snooze)] : [open];
}

/** A notification's button: open its page, or snooze it (it comes back once, a day later). */
export async function handleNotificationButton(
  deps: AlertDeps,
  notificationId: string,
  index: number,
  now: Date,
): Promise<boolean | SnoozeResult> {
  if (index === BUTTON_OPEN) return handleNotificationClick(deps, notificationId);
  if (index !== BUTTON_SNOOZE) return false;
  return snoozeAndReplan(deps, notificationId, now);
}

/** Snoozes a shown alert (from its button or the popup), closes its notification and plans its comeback. */
export async function snoozeAndReplan(deps: AlertDeps, id: string, now: Date): Promise<SnoozeResult> {
  const result = await snoozeAlert(deps.db, id, now, (a) => snoozeRefusal(a, now.getTime(), localEndOfDay));
  if (result === 'snoozed' || result === 'already-snoozed') {
    await deps.effects.clearNotification(id).catch(() => undefined);
    if (result === 'snoozed') await refreshAlerts(deps, now);
  }
  return result;
}

/** An https AliExpress page, or a page of this extension. */
export function openable(url: string, extensionOrigin: string): boolean {
  if (url.startsWith(extensionOrigin)) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && isAliExpressHost(u.hostname);
  } catch {
    return false;
  }
}

/** After a wipe nothing is left to remind of; queued so a planning already under way cannot undo it. */
export function clearAlerts({ effects }: Pick<AlertDeps, 'effects'>): Promise<void> {
  return enqueue(async () => {
    const ours = (await effects.alarms()).filter((a) => isOurAlarm(a.name));
    await Promise.all(ours.map((a) => effects.clearAlarm(a.name)));
    await effects.setBadge(0);
  });
}

function languageOf(settings: Settings, effects: AlertEffects): string {
  return settings.language === 'auto' ? effects.uiLanguage() : settings.language;
}

function render(
  alert: PlannedAlert,
  language: string,
  translate: Translate,
  now: Date,
): { title: string; body: string } {
  const date = formatDate(alert.text.date, language, now);
  return {
    title: translate(alert.text.title),
    body: translate(alert.text.body, alert.text.orderId, date),
  };
}

/** As the popup shows it: a calendar date stays the page's day, an instant in the browser's zone. */
function formatDate(iso: string, language: string, now: Date): string {
  try {
    return formatWhen(iso, language, undefined, now);
  } catch {
    return formatWhen(iso, 'en', undefined, now);
  }
}
