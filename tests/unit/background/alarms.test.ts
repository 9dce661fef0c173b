import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t, tKey } from '../../../src/i18n/index.ts';
import { browserAlertEffects } from '../../../src/platform/alert-effects.ts';
import {
  handleAlarm,
  handleNotificationClick,
  refreshAlerts,
  type AlertDeps,
} from '../../../src/platform/alert-runner.ts';
import { bundledPolicyFile, packPolicy } from '../../../src/rules/index.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { writeSettings } from '../../../src/store/settings.ts';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema.ts';
import { timelineFor } from '../../../src/timeline/index.ts';
import { dispute, freshDb, order, snapshot } from '../store/fixtures.ts';

const ID = '8212379857492017';
const LINE = '8212379857502017';
const OPENED = '2026-11-20T12:00:00.000Z';
let db: RadarDb;
let deps: AlertDeps;

/** The seller answered; the shopper disagrees: the case waits for the buyer until escalation opens. */
const negotiating = dispute({
  status: 'awaiting-buyer',
  awaiting: 'buyer',
  deadline: null,
  openedAt: OPENED,
  canEscalate: false,
});

/** When the real clock and the bundled rules say escalation opens for that case. */
function escalationOpensAt(): string {
  const file = bundledPolicyFile();
  if (!file.ok) throw new Error('bundled rules broken');
  const timeline = timelineFor({
    order: order({ status: 'in-dispute' }),
    dispute: negotiating,
    policy: packPolicy(file.value, 'guide'),
    now: new Date(OPENED),
  });
  const opens = timeline.deadlines.find((d) => d.kind === 'escalation-opens');
  if (!opens) throw new Error(`no escalation deadline in ${JSON.stringify(timeline)}`);
  return opens.at;
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  deps = { db, effects: browserAlertEffects(), translatorFor: async () => tKey };
  await ingest(db, snapshot({ readAt: OPENED, orders: [order({ status: 'in-dispute' })], disputes: [negotiating] }));
});
afterEach(() => db.close());

describe('the alarm handler', () => {
  it('plans an alarm named after the escalation event, and planning again keeps exactly the same alarms', async () => {
    const at = escalationOpensAt();
    await refreshAlerts(deps, new Date(OPENED));
    const alarms = await browser.alarms.getAll();
    const name = `rr:escalation-open:${ID}:${LINE}@${at}`;
    expect(alarms.map((a) => a.name)).toContain(name);
    expect(alarms.find((a) => a.name === name)?.scheduledTime).toBe(Date.parse(at));
    await refreshAlerts(deps, new Date(Date.parse(OPENED) + 3_600_000));
    expect((await browser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual(
      alarms.map((a) => [a.name, a.scheduledTime]),
    );
    expect(await browser.notifications.getAll()).toEqual({});
  });

  it('shows "you can now escalate" when the alarm fires, and never twice', async () => {
    const at = escalationOpensAt();
    await refreshAlerts(deps, new Date(OPENED));
    const name = `rr:escalation-open:${ID}:${LINE}@${at}`;
    const fireAt = new Date(Date.parse(at) + 30_000);

    const first = await handleAlarm(deps, name, fireAt);
    expect(first?.notified).toEqual([name]);
    const shown = (await browser.notifications.getAll()) as unknown as Record<
      string,
      { title: string; message: string; type: string }
    >;
    expect(Object.keys(shown)).toEqual([name]);
    expect(shown[name]).toMatchObject({ type: 'basic', title: t('alertEscalationOpenTitle') });
    expect(shown[name]!.message).toContain(`You can now escalate the dispute on order ${ID}`);
    expect((await browser.alarms.getAll()).map((a) => a.name)).not.toContain(name);
    expect(await db.alerts.get(name)).toMatchObject({ firedAt: fireAt.toISOString(), at });

    await browser.notifications.clear(name);
    expect((await handleAlarm(deps, name, new Date(fireAt.getTime() + 60_000)))?.notified).toEqual([]);
    await refreshAlerts(deps, new Date(fireAt.getTime() + 3_600_000));
    expect(await browser.notifications.getAll()).toEqual({});
  });

  it('catches up on an alert the browser slept through, once, when planning at start-up', async () => {
    const late = new Date(Date.parse(escalationOpensAt()) + 2 * 86_400_000);
    expect((await refreshAlerts(deps, late)).notified).toHaveLength(1);
    expect((await refreshAlerts(deps, late)).notified).toHaveLength(0);
  });

  it('ignores alarms that are not ours', async () => {
    expect(await handleAlarm(deps, 'someone-else', new Date('2027-01-01T00:00:00.000Z'))).toBeNull();
    expect(await browser.notifications.getAll()).toEqual({});
  });

  it('opens the dispute page when the notification is clicked', async () => {
    const at = escalationOpensAt();
    const name = `rr:escalation-open:${ID}:${LINE}@${at}`;
    await handleAlarm(deps, name, new Date(Date.parse(at) + 1000));
    const opened: string[] = [];
    browser.tabs.onCreated.addListener((tab) => void opened.push(tab.url ?? ''));
    expect(await handleNotificationClick(deps, name)).toBe(true);
    expect(opened).toEqual([
      `https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${LINE}&reverseOrderLineId=5012345678901234`,
    ]);
    expect(await browser.notifications.getAll()).toEqual({});
    expect(await handleNotificationClick(deps, 'rr:unknown')).toBe(false);
  });

  it('puts the number of orders that need the shopper on the badge', async () => {
    await refreshAlerts(deps, new Date(Date.parse(escalationOpensAt()) + 1000));
    expect(await browser.action.getBadgeText({})).toBe('1');
    await db.disputes.toCollection().modify({ status: 'closed' });
    await refreshAlerts(deps, new Date(Date.parse(escalationOpensAt()) + 2000));
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('takes lead times from settings and drops alarms no longer planned', async () => {
    await ingest(
      db,
      snapshot({
        readAt: OPENED,
        orders: [
          order({
            orderId: '1234567890',
            status: 'shipped',
            dates: {
              shippedAt: OPENED,
              completedAt: null,
              protectionEndsAt: '2026-12-20T00:00:00.000Z',
              deliveryGuaranteeAt: null,
            },
          }),
        ],
      }),
    );
    await refreshAlerts(deps, new Date(OPENED));
    const names = (await browser.alarms.getAll())
      .map((a) => a.name)
      .filter((n) => n.startsWith('rr:protection-ends:1234567890'));
    expect(names.sort()).toEqual([
      'rr:protection-ends:1234567890:-:1d@2026-12-20T00:00:00.000Z',
      'rr:protection-ends:1234567890:-:3d@2026-12-20T00:00:00.000Z',
    ]);
    await writeSettings(db, { ...DEFAULT_SETTINGS, notifyLeadDays: [5] });
    await refreshAlerts(deps, new Date(OPENED));
    const after = (await browser.alarms.getAll()).filter((a) => a.name.startsWith('rr:protection-ends:1234567890'));
    expect(after.map((a) => [a.name, a.scheduledTime])).toEqual([
      // A countdown is an instant, even one on 00:00 UTC: due at that instant in every zone.
      [
        'rr:protection-ends:1234567890:-:5d@2026-12-20T00:00:00.000Z',
        Date.parse('2026-12-20T00:00:00.000Z') - 5 * 86_400_000,
      ],
    ]);
  });
});
