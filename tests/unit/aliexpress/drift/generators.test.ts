/**
 * The drifts themselves: a drift that silently did nothing would let the property suites pass
 * without testing anything, so each kind is shown to change its input the way it says.
 */
// @vitest-environment node
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePages, fixturePath } from '../../../site/snapshot.ts';
import { capture } from '../json/fixtures.ts';
import { applyJsonDrifts, JSON_DRIFT_KINDS, jsonDrifts, keysOf, type JsonDrift } from './json-drift.ts';
import { applyPageDrifts, ORDER_NUMBER_LABEL, PAGE_DRIFT_KINDS, pageDrifts, type PageDrift } from './page-drift.ts';
import { PENDING_DRIFTS } from './pending.ts';
import { isDigitRunIn } from './tally.ts';

type Obj = Record<string, unknown>;
const LIST = capture('order-list-init') as { data: { data: Obj; hierarchy: { structure: Record<string, string[]> } } };
const LIST_TEXT = JSON.stringify(LIST);
const KNOWN = keysOf(LIST);
const drift = (d: JsonDrift) => applyJsonDrifts(LIST_TEXT, [d], KNOWN) as typeof LIST;
const ORDER_KEY = 'pc_om_list_order_8212313961591322';

describe('JSON drifts (real capture tests/fixtures/real/order-list-init.json)', () => {
  it('rename component keys, keep their tags and the hierarchy pointing at them', () => {
    const out = drift({ kind: 'rename-key', style: 'order-id', name: 'x' });
    expect(out.data.data[ORDER_KEY]).toBeUndefined();
    expect((out.data.data['order_8212313961591322'] as Obj).tag).toBe('pc_om_list_order');
    const children = Object.values(out.data.hierarchy.structure).flat();
    expect(children).toContain('order_8212313961591322');
    expect(children).not.toContain(ORDER_KEY);
    const random = drift({ kind: 'rename-key', style: 'random', name: 'zed' });
    expect(Object.keys(random.data.data).every((k) => /^zed_\d+$/.test(k))).toBe(true);
  });

  it('nest fields one level deeper, drop the hierarchy, unwrap the envelope', () => {
    const fields = (LIST.data.data[ORDER_KEY] as Obj).fields;
    expect((drift({ kind: 'wrap-fields', under: 'props' }).data.data[ORDER_KEY] as Obj).fields).toEqual({
      props: fields,
    });
    expect('hierarchy' in drift({ kind: 'drop-hierarchy', how: 'delete' }).data).toBe(false);
    expect(drift({ kind: 'drop-hierarchy', how: 'null' }).data.hierarchy).toBeNull();
    const bare = drift({ kind: 'unwrap-envelope' }) as unknown as Obj;
    expect(Object.keys(bare)).toContain('hierarchy');
    expect('api' in bare).toBe(false);
  });

  it('type ids as numbers only where no digit is lost', () => {
    const out = drift({ kind: 'ids-as-numbers' });
    expect((out.data.data[ORDER_KEY] as { fields: Obj }).fields.orderId).toBe(8212313961591322);
    const big = JSON.stringify({ orderId: '98765432109876543210' });
    expect(applyJsonDrifts(big, [{ kind: 'ids-as-numbers' }], new Set())).toEqual({ orderId: '98765432109876543210' });
  });

  it('drop optional parts, add only fields of names the answer does not use, shuffle without loss', () => {
    const dropped = JSON.stringify(drift({ kind: 'drop-optional', parts: ['buttons', 'formatPriceInfo'] }));
    expect(dropped).not.toContain('"buttons"');
    expect(dropped).not.toContain('"formatPriceInfo"');
    const added = drift({ kind: 'unknown-fields', seed: 3, names: ['orderId', 'zzNew'], values: [1] });
    expect(JSON.stringify(added)).toContain('"zzNew":1');
    expect((added.data.data[ORDER_KEY] as { fields: Obj }).fields.orderId).toBe('8212313961591322');
    expect(drift({ kind: 'shuffle-keys', seed: 9 })).toEqual(LIST);
    expect(JSON.stringify(drift({ kind: 'shuffle-keys', seed: 9 }))).not.toBe(LIST_TEXT);
  });

  it('mark an appended page and leave out the page furniture, not the orders', () => {
    const out = drift({ kind: 'render-type', type: 'append' }) as unknown as { data: Obj & { data: Obj } };
    expect(out.data.renderType).toBe('append');
    const tags = Object.values(out.data.data).map((c) => (c as Obj).tag);
    expect(tags).not.toContain('pc_om_list_header');
    expect(tags.filter((t) => t === 'pc_om_list_order')).toHaveLength(10);
  });

  it('draw at most one drift of each kind, in the order they are applied, from the kinds asked', () => {
    for (const drifts of fc.sample(jsonDrifts(['shuffle-keys', 'drop-hierarchy']), { numRuns: 50, seed: 1 })) {
      const kinds = drifts.map((d) => d.kind);
      expect(kinds.length).toBeGreaterThan(0);
      expect(kinds).toEqual(JSON_DRIFT_KINDS.filter((k) => kinds.includes(k)));
      expect(kinds.every((k) => k === 'shuffle-keys' || k === 'drop-hierarchy')).toBe(true);
    }
  });
});

describe('page drifts (fixture pages tests/fixtures/pages)', () => {
  const window = new Window();
  afterAll(() => void window.happyDOM.close());
  const pages = fixturePages(['en', 'de']);
  const page = (lang: string, name: string) => {
    const p = pages.find((f) => f.lang === lang && f.name === name)!;
    return new window.DOMParser().parseFromString(
      readFileSync(fixturePath(p), 'utf8'),
      'text/html',
    ) as unknown as Document;
  };
  const apply = (doc: Document, d: PageDrift, orderId: string | null = '8100009876543128') =>
    applyPageDrifts(doc, [d], 'de', orderId);

  it('give CSS-module classes a new hash and keep their prefix', () => {
    const doc = page('en', 'dispute-detail');
    apply(doc, { kind: 'css-hash', seed: 5 });
    const status = doc.querySelector("[class*='reminder--statusStr']")!;
    expect(status.className).toMatch(/^reminder--statusStr--[A-Za-z0-9]{7}$/);
    expect(status.className).not.toBe('reminder--statusStr--3FMxRSU');
  });

  it('rename the plain classes of elements that have a data-pl fallback', () => {
    const doc = page('en', 'order-list');
    apply(doc, { kind: 'rename-plain-class', name: 'q' }, null);
    expect(doc.querySelector('.order-item-header-status')).toBeNull();
    expect(doc.querySelector("[data-pl='order_item_header_status']")!.className).toMatch(/^drift-q-\d+$/);
  });

  it('move the order number from its link to a row labelled in the page language', () => {
    const doc = page('de', 'dispute-detail');
    expect(apply(doc, { kind: 'order-number-row' }).orderNumberShown).toBe(true);
    expect(doc.querySelector("a[href*='orderId=']")).toBeNull();
    expect(doc.body.textContent).toContain(`${ORDER_NUMBER_LABEL.de}8100009876543128`);
    const bare = page('de', 'dispute-detail');
    expect(apply(bare, { kind: 'drop-order-link' }).orderNumberShown).toBe(false);
    const list = page('de', 'order-list');
    apply(list, { kind: 'drop-order-link' }, null);
    expect(list.querySelector("a[href*='orderId=']")).not.toBeNull();
  });

  it('drop optional parts and change the page language while the texts stay', () => {
    const doc = page('en', 'dispute-detail');
    apply(doc, { kind: 'drop-optional', parts: ['countdown', 'buttons'] });
    expect(doc.querySelector("[class*='countdown']")).toBeNull();
    expect(doc.querySelector('button')).toBeNull();
    apply(doc, { kind: 'change-language', to: 'tr' });
    expect(doc.documentElement.getAttribute('lang')).toBe('tr-TR');
    expect(doc.cookie).toContain('b_locale=tr_TR');
    expect(doc.querySelector("[class*='reminder--statusStr']")!.textContent).toBe('Awaiting your response');
  });

  it('never draw a language change to the language the page already has', () => {
    for (const drifts of fc.sample(pageDrifts(['change-language'], 'ru'), { numRuns: 50, seed: 2 })) {
      expect(drifts).toHaveLength(1);
      expect(drifts[0]).not.toEqual({ kind: 'change-language', to: 'ru' });
    }
  });
});

describe('the drift bookkeeping', () => {
  it('finds an id only as a whole run of digits', () => {
    expect(isDigitRunIn('8100', 'id 8100, x')).toBe(true);
    expect(isDigitRunIn('8100', 'id 81000')).toBe(false);
    expect(isDigitRunIn('8100', '98100 and 8100')).toBe(true);
    expect(isDigitRunIn('', 'abc')).toBe(false);
  });

  it('pends only drift kinds the generators have', () => {
    const kinds: readonly string[] = [...JSON_DRIFT_KINDS, ...PAGE_DRIFT_KINDS];
    expect(PENDING_DRIFTS.filter((k) => !kinds.includes(k))).toEqual([]);
  });
});
