/**
 * Issue 15, item 6: reminders the shopper can act on. A dispute that waits for the shopper
 * (generated records, as the case page's reader gives them) through the real runner, the store in
 * fake IndexedDB and fakeBrowser: its notification carries "Open dispute" and "Remind me
 * tomorrow" where buttons exist; the snooze is stored, survives a restart (a new database
 * connection and a new planning), comes back once, and is never shown twice.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGAIN, snoozeRefusal } from '../../../src/alerts/snooze.ts';
import { tKey } from '../../../src/i18n/index.ts';
import { createHandlers } from '../../../src/messages/handlers.ts';
import { browserAlertEffects, type AlertEffects } from '../../../src/platform/alert-effects.ts';
import {
  BUTTON_SNOOZE,
  handleAlarm,
  handleNotificationButton,
  refreshAlerts,
  type AlertDeps,
} from '../../../src/platform/alert-runner.ts';
import { checkRulesSetting } from '../../../src/settings/rules-check.ts';
import { snoozeAlert } from '../../../src/store/alerts.ts';
import { openDb, type RadarDb } from '../../../src/store/db.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { dispute, freshDb, order, snapshot } from '../store/fixtures.ts';

const ID = '8212379857492017';
const LINE = '8212379857502017';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const READ = Date.parse('2026-11-20T12:00:00.000Z');
/** The case page's countdown: three days from the reading. */
const DUE = READ + 3 * DAY;
const dueIso = new Date(DUE).toISOString();
const reminder = (lead: string) => `rr:buyer-response:${ID}:${LINE}:${lead}@${dueIso}`;

let db: RadarDb;
let deps: AlertDeps;
let shown: Array<{ id: string; buttons?: readonly string[] }>;

function effects(withButtons: boolean): AlertEffects {
  const real = browserAlertEffects();
  return {
    ...real,
    buttons: () => withButtons,
    notify: async (id, title, message, buttons) => {
      shown.push({ id, ...(buttons && { buttons }) });
      await real.notify(id, title, message);
    },
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  shown = [];
  db = freshDb();
  deps = { db, effects: effects(true), translatorFor: async () => tKey };
  const waiting = dispute({
    status: 'awaiting-buyer',
    awaiting: 'buyer',
    deadline: dueIso,
    statusText: 'Awaiting your response',
  });
  await ingest(
    db,
    snapshot({ readAt: new Date(READ).toISOString(), orders: [order({ status: 'in-dispute' })], disputes: [waiting] }),
  );
});
afterEach(() => db.close());

const alarmNames = async () => (await browser.alarms.getAll()).map((a) => a.name).sort();

describe('the shopper’s reply reminders through the runner', () => {
  it('plans 48, 24, 6 hours before and at the deadline; the alarm shows "Answer your dispute" with both buttons', async () => {
    await refreshAlerts(deps, new Date(READ));
    expect((await alarmNames()).filter((n) => n.includes('buyer-response'))).toEqual(
      [reminder('24h'), reminder('48h'), reminder('6h'), `rr:buyer-response-passed:${ID}:${LINE}@${dueIso}`].sort(),
    );
    const run = await handleAlarm(deps, reminder('48h'), new Date(DUE - 48 * HOUR));
    expect(run?.notified).toEqual([reminder('48h')]);
    expect(shown).toEqual([{ id: reminder('48h'), buttons: ['Open dispute', 'Remind me tomorrow'] }]);
    const [note] = Object.values(await browser.notifications.getAll()) as unknown as Array<{
      title: string;
      message: string;
    }>;
    expect(note?.title).toBe('Answer your dispute');
    expect(note?.message).toContain(`order ${ID}`);
  });

  it('offers no snooze when the comeback would come after the deadline, and no buttons where the browser has none', async () => {
    await handleAlarm(deps, reminder('6h'), new Date(DUE - 6 * HOUR));
    expect(shown).toEqual([{ id: reminder('6h'), buttons: ['Open dispute'] }]);
    shown = [];
    await handleAlarm({ ...deps, effects: effects(false) }, reminder('6h'), new Date(DUE - 5 * HOUR));
    expect(shown).toEqual([]);
    await db.alerts.clear();
    await handleAlarm({ ...deps, effects: effects(false) }, reminder('6h'), new Date(DUE - 5 * HOUR));
    expect(shown).toEqual([{ id: reminder('6h') }]);
  });

  it('"Remind me tomorrow" stores the snooze, closes the notification and plans one comeback, which survives a restart', async () => {
    const fired = DUE - 48 * HOUR;
    await handleAlarm(deps, reminder('48h'), new Date(fired));
    const snoozed = fired + 10 * 60_000;
    expect(await handleNotificationButton(deps, reminder('48h'), BUTTON_SNOOZE, new Date(snoozed))).toBe('snoozed');
    expect(await browser.notifications.getAll()).toEqual({});
    expect(await db.alerts.get(reminder('48h'))).toMatchObject({ snoozedAt: new Date(snoozed).toISOString() });
    expect(await alarmNames()).toContain(reminder('48h') + AGAIN);

    // A restart: the worker's memory and the browser's alarms are gone, the database is not.
    const name = db.name;
    db.close();
    await browser.alarms.clearAll();
    db = openDb(name);
    deps = { ...deps, db };
    await refreshAlerts(deps, new Date(snoozed + HOUR));
    const comeback = (await browser.alarms.getAll()).find((a) => a.name === reminder('48h') + AGAIN);
    expect(comeback?.scheduledTime).toBe(snoozed + DAY);

    shown = [];
    // It comes back a day later (here together with the 24-hour reminder, due at the same time).
    expect((await handleAlarm(deps, reminder('48h') + AGAIN, new Date(snoozed + DAY)))?.notified).toContain(
      reminder('48h') + AGAIN,
    );
    // The comeback cannot be snoozed again: it offers only "Open dispute", and a click is refused.
    expect(shown.find((s) => s.id === reminder('48h') + AGAIN)).toEqual({
      id: reminder('48h') + AGAIN,
      buttons: ['Open dispute'],
    });
    expect(await handleNotificationButton(deps, reminder('48h') + AGAIN, BUTTON_SNOOZE, new Date(snoozed + DAY))).toBe(
      'already-snoozed',
    );
    // Never twice: later plannings and a second firing show nothing more of it.
    shown = [];
    await handleAlarm(deps, reminder('48h') + AGAIN, new Date(snoozed + DAY + 60_000));
    await refreshAlerts(deps, new Date(snoozed + DAY + HOUR));
    expect(shown.filter((s) => s.id.endsWith(AGAIN))).toEqual([]);
    expect(await alarmNames()).not.toContain(reminder('48h') + AGAIN);
  });

  it('snoozes once: a second click, from the notification or the popup, changes nothing', async () => {
    const fired = DUE - 48 * HOUR;
    await handleAlarm(deps, reminder('48h'), new Date(fired));
    expect(await snoozeAlert(db, reminder('48h'), new Date(fired + 1000), (a) => snoozeRefusal(a, fired + 1000))).toBe(
      'snoozed',
    );
    expect(await snoozeAlert(db, reminder('48h'), new Date(fired + 2000), (a) => snoozeRefusal(a, fired + 2000))).toBe(
      'already-snoozed',
    );
    expect(await db.alerts.get(reminder('48h'))).toMatchObject({ snoozedAt: new Date(fired + 1000).toISOString() });
    expect(await snoozeAlert(db, 'rr:never-shown', new Date(fired), (a) => snoozeRefusal(a, fired))).toBe('unknown');
  });

  it('the popup lists the reminders of the last day and snoozes through the same store', async () => {
    const fired = DUE - 48 * HOUR;
    await handleAlarm(deps, reminder('48h'), new Date(fired));
    const handlers = createHandlers<unknown>({
      db,
      now: () => new Date(fired + HOUR),
      checkRules: checkRulesSetting,
      changed: () => undefined,
      pageTexts: () => Promise.reject(new Error('not asked here')),
      pageStyles: { start: '', helper: '' },
    });
    const list = await handlers.recentAlerts({}, undefined);
    expect(list).toEqual([
      {
        id: reminder('48h'),
        title: 'alertBuyerReplyTitle',
        orderId: ID,
        at: dueIso,
        firedAt: new Date(fired).toISOString(),
        snoozable: true,
        snoozed: false,
      },
    ]);
    expect(await handlers.snoozeAlert({ id: reminder('48h') }, undefined)).toEqual({ result: 'snoozed' });
    expect(await handlers.recentAlerts({}, undefined)).toMatchObject([{ snoozable: false, snoozed: true }]);
  });
});
