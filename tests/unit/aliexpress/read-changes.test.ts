import { describe, expect, it, vi } from 'vitest';
import type { OrderCard, PageReading, PageSnapshot } from '../../../src/model/index.ts';
import { fingerprint, markSent, unsent, type Sent } from '../../../src/aliexpress/changes.ts';
import { read } from '../../../src/aliexpress/read.ts';
import { capture } from './json/fixtures.ts';
import { bareCard } from './bare-card.ts';

const URL_ = 'https://www.aliexpress.com/p/order/index.html';
const snap = () => read({ json: capture('order-list-init') }, URL_, new Date('2026-09-07T12:00:00Z'));

describe('unsent', () => {
  it('sends everything the first time and nothing when the page read the same again', () => {
    const sent: Sent = new Map();
    const first = unsent(snap(), sent);
    expect(first.snapshot!.orders).toHaveLength(10);
    markSent(sent, first.entries);
    const again = unsent(snap(), sent);
    expect(again.snapshot).toBeNull();
    expect(again.entries).toEqual([]);
  });

  it('sends only the order that changed, with the rest of the snapshot intact', () => {
    const sent: Sent = new Map();
    markSent(sent, unsent(snap(), sent).entries);
    const next: PageSnapshot = snap();
    next.orders[3] = { ...next.orders[3]!, status: 'in-dispute', statusText: 'Dispute in progress' };
    const delta = unsent(next, sent);
    expect(delta.snapshot).toMatchObject({ kind: 'order-list', url: URL_, locale: 'en' });
    expect(delta.snapshot!.orders.map((o) => o.orderId)).toEqual(['8212268452148012']);
    expect(delta.snapshot!.disputes).toEqual([]);
  });

  it('resends what was never marked sent (a failed send)', () => {
    const sent: Sent = new Map();
    unsent(snap(), sent);
    expect(unsent(snap(), sent).snapshot!.orders).toHaveLength(10);
  });

  it('sends a new problem once', () => {
    const sent: Sent = new Map();
    const s = snap();
    s.problems = [{ code: 'unknown-status', detail: 'Unterwegs', orderId: '8212268452148012' }];
    const d1 = unsent(s, sent);
    markSent(sent, d1.entries);
    expect(d1.snapshot!.problems).toHaveLength(1);
    expect(unsent(s, sent).snapshot).toBeNull();
  });

  it('fingerprints tell apart what differs, array order included', () => {
    expect(fingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(fingerprint({ a: 1, b: { c: 2, d: 3 } }));
    expect(fingerprint({ a: 1, b: { c: 2, d: 3 } })).not.toBe(fingerprint({ a: 1, b: { c: 2, d: 4 } }));
    expect(fingerprint({ a: [1, 2] })).not.toBe(fingerprint({ a: [2, 1] }));
  });

  it('prints nothing on a first read nor for an item that is the same object as the one sent', () => {
    // Generated: the page's cards re-read unchanged give the very objects sent before.
    const first = snap();
    const sent: Sent = new Map();
    const stringify = vi.spyOn(JSON, 'stringify');
    markSent(sent, unsent(first, sent).entries);
    expect(unsent({ ...first, readAt: '2026-09-07T12:05:00.000Z' }, sent).snapshot).toBeNull();
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
  });

  it('keeps the newer object of an item that says the same, so the older one can go', () => {
    const sent: Sent = new Map();
    const first = snap();
    markSent(sent, unsent(first, sent).entries);
    const again = snap();
    expect(again.orders[0]).not.toBe(first.orders[0]);
    expect(unsent(again, sent).snapshot).toBeNull();
    expect(sent.get(`order:${again.orders[0]!.orderId}`)).toBe(again.orders[0]);
  });
});

describe('unsent on My orders, where cards come as text', () => {
  // Cards written by hand; the JSON orders from the real capture (tests/fixtures/real).
  const json = () => snap().orders.slice(0, 3);
  const reading = (cards: OrderCard[], orders = json()): PageReading => ({
    ...snap(),
    orders,
    cards: { locale: 'en', items: cards },
  });
  const ids = json().map((o) => o.orderId);

  it('sends a card again with what the JSON said of its order, and nothing of the others', () => {
    const sent: Sent = new Map();
    const cards = ids.map((id) => bareCard(id));
    const orders = json();
    markSent(sent, unsent(reading(cards, orders), sent).entries);
    const changed = [...cards];
    changed[1] = bareCard(ids[1]!, 'Completed');
    const delta = unsent(reading(changed, orders), sent).snapshot!;
    expect(delta.cards!.items).toEqual([changed[1]]);
    expect(delta.orders).toEqual([orders[1]]);
  });

  it("sends a card again when only the JSON's word on its order changed: the background combines them, the card first", () => {
    const sent: Sent = new Map();
    const cards = ids.map((id) => bareCard(id));
    const orders = json();
    markSent(sent, unsent(reading(cards, orders), sent).entries);
    const answered = [...orders];
    answered[2] = { ...orders[2]!, status: 'closed', statusText: 'Closed' };
    const delta = unsent(reading(cards, answered), sent).snapshot!;
    expect(delta.orders).toEqual([answered[2]]);
    expect(delta.cards!.items).toEqual([cards[2]]);
  });

  it('sends nothing when neither changed, and no empty card list with a lone problem', () => {
    const sent: Sent = new Map();
    const cards = ids.map((id) => bareCard(id));
    markSent(sent, unsent(reading(cards), sent).entries);
    expect(unsent(reading(cards), sent).snapshot).toBeNull();
    const withProblem = {
      ...reading(cards),
      problems: [{ code: 'field-missing' as const, detail: 'x', orderId: null }],
    };
    const delta = unsent(withProblem, sent).snapshot!;
    expect(delta.problems).toHaveLength(1);
    expect(delta).not.toHaveProperty('cards');
    expect(delta.orders).toEqual([]);
  });
});
