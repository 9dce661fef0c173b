import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { capturePath } from './aliexpress/json/fixtures.ts';

/** The script as a maintainer runs it: a separate Node process, output parsed from stdout. */
function inspect(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/inspect.ts', ...args],
      { encoding: 'utf8', timeout: 90_000 },
      (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }),
    );
  });
}

const NOW = '2026-09-07T12:00:00.000Z';
const withoutTimeline = ({ timeline: _, ...rest }: Record<string, unknown>) => rest;
const ORDER_KEYS = ['orderId', 'status', 'statusText', 'placedAt', 'storeName', 'total', 'lines', 'actions'];

describe('npm run inspect', { timeout: 120_000 }, () => {
  it('prints the order list capture in the issue shape', async () => {
    const r = await inspect(capturePath('order-list-init'), '--now', NOW);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['kind', 'locale', 'orders', 'disputes', 'problems']);
    expect(out).toMatchObject({ kind: 'order-list', locale: 'en', disputes: [], problems: [] });
    expect(out.orders).toHaveLength(10);
    // --now adds each order's timeline after the issue-3 keys.
    for (const o of out.orders) expect(Object.keys(o)).toEqual([...ORDER_KEYS, 'timeline']);
    expect(withoutTimeline(out.orders[1])).toEqual({
      orderId: '8214779947343229',
      status: 'shipped',
      statusText: 'Awaiting delivery',
      placedAt: '2026-09-01',
      storeName: 'LIMA Store',
      total: { amount: 87.15, currency: 'BRL' },
      lines: [
        {
          lineId: '8214674215518251',
          title:
            'Lima micro hidra c xenon 20w prisma micro c xenon sigma hidra c pd pixel kilo alfa eco 15 14 13 12 eco indigo 11x8 tango',
          quantity: 2,
        },
      ],
      actions: ['confirm-received', 'track'],
    });
  });

  it('prints the order detail capture on the detail page kind', async () => {
    const out = JSON.parse((await inspect(capturePath('order-detail'), '--now', NOW)).stdout);
    expect(out.kind).toBe('order-detail');
    expect(
      out.orders.map((o: { orderId: string; status: string; placedAt: string }) => [o.orderId, o.status, o.placedAt]),
    ).toEqual([['8212313961591322', 'completed', '2026-07-15']]);
  });

  it('prints the refund list as disputes with null where the list says nothing', async () => {
    const out = JSON.parse((await inspect(capturePath('refund-list'), '--now', NOW)).stdout);
    expect(out.kind).toBe('dispute-list');
    expect(withoutTimeline(out.disputes[0])).toEqual({
      orderId: '8144543148947317',
      lineId: '8144101709301607',
      disputeId: '6239649418962814',
      via: { orderId: 'json', lineId: 'json', disputeId: 'json' },
      status: 'closed',
      awaiting: null,
      deadline: null,
      canEscalate: null,
      reason: null,
    });
    expect(out.disputes).toHaveLength(3);
  });

  it('reads on the page given with --url, and names an answer it has no reader for', async () => {
    const tracking = await inspect(
      capturePath('logistics-querydetail'),
      '--url',
      'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322',
    );
    const out = JSON.parse(tracking.stdout);
    expect(out.kind).toBe('tracking');
    expect(out.orders.map((o: { orderId: string; status: string }) => [o.orderId, o.status])).toEqual([
      ['8212313961591322', 'unknown'],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"api": "mtop.aliexpress.member.info", "data": {}}');
    const none = JSON.parse((await inspect(other, '--now', NOW)).stdout);
    expect(none.problems).toEqual([{ code: 'unknown-answer', detail: 'mtop.aliexpress.member.info', orderId: null }]);
  });

  it('reads a saved HTML page through the DOM readers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
    const file = join(dir, 'saved.html');
    writeFileSync(
      file,
      '<!DOCTYPE html><html lang="en"><body><p>Not an order page</p><script>throw 1</script></body></html>',
    );
    const r = await inspect(file, '--now', NOW);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ kind: 'order-list', locale: 'en', orders: [], disputes: [] });
    expect(out.problems.map((p: { code: string }) => p.code)).toContain('layout-unrecognized');
  });

  it('takes the URL of a saved page from the comment Chrome writes into it', async () => {
    const r = await inspect('tests/fixtures/pages/en/dispute-detail.html', '--now', NOW);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('dispute-detail');
    expect(out.disputes.map((d: { lineId: string; disputeId: string }) => [d.lineId, d.disputeId])).toEqual([
      ['8100009876553128', '5100007901234568'],
    ]);
  });

  it('reads every hand-written dispute page by its saved-from URL: ids, where each came from, status, party, deadline, Escalate', async () => {
    // What each page in tests/fixtures/handwritten/ shows (written by hand, see each file's first comment).
    const label = { orderId: 'label', lineId: 'url', disputeId: 'url' };
    const pages: Array<[string, Record<string, unknown>]> = [
      [
        'en',
        {
          orderId: '8203451178801217',
          lineId: '8203451178811217',
          disputeId: '5207788123409916',
          via: label,
          status: 'awaiting-buyer',
          awaiting: 'buyer',
          deadline: '2026-11-25T11:12:11.000Z',
          canEscalate: true,
        },
      ],
      [
        'es',
        {
          orderId: '8100012345678901',
          lineId: '8100012345612345',
          disputeId: '5100076543210987',
          via: label,
          status: 'awaiting-buyer',
          awaiting: 'buyer',
          deadline: '2026-11-22T17:00:00.000Z',
          canEscalate: true,
        },
      ],
      [
        'pt-BR',
        {
          orderId: '8120556677889900',
          lineId: '8120556677880001',
          disputeId: '5120443322110099',
          via: label,
          status: 'awaiting-buyer',
          awaiting: 'buyer',
          deadline: '2026-11-21T22:30:00.000Z',
          canEscalate: true,
        },
      ],
      [
        'ru',
        {
          orderId: '8133224455667788',
          lineId: '8133224455660001',
          disputeId: '5133998877665544',
          via: { orderId: 'url', lineId: 'url', disputeId: 'url' },
          status: 'awaiting-buyer',
          awaiting: 'buyer',
          deadline: '2026-11-21T15:04:05.000Z',
          canEscalate: true,
        },
      ],
      [
        'en-seller',
        {
          orderId: '8207700223344501',
          lineId: '8207700223344556',
          disputeId: '5209900112233445',
          via: label,
          status: 'awaiting-seller',
          awaiting: 'seller',
          deadline: '2026-11-23T16:00:00.000Z',
          canEscalate: false,
        },
      ],
      [
        'en-no-escalate',
        {
          orderId: '8204400556677889',
          lineId: '8204400556670002',
          disputeId: '5204400556679999',
          via: label,
          status: 'awaiting-return',
          awaiting: null,
          deadline: '2026-11-30T11:59:59.000Z',
          canEscalate: false,
        },
      ],
    ];
    const runs = await Promise.all(
      pages.map(([name]) =>
        inspect(`tests/fixtures/handwritten/dispute-detail--${name}.html`, '--now', '2026-11-20T12:00:00.000Z'),
      ),
    );
    for (const [i, [name, expected]] of pages.entries()) {
      const r = runs[i]!;
      expect(r.stderr, name).toBe('');
      const out = JSON.parse(r.stdout);
      expect(out.kind, name).toBe('dispute-detail');
      expect(out.disputes.map(withoutTimeline), name).toEqual([{ ...expected, reason: null }]);
      // Each part the selectors missed is named, so a maintainer knows they need an update.
      expect(
        out.problems.map((p: { code: string }) => p.code),
        name,
      ).toContain('read-by-meaning');
      expect(out.disputes[0].timeline, name).toBeDefined();
    }
  });

  it('prints no timeline without --now: a timeline needs a clock', async () => {
    const out = JSON.parse((await inspect(capturePath('refund-list'))).stdout);
    expect(out.disputes[0]).not.toHaveProperty('timeline');
  });

  it('adds with --now the timeline of a dispute: the page countdown is the seller deadline', async () => {
    const page = 'tests/fixtures/pages/en/dispute-detail--seller.html';
    const out = JSON.parse((await inspect(page, '--now', '2026-11-20T12:00:00.000Z')).stdout);
    expect(out.disputes).toHaveLength(1);
    expect(out.disputes[0].timeline).toEqual({
      phase: 'waiting-for-seller',
      deadlines: [{ kind: 'seller-response', at: '2026-11-25T11:12:11.000Z', source: 'page' }],
      nextStep: {
        action: 'wait',
        url: 'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8100004938281564&reverseOrderLineId=5100003950617284',
      },
      urgency: Number.MAX_SAFE_INTEGER,
    });
  });

  it.each(['en', 'de', 'es', 'fr'])(
    'adds with --now the shopper’s own reply deadline on a %s case page that waits for them, from the page',
    async (lang) => {
      // Hand-written stand-in pages (tests/fixtures/pages/<lang>/dispute-detail.html).
      const page = `tests/fixtures/pages/${lang}/dispute-detail.html`;
      const out = JSON.parse((await inspect(page, '--now', '2026-11-26T12:00:00.000Z')).stdout);
      const [d] = out.disputes;
      expect(d.awaiting).toBe('buyer');
      expect(d.timeline.deadlines).toContainEqual({ kind: 'buyer-response', at: d.deadline, source: 'page' });
    },
  );

  it('adds with --now the timeline of an order: 15 days after receipt, estimated from the rules', async () => {
    const args = [capturePath('order-detail'), '--now', '2026-07-20T12:00:00.000Z'];
    const [guide, legacy, bad] = await Promise.all([
      inspect(...args),
      inspect(...args, '--pack', 'official-legacy'),
      inspect(...args, '--pack', 'nope'),
    ]);
    const expected = {
      phase: 'no-problem',
      // The detail answer's "within 15 days after delivery" ends the same day, counted from receipt too.
      deadlines: [
        { kind: 'refund-request-ends', at: '2026-08-12', source: 'rule' },
        { kind: 'free-return-ends', at: '2026-08-12', source: 'rule' },
      ],
      nextStep: { action: 'none', url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322' },
      urgency: 1_944_000_000,
    };
    expect(JSON.parse(guide.stdout).orders[0].timeline).toEqual(expected);
    // The packs differ only in how disputes escalate; an order's clock is the same in both.
    expect(JSON.parse(legacy.stdout).orders[0].timeline).toEqual(expected);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^inspect: --pack nope: /);
  });

  it('prints the calendar of a page with --ics: one VEVENT per upcoming deadline, as ical.js reads it', async () => {
    const parsed = (stdout: string) =>
      new ICAL.Component(ICAL.parse(stdout)).getAllSubcomponents('vevent').map((v) => {
        const e = new ICAL.Event(v);
        return { uid: e.uid, start: e.startDate.toString(), summary: e.summary, description: e.description };
      });
    const now = '2026-08-01T12:00:00Z';
    const [detail, tracking, seller, german, legacyless] = await Promise.all([
      // Real captures (tests/fixtures/real): a completed order's answer and a tracking answer.
      inspect(capturePath('order-detail'), '--now', now, '--ics'),
      inspect(capturePath('logistics-querydetail'), '--now', now, '--ics'),
      // A hand-written English dispute page, and the German one of the stand-in's page set.
      inspect('tests/fixtures/handwritten/dispute-detail--en-seller.html', '--now', '2026-11-26T12:00:00Z', '--ics'),
      inspect('tests/fixtures/pages/de/dispute-detail--seller.html', '--now', '2026-11-26T12:00:00Z', '--ics'),
      // A page whose Escalate button shows, under the pack without a rule window for the shopper.
      inspect(
        'tests/fixtures/handwritten/dispute-detail--es.html',
        '--now',
        '2026-11-26T11:00:00Z',
        '--ics',
        '--pack',
        'current',
      ),
    ]);
    for (const r of [detail, tracking, seller, german, legacyless]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    }
    expect(parsed(detail.stdout)).toEqual([
      expect.objectContaining({
        uid: '8212313961591322-free-return-ends@refund-radar',
        start: '2026-08-12',
        summary: 'Free return ends: Vega Store',
      }),
      {
        uid: '8212313961591322-refund-request-ends@refund-radar',
        start: '2026-08-12',
        summary: 'Last day to ask for a refund: Vega Store',
        description:
          'Order 8212313961591322, store Vega Store\nEstimated from the rules: check the date on the AliExpress page.\nhttps://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322',
      },
    ]);
    expect(parsed(tracking.stdout)).toEqual([
      expect.objectContaining({
        uid: '8212313961591322-late-coupon@refund-radar',
        start: '2026-08-03',
        summary: 'Late-delivery coupon can be claimed: order 8212313961591322',
        description: expect.stringContaining('Date shown by AliExpress.'),
      }),
      expect.objectContaining({
        uid: '8212313961591322-dispute-opens@refund-radar',
        start: '2026-09-03',
        description: expect.stringContaining('Date shown by AliExpress.'),
      }),
    ]);
    expect(parsed(seller.stdout)).toEqual([
      expect.objectContaining({
        uid: '8207700223344501-seller-response@refund-radar',
        start: '2026-11-29T16:00:00Z',
        summary: 'Seller must respond: order 8207700223344501',
      }),
    ]);
    expect(parsed(german.stdout).map((e) => [e.uid, e.start])).toEqual([
      ['8100004938271564-seller-response@refund-radar', '2026-12-01T11:12:11Z'],
    ]);
    // The page's button opened escalation already (not upcoming), and the current pack has no rule end for it;
    // the case waits for the shopper, so their own reply countdown is the one event.
    expect(parsed(legacyless.stdout).map((e) => [e.uid, e.start])).toEqual([
      ['8100012345678901-buyer-response@refund-radar', '2026-11-28T16:00:00Z'],
    ]);
    // Printed again later: the same events, so a calendar updates them rather than adding copies.
    const again = await inspect(capturePath('order-detail'), '--now', '2026-08-02T12:00:00Z', '--ics');
    expect(parsed(again.stdout).map((e) => e.uid)).toEqual(parsed(detail.stdout).map((e) => e.uid));
  });

  it('fails with exit 2 and one line, never a stack, on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"api": "mtop.aliexpress.trade.buyer.order.list", "data": ');
    const cases: [string[], RegExp][] = [
      [[join(dir, 'missing.json')], /^inspect: cannot read .*missing\.json \(ENOENT\)\n$/],
      [[broken], /^inspect: .*broken\.json is not valid JSON\n$/],
      [[capturePath('refund-list'), '--now', 'yesterday'], /^inspect: --now yesterday is not an ISO 8601 time\n$/],
      [[capturePath('refund-list'), '--url', 'nope'], /^inspect: --url nope is not a URL\n$/],
      [[], /^inspect: usage: /],
    ];
    const results = await Promise.all(cases.map(([args]) => inspect(...args)));
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i]!;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});

describe('npm run inspect --now: the delivery promises', { timeout: 180_000 }, () => {
  type Line = { kind: string; at: string; source: string; amount?: unknown };
  const promiseLines = (out: { orders: Array<{ timeline: { deadlines: Line[] } }> }) =>
    out.orders[0]!.timeline.deadlines.filter((d) =>
      ['late-coupon', 'free-return-ends', 'dispute-opens'].includes(d.kind),
    );

  it('shows the coupon, the guarantee and the free-return window of the real captures with their sources', async () => {
    const [tracking, detail] = await Promise.all([
      inspect(
        capturePath('logistics-querydetail'),
        '--url',
        'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322',
        '--now',
        NOW,
      ),
      inspect(capturePath('order-detail'), '--now', NOW),
    ]);
    // Real tracking answer: "Apply for R$5.00 coupon code if delayed by Aug 3, 2026 · Refund if no delivery before Sep 3, 2026".
    expect(promiseLines(JSON.parse(tracking.stdout))).toEqual([
      { kind: 'late-coupon', at: '2026-08-03', source: 'page', amount: { amount: 5, currency: 'BRL' } },
      { kind: 'dispute-opens', at: '2026-09-03', source: 'page' },
    ]);
    // Real detail answer: the same coupon ("R$5,00"), read, but the order was received on Jul 28, before the
    // coupon's day, so there is no coupon to claim (the reader's own test, json/order-detail, checks it is read); and "Send it back within 15 days after delivery",
    // counted from the completed day as no delivery event is in this answer: estimated.
    const out = JSON.parse(detail.stdout);
    expect(out.problems).toEqual([]);
    expect(promiseLines(out)).toEqual([{ kind: 'free-return-ends', at: '2026-08-12', source: 'rule' }]);
  });

  it('shows them on tracking pages written by hand in five languages', async () => {
    const langs = [
      ['en', { amount: 2, currency: 'USD' }],
      ['es', { amount: 2, currency: 'EUR' }],
      ['de', { amount: 2, currency: 'EUR' }],
      ['ru', { amount: 150, currency: 'RUB' }],
      ['pt-BR', { amount: 10, currency: 'BRL' }],
    ] as const;
    const results = await Promise.all(
      langs.map(([lang]) =>
        inspect(`tests/fixtures/handwritten/tracking--${lang}.html`, '--now', '2026-11-20T12:00:00Z'),
      ),
    );
    for (const [i, [lang, amount]] of langs.entries()) {
      const out = JSON.parse(results[i]!.stdout);
      expect(out, lang).toMatchObject({ kind: 'tracking', locale: lang, problems: [] });
      expect(promiseLines(out), lang).toEqual([
        { kind: 'late-coupon', at: '2026-12-10', source: 'page', amount },
        { kind: 'dispute-opens', at: '2027-01-15', source: 'page' },
      ]);
    }
  });
});
