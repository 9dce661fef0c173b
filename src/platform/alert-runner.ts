import { planItems } from '../alerts/items.ts';
import { isOurAlarm, sameEvent } from '../alerts/events.ts';
import { planAlerts, type PlannedAlert } from '../alerts/plan.ts';
import { policyOf } from '../rules/overrides.ts';
import type { Settings } from '../settings/schema.ts';
import { claimAlert, findSentAlert, sentAlerts } from '../store/alerts.ts';
import type { RadarDb } from '../store/db.ts';
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

async function refresh({ db, effects, translatorFor }: AlertDeps, now: Date): Promise<AlertRun> {
  const settings = await readSettings(db);
  const { policy } = policyOf(settings.rules);
  const plan = planAlerts({
    items: planItems(await dashboard(db), policy, now),
    leadDays: settings.notifyLeadDays,
    now,
    sent: await sentAlerts(db),
  });

  const notified: string[] = [];
  const language = languageOf(settings, effects);
  const translate = plan.due.length ? await translatorFor(language) : null;
  for (const alert of plan.due) {
    const claimed = await claimAlert(
      db,
      { id: alert.id, key: alert.key, at: alert.at, firedAt: now.toISOString(), url: alert.url },
      sameEvent,
    );
    if (!claimed) continue;
    const { title, body } = render(alert, language, translate!);
    await effects.notify(alert.id, title, body);
    notified.push(alert.id);
  }

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
  return { notified, alarms: wanted.size, badge: plan.badge };
}

/** An alarm fired: anything of ours means "plan again at this moment". */
export async function handleAlarm(deps: AlertDeps, alarmName: string, now: Date): Promise<AlertRun | null> {
  if (!isOurAlarm(alarmName)) return null;
  return refreshAlerts(deps, now);
}

/** Opens the AliExpress page the clicked notification was about; the alert record survives restarts. */
export async function handleNotificationClick(deps: AlertDeps, notificationId: string): Promise<boolean> {
  const alert = await findSentAlert(deps.db, notificationId);
  if (!alert) return false;
  await deps.effects.openTab(alert.url);
  await deps.effects.clearNotification(notificationId);
  return true;
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

function render(alert: PlannedAlert, language: string, translate: Translate): { title: string; body: string } {
  const date = formatDate(alert.text.date, language);
  return {
    title: translate(alert.text.title),
    body: translate(alert.text.body, alert.text.orderId, date),
  };
}

function formatDate(iso: string, language: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(language, options).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en', options).format(new Date(iso));
  }
}
