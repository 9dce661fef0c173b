import { describe, expect, it, vi } from 'vitest';
import type { OrderCard, PageReading, PageSnapshot } from '../../../src/model/index.ts';
import { fingerprint, heldCardsOf, holdSent, markSent, unsent, type Sent } from '../../../src/aliexpress/changes.ts';
import { read } from '../../../src/aliexpress/read.ts';
import { capture } from './json/fixtures.ts';
import { bareCard } from './bare-card.ts';
import { blankDispute } from '../../../src/model/blank.ts';

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

describe('cards held once stored', () => {
  // Cards written by hand; the JSON orders from the real capture (tests/fixtures/real).
  const json = () => snap().orders.slice(0, 3);
  const ids = json().map((o) => o.orderId);
  const reading = (cards: OrderCard[], extra: Partial<PageReading> = {}): PageReading => ({
    ...snap(),
    orders: json(),
    cards: { locale: 'en', items: cards },
    ...extra,
  });
  /** A page whose three cards the background stored: the reader then gives none of them. */
  function stored() {
    const sent: Sent = new Map();
    const cards = ids.map((id) => bareCard(id));
    const first = unsent(reading(cards), sent);
    markSent(sent, first.entries);
    expect(holdSent(sent, first.snapshot!.cards!.items)).toEqual(cards);
    return sent;
  }

  it('marks only the cards still as sent, or said the same by a newer object', () => {
    const sent: Sent = new Map();
    const cards = ids.map((id) => bareCard(id));
    markSent(sent, unsent(reading(cards), sent).entries);
    const same = bareCard(ids[0]!);
    const changed = bareCard(ids[1]!, 'Completed');
    sent.set(ids[0]!, same);
    sent.set(ids[1]!, changed);
    expect(holdSent(sent, cards)).toEqual([same, cards[2]]);
    // Held once: a second answer for them holds nothing more.
    expect(holdSent(sent, cards)).toEqual([]);
    expect(sent.get(ids[1]!)).toBe(changed);
  });

  it('sends nothing while held cards and their orders say the same', () => {
    const sent = stored();
    expect(unsent(reading([]), sent).snapshot).toBeNull();
  });

  it('names the held cards whose order, dispute or problem goes again, and no card that goes anyway', () => {
    const sent = stored();
    const orders = json();
    orders[0] = { ...orders[0]!, status: 'closed', statusText: 'Closed' };
    // A dispute the page's JSON names for the second order (written here: the capture names none).
    const dispute = { ...blankDispute(ids[1]!), status: 'awaiting-seller' as const };
    const problem = { code: 'date-unparsed' as const, detail: 'x', orderId: ids[2]! };
    const next = reading([], { orders, disputes: [dispute], problems: [problem] });
    const delta = unsent(next, sent).snapshot!;
    expect([...heldCardsOf(next, delta, sent)].sort()).toEqual([...ids].sort());
    // Read again whole, the card of the first order goes with it and is no longer asked for.
    const whole = reading([bareCard(ids[0]!)], { orders, disputes: [dispute], problems: [problem] });
    const wholeDelta = unsent(whole, sent).snapshot!;
    expect(wholeDelta.cards!.items.map((c) => c.orderId)).toEqual([ids[0]]);
    expect([...heldCardsOf(whole, wholeDelta, sent)].sort()).toEqual([ids[1], ids[2]].sort());
  });

  it('names none off My orders', () => {
    const sent = stored();
    const { cards: _cards, ...detail } = reading([]);
    const orders = json().map((o) => ({ ...o, statusText: 'Closed' }));
    const next = { ...detail, kind: 'order-detail' as const, orders };
    expect(heldCardsOf(next, unsent(next, sent).snapshot!, sent).size).toBe(0);
  });
});
