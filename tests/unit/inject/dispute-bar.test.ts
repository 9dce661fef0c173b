import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import type { PageReadings } from '../../../src/inject/data.ts';
import { barState } from '../../../src/inject/dispute-bar.ts';
import type { Dispute, PageSnapshot } from '../../../src/model/index.ts';
import { DAY, deadline, dispute, HOUR, NOW, order, timeline } from '../ui/fixtures.ts';
import {
  attachWatched,
  DISPUTE_URL,
  fakeContext,
  fakeDeps,
  hosts,
  inShadow,
  scriptClick,
  setPage,
  settle,
  trustedClick,
} from './page.ts';

let stop: (() => void) | undefined;
beforeEach(() => {
  setTimeZone('UTC');
  setLanguage('en-GB');
});
afterEach(() => {
  stop?.();
  vi.useRealTimers();
  document.body.replaceChildren();
});

const ID = '8212379857492017';
// The ids in DISPUTE_URL.
const LINE = '821237985749201701';
const CASE = '821237985749201799';

/** The case page's own markup as ALIEXPRESS.md describes it (hashed class prefixes), written by hand. */
const disputePage = (escalate: boolean) =>
  setPage(`<div id="root"><div class="detail--wrap--1xYz2Ab"><h1>Dispute details</h1>
    <div class="reminder--wrap--2kLm9xQ"><div class="reminder--statusStr--3FMxRSU">Waiting for your response</div>
    <div class="reminder--btns--3sXq1Lp">${escalate ? '<button type="button" class="comet-btn reminder--btn--1Hk2pWq">Escalate dispute</button>' : ''}<button type="button" class="comet-btn">Cancel Request</button></div></div></div></div>`);

/** Stands in for the content script's reading: the test says when a reading of the page was stored. */
function fakeReadings() {
  const listeners = new Set<(snapshot: PageSnapshot, stored: boolean) => void>();
  const readings: PageReadings = {
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const stored = (disputes: PageSnapshot['disputes']) => {
    const snapshot: PageSnapshot = {
      kind: 'dispute-detail',
      url: DISPUTE_URL,
      locale: 'en',
      readAt: new Date(NOW).toISOString(),
      orders: [],
      disputes,
      problems: [],
    };
    for (const listener of listeners) listener(snapshot, true);
  };
  return { readings, stored, listeners };
}

/** The case as this page shows it: your turn, 2 days 5 h on its countdown. */
const pageReading = () =>
  dispute(ID, {
    lineId: LINE,
    disputeId: CASE,
    status: 'awaiting-buyer',
    awaiting: 'buyer',
    deadline: new Date(NOW + 2 * DAY + 5 * HOUR).toISOString(),
    canEscalate: true,
  });

/** What the refund list left in the store: a case whose party no list says. */
const fromList = {
  order: order(ID),
  dispute: dispute(ID, { lineId: LINE, disputeId: CASE, status: 'open', awaiting: null }),
  timeline: timeline({ phase: 'negotiating', deadlines: [deadline('escalation-opens', 9 * DAY, 'rule')] }),
};

const barOf = () => inShadow(hosts('dispute-bar')[0], '.rr-bar')!;
const said = () => barOf().querySelector('.rr-bar-who')!.textContent;
const buttonNamed = (name: string) =>
  [...hosts('dispute-bar')[0]!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('dispute bar', () => {
  it('says "Reading…" until the page is read, then the page’s own party over the refund list’s record', async () => {
    disputePage(false);
    const deps = fakeDeps({}, fromList, NOW);
    const page = fakeReadings();
    stop = attachWatched(fakeContext(), { deps, readings: page.readings, href: () => DISPUTE_URL });
    await settle();
    expect(deps.dispute).toHaveBeenCalledWith({ lineId: LINE, disputeId: CASE });
    // The store answered with the list's record, but the page has not been read: nothing is claimed yet.
    expect(said()).toBe('Reading this page…');
    expect(barOf().getAttribute('aria-busy')).toBe('true');
    expect(barOf().textContent).not.toContain('cannot tell');

    page.stored([pageReading()]);
    await settle();
    expect(said()).toBe('You must act');
    expect(barOf().dataset.awaiting).toBe('buyer');
    expect(barOf().textContent!.replace(/\s+/g, ' ')).toContain(
      '2 days 5 h left (until 29 Nov, 15:00) from AliExpress',
    );
    // The store is asked again once the page's reading is stored, for the timeline it moved.
    expect(deps.dispute).toHaveBeenCalledTimes(2);
    // Above the case's status block, not over AliExpress's header.
    expect(hosts('dispute-bar')[0]!.nextElementSibling!.className).toContain('reminder--wrap');
    expect(barOf().getAttribute('aria-label')).toBe('Refund Radar: this dispute');
  });

  it('follows the page’s later readings without polling the store', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval'] });
    disputePage(false);
    const deps = fakeDeps({}, fromList, NOW);
    const page = fakeReadings();
    stop = attachWatched(fakeContext(), { deps, readings: page.readings, href: () => DISPUTE_URL });
    await vi.advanceTimersByTimeAsync(10);
    page.stored([pageReading()]);
    await vi.advanceTimersByTimeAsync(10);
    expect(said()).toBe('You must act');
    const asked = deps.dispute.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(deps.dispute).toHaveBeenCalledTimes(asked);
    // The seller answered: the page's next reading says so.
    page.stored([{ ...pageReading(), status: 'awaiting-seller', awaiting: 'seller' }]);
    await vi.advanceTimersByTimeAsync(10);
    expect(said()).toBe('The seller must act');
  });

  it('shows what the store has when the page’s readers find no dispute on it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    disputePage(false);
    const deps = fakeDeps({}, { ...fromList, dispute: { ...fromList.dispute, awaiting: 'seller' } }, NOW);
    const page = fakeReadings();
    stop = attachWatched(fakeContext(), { deps, readings: page.readings, href: () => DISPUTE_URL });
    await vi.advanceTimersByTimeAsync(10);
    page.stored([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(said()).toBe('Reading this page…');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(said()).toBe('The seller must act');
    expect(barOf().getAttribute('aria-busy')).toBe('false');
  });

  it('says who must act from the status when the page names no party, and that a finished case needs nothing', () => {
    const shown = (status: Dispute['status']) => barState({ status, awaiting: null, deadline: null });
    expect(shown('awaiting-buyer')).toBe('buyer');
    expect(shown('awaiting-seller')).toBe('seller');
    expect(shown('awaiting-return')).toBe('buyer');
    expect(shown('escalated')).toBe('aliexpress');
    expect(shown('open')).toBe('unknown');
    expect(shown('refunded')).toBe('refunded');
    // A finished case needs nothing, whoever a page named last.
    expect(barState({ status: 'closed', awaiting: 'buyer', deadline: null })).toBe('closed');
    expect(barState(null)).toBe('unknown');
  });

  it('shows "Refunded: nothing to do", without a countdown, for a refunded case', async () => {
    disputePage(false);
    const page = fakeReadings();
    stop = attachWatched(fakeContext(), {
      deps: fakeDeps({}, null, NOW),
      readings: page.readings,
      href: () => DISPUTE_URL,
    });
    await settle();
    page.stored([{ ...pageReading(), status: 'refunded', awaiting: null }]);
    await settle();
    expect(said()).toBe('Refunded: nothing to do');
    expect(barOf().querySelector('.rr-bar-left')).toBeNull();
  });

  it('points at AliExpress’s Escalate button only when the shopper asks, never on load, and never presses it', async () => {
    disputePage(true);
    const page = fakeReadings();
    const facts = {
      ...fromList,
      timeline: timeline({
        phase: 'escalation-open',
        deadlines: [deadline('escalation-opens', -DAY, 'page'), deadline('escalation-closes', 2 * DAY, 'rule')],
      }),
    };
    stop = attachWatched(fakeContext(), {
      deps: fakeDeps({}, facts, NOW),
      readings: page.readings,
      href: () => DISPUTE_URL,
    });
    await settle();
    page.stored([pageReading()]);
    await settle();
    const escalate = document.querySelector<HTMLElement>('.reminder--btn--1Hk2pWq')!;
    const pressed = vi.fn();
    escalate.addEventListener('click', pressed);
    expect(escalate.hasAttribute('data-refund-radar-highlight')).toBe(false);
    expect(barOf().textContent).toContain('Escalate now, until 29 Nov');
    const show = buttonNamed('Show the Escalate button');
    // A page script cannot work our controls.
    scriptClick(show);
    expect(escalate.hasAttribute('data-refund-radar-highlight')).toBe(false);
    trustedClick(show);
    expect(escalate.hasAttribute('data-refund-radar-highlight')).toBe(true);
    expect(pressed).not.toHaveBeenCalled();
  });

  it('hides on the shopper’s click behind a "Refund Radar" tab that brings it back', async () => {
    disputePage(false);
    const page = fakeReadings();
    stop = attachWatched(fakeContext(), {
      deps: fakeDeps({}, fromList, NOW),
      readings: page.readings,
      href: () => DISPUTE_URL,
    });
    await settle();
    scriptClick(buttonNamed('Hide'));
    expect(hosts('dispute-bar')[0]!.shadowRoot!.querySelector('.rr-bar')).not.toBeNull();
    trustedClick(buttonNamed('Hide'));
    const root = hosts('dispute-bar')[0]!.shadowRoot!;
    expect(root.querySelector('.rr-bar')).toBeNull();
    const tab = root.querySelector<HTMLButtonElement>('.rr-tab')!;
    expect(tab.textContent).toBe('Refund Radar');
    expect(tab.getAttribute('aria-label')).toBe('Refund Radar: show the bar for this dispute');
    scriptClick(tab);
    expect(root.querySelector('.rr-bar')).toBeNull();
    trustedClick(tab);
    expect(root.querySelector('.rr-bar')).not.toBeNull();
    expect(root.activeElement).toBe(root.querySelector('.rr-bar-who'));
  });

  it('stops following the page and leaves nothing when the extension is reloaded', async () => {
    disputePage(true);
    const ctx = fakeContext();
    const page = fakeReadings();
    attachWatched(ctx, { deps: fakeDeps({}, null, NOW), readings: page.readings, href: () => DISPUTE_URL });
    await settle();
    trustedClick(buttonNamed('Show the Escalate button'));
    expect(page.listeners.size).toBe(1);
    ctx.invalidate();
    expect(hosts('dispute-bar')).toHaveLength(0);
    expect(page.listeners.size).toBe(0);
    expect(document.querySelector('[data-refund-radar-highlight]')).toBeNull();
    expect(document.querySelector<HTMLElement>('.reminder--btn--1Hk2pWq')!.style.outline).toBe('');
  });
});
