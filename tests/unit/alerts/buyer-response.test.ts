/**
 * Issue 15, item 1: the shopper's own reply deadline (`buyer-response`). Read from hand-written
 * dispute pages (tests/fixtures/pages/<lang>/, stand-in pages saved as a browser saves them) and
 * planned into reminders 48, 24 and 6 hours before and one when it passes; plus the one comeback
 * of a snoozed reminder, on generated plan items.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { eventKey } from '../../../src/alerts/events.ts';
import { LATE_GRACE_MS, planAlerts, type PlanItem } from '../../../src/alerts/plan.ts';
import { AGAIN, identityOf, SNOOZE_MS, snoozable } from '../../../src/alerts/snooze.ts';
import { ALERT_KEYS } from '../../../src/alerts/text.ts';
import { read } from '../../../src/aliexpress/read.ts';
import type { Deadline } from '../../../src/model/index.ts';
import { bundledPolicyFile, packPolicy } from '../../../src/rules/index.ts';
import { timelineFor } from '../../../src/timeline/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ORDER = '8212379857492017';
const LINE = '8212379857502017';
const DUE = Date.parse('2026-12-03T18:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const window = new Window();
afterAll(() => void window.happyDOM.close());

function policy() {
  const file = bundledPolicyFile();
  if (!file.ok) throw new Error('bundled rules broken');
  return packPolicy(file.value, 'guide');
}

/** A saved page and the URL Chrome wrote into it. */
function page(lang: string, name: string) {
  const html = readFileSync(`tests/fixtures/pages/${lang}/${name}.html`, 'utf8');
  const url = /saved from url=\(\d+\)(\S+) -->/.exec(html)?.[1];
  if (!url) throw new Error(`no saved-from URL in ${lang}/${name}`);
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, url };
}

describe('the buyer-response deadline, from dispute pages that wait for the shopper', () => {
  const now = new Date('2026-11-26T12:00:00.000Z');

  it.each(['en', 'de', 'es', 'fr', 'pt-BR', 'ru'])(
    '%s: the page countdown is the shopper’s deadline, marked as read from the page',
    (lang) => {
      const { doc, url } = page(lang, 'dispute-detail');
      const snap = read(doc, url, now);
      const [dispute] = snap.disputes;
      expect(dispute).toMatchObject({ status: 'awaiting-buyer', awaiting: 'buyer' });
      expect(dispute!.deadline).toMatch(/^2026-/);
      const t = timelineFor({
        order: null,
        dispute: { ...dispute!, orderId: dispute!.orderId! },
        policy: policy(),
        now,
      });
      const own = t.deadlines.filter((d) => d.kind === 'buyer-response');
      expect(own).toEqual([{ kind: 'buyer-response', at: dispute!.deadline, source: 'page', rule: null }]);
    },
  );

  it('a page that waits for the seller gives the seller’s deadline, not the shopper’s', () => {
    const { doc, url } = page('en', 'dispute-detail--seller');
    const [dispute] = read(doc, url, now).disputes;
    expect(dispute?.awaiting).toBe('seller');
    const t = timelineFor({ order: null, dispute: { ...dispute!, orderId: dispute!.orderId! }, policy: policy(), now });
    expect(t.deadlines.map((d) => d.kind)).not.toContain('buyer-response');
    expect(t.deadlines.find((d) => d.kind === 'seller-response')?.source).toBe('page');
  });
});

function item(deadlines: Deadline[], status: 'awaiting-buyer' | 'awaiting-seller' = 'awaiting-buyer'): PlanItem {
  return {
    order: { orderId: ORDER, status: 'in-dispute' },
    dispute: { orderId: ORDER, lineId: LINE, status },
    timeline: {
      phase: 'negotiating',
      deadlines,
      nextStep: { action: 'respond', why: 'whyRespondToSeller', url: null },
      urgency: 0,
    },
    url: `https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${LINE}`,
  };
}
const reply: Deadline = { kind: 'buyer-response', at: iso(DUE), source: 'page', rule: null };
const name = (kind: string, lead?: string) => `rr:${kind}:${ORDER}:${LINE}${lead ? `:${lead}` : ''}@${iso(DUE)}`;

describe('planning the shopper’s reply reminders (generated plan items)', () => {
  const plan = (now: number, sent: Parameters<typeof planAlerts>[0]['sent'] = [], hours = [48, 24, 6]) =>
    planAlerts({ items: [item([reply])], leadDays: [3, 1], replyLeadHours: hours, now: new Date(now), sent });

  it('sets alarms 48, 24 and 6 hours before and one at the deadline', () => {
    expect(plan(DUE - 3 * DAY).alarms).toEqual([
      { name: name('buyer-response', '48h'), when: DUE - 48 * HOUR },
      { name: name('buyer-response', '24h'), when: DUE - 24 * HOUR },
      { name: name('buyer-response', '6h'), when: DUE - 6 * HOUR },
      { name: name('buyer-response-passed'), when: DUE },
    ]);
  });

  it('takes the hours from settings, and none without them', () => {
    expect(plan(DUE - 3 * DAY, [], [12]).alarms.map((a) => a.when)).toEqual([DUE - 12 * HOUR, DUE]);
    expect(plan(DUE - 3 * DAY, [], []).alarms.map((a) => a.name)).toEqual([name('buyer-response-passed')]);
  });

  it('a page read with 20 hours left shows the 24-hour reminder now, not the 48-hour one', () => {
    const p = plan(DUE - 20 * HOUR);
    expect(p.due.map((d) => d.id)).toEqual([name('buyer-response', '24h')]);
    expect(p.due[0]!.text).toEqual({
      title: 'alertBuyerReplyTitle',
      body: 'alertBuyerReplyBody',
      orderId: ORDER,
      date: iso(DUE),
    });
  });

  it('when it passes: "the seller’s proposal may have been accepted", once, for a week', () => {
    const p = plan(DUE + HOUR);
    expect(p.due.map((d) => [d.kind, d.text.title, d.text.body])).toEqual([
      ['buyer-response-passed', 'alertBuyerReplyPassedTitle', 'alertBuyerReplyPassedBody'],
    ]);
    expect(plan(DUE + HOUR, [{ key: p.due[0]!.key, at: p.due[0]!.at }]).due).toEqual([]);
    expect(plan(DUE + LATE_GRACE_MS + 1).due).toEqual([]);
  });

  it('nothing for a case without the shopper’s deadline (the seller’s turn)', () => {
    const seller: Deadline = { kind: 'seller-response', at: iso(DUE), source: 'page', rule: null };
    const p = planAlerts({
      items: [item([seller], 'awaiting-seller')],
      leadDays: [3, 1],
      replyLeadHours: [48, 24, 6],
      now: new Date(DUE - 3 * DAY),
      sent: [],
    });
    expect(p.alarms.map((a) => a.name).filter((n) => n.includes('buyer-response'))).toEqual([]);
  });
});

describe('a snoozed alert comes back once (generated records)', () => {
  const shown = {
    id: name('buyer-response', '48h'),
    key: eventKey({ kind: 'buyer-response', orderId: ORDER, lineId: LINE, leadDays: null, leadHours: 48 }),
    at: iso(DUE),
    firedAt: iso(DUE - 48 * HOUR),
    url: item([]).url,
  };
  const snoozedAt = DUE - 47 * HOUR;
  const plan = (now: number, sent: Array<typeof shown & { snoozedAt?: string }>) =>
    planAlerts({ items: [], leadDays: [], replyLeadHours: [], now: new Date(now), sent });

  it('reads its own keys back, and no other', () => {
    expect(identityOf(shown.key)).toEqual({
      kind: 'buyer-response',
      orderId: ORDER,
      lineId: LINE,
      leadDays: null,
      leadHours: 48,
      reminder: true,
    });
    expect(identityOf(`refund-due:${ORDER}:-`)).toMatchObject({ kind: 'refund-due', lineId: null, reminder: false });
    for (const bad of ['', 'nope:1:2', `buyer-response:${ORDER}`, `buyer-response:${ORDER}:-:1h:x`])
      expect(identityOf(bad)).toBeNull();
  });

  it('plans its comeback a day after the snooze, with the same text and page', () => {
    const p = plan(snoozedAt, [{ ...shown, snoozedAt: iso(snoozedAt) }]);
    expect(p.alarms).toEqual([{ name: shown.id + AGAIN, when: snoozedAt + SNOOZE_MS }]);
    const back = plan(snoozedAt + SNOOZE_MS, [{ ...shown, snoozedAt: iso(snoozedAt) }]).due;
    expect(back).toMatchObject([
      {
        id: shown.id + AGAIN,
        key: shown.key + AGAIN,
        url: shown.url,
        text: { title: 'alertBuyerReplyTitle', orderId: ORDER },
      },
    ]);
  });

  it('never comes back a second time once its comeback was shown, and never without a snooze', () => {
    const again = { ...shown, id: shown.id + AGAIN, key: shown.key + AGAIN, firedAt: iso(snoozedAt + SNOOZE_MS) };
    expect(plan(snoozedAt + SNOOZE_MS + HOUR, [{ ...shown, snoozedAt: iso(snoozedAt) }, again])).toMatchObject({
      alarms: [],
      due: [],
    });
    expect(plan(snoozedAt, [shown]).alarms).toEqual([]);
  });

  it('a reminder’s comeback is no use after its deadline', () => {
    const late = DUE - 2 * HOUR;
    expect(plan(late + SNOOZE_MS, [{ ...shown, snoozedAt: iso(late) }]).due).toEqual([]);
  });

  it('is offered only once, and only while the comeback comes before the deadline', () => {
    const endOfDay = (d: string) => Date.parse(d) + DAY - 1;
    expect(snoozable(shown, DUE - 48 * HOUR, endOfDay)).toBe(true);
    expect(snoozable(shown, DUE - 23 * HOUR, endOfDay)).toBe(false);
    expect(snoozable({ ...shown, snoozedAt: iso(snoozedAt) }, snoozedAt, endOfDay)).toBe(false);
    expect(snoozable({ ...shown, id: shown.id + AGAIN, key: shown.key + AGAIN }, snoozedAt, endOfDay)).toBe(false);
    // An alert at a moment (the deadline passed) stays worth a second look a day later.
    const passed = { id: name('buyer-response-passed'), key: `buyer-response-passed:${ORDER}:${LINE}`, at: iso(DUE) };
    expect(snoozable(passed, DUE + HOUR, endOfDay)).toBe(true);
  });
});

describe('the texts in every interface language (assets/locales)', () => {
  const langs = ['en', 'de', 'es', 'fr', 'pl', 'pt-BR', 'ru'];
  const keys = [
    'alertBuyerReplyTitle',
    'alertBuyerReplyBody',
    'alertBuyerReplyPassedTitle',
    'alertBuyerReplyPassedBody',
    'alertOpenDispute',
    'alertOpenOrder',
    'alertSnooze',
  ];

  it('are all bundled into the background’s notification catalogs', () => {
    for (const key of keys) expect(ALERT_KEYS).toContain(key);
  });

  it.each(langs)('%s has each, translated, with the order and the date in the bodies', (lang) => {
    const catalog = JSON.parse(readFileSync(`assets/locales/${lang}.json`, 'utf8')) as Record<
      string,
      { message: string }
    >;
    const english = JSON.parse(readFileSync('assets/locales/en.json', 'utf8')) as typeof catalog;
    for (const key of keys) {
      expect(catalog[key]?.message, `${lang} ${key}`).toBeTruthy();
      if (lang !== 'en') expect(catalog[key]!.message, `${lang} ${key}`).not.toBe(english[key]!.message);
    }
    for (const key of ['alertBuyerReplyBody', 'alertBuyerReplyPassedBody']) {
      expect(catalog[key]!.message).toContain('$ORDER$');
      expect(catalog[key]!.message).toContain('$DATE$');
    }
  });
});
