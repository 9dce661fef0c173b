import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import { DAY, dispute, HOUR, NOW, order, timeline } from '../ui/fixtures.ts';
import {
  attachWatched,
  DISPUTE_URL,
  fakeContext,
  fakeDeps,
  hosts,
  scriptClick,
  setPage,
  trustedClick,
} from './page.ts';

let stop: (() => void) | undefined;
beforeEach(() => {
  setTimeZone('UTC');
  setLanguage('en-GB');
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
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

/** A case page in a language the readers do not know (Korean), written by hand: nothing on it is read. */
const koreanPage = () =>
  setPage(`<div id="root"><div class="detail--wrap--1xYz2Ab"><h1>분쟁 상세</h1>
    <div class="reminder--wrap--2kLm9xQ"><div class="reminder--statusStr--3FMxRSU">판매자 응답 대기 중</div>
    <p>남은 시간: 3일 4시간</p></div></div></div>`);

const root = () => hosts('dispute-bar')[0]!.shadowRoot!;
const said = () => root().querySelector('.rr-bar-who')!.textContent;
const button = (name: string) => [...root().querySelectorAll('button')].find((b) => b.textContent === name);
const field = (label: string) => {
  const l = [...root().querySelectorAll('label')].find((x) => x.textContent === label)!;
  return root().getElementById(l.htmlFor) as HTMLInputElement;
};
const errorOf = (input: Element) => root().getElementById(input.getAttribute('aria-describedby')!)!.textContent;
const type = (label: string, value: string) => (field(label).value = value);
const choose = (name: string) => {
  const radio = [...root().querySelectorAll('fieldset label')].find((l) => l.textContent === name)!;
  (radio.querySelector('input') as HTMLInputElement).checked = true;
};

async function openOnUnreadPage(facts: Parameters<typeof fakeDeps>[1] = null) {
  koreanPage();
  const deps = fakeDeps({}, facts, NOW);
  stop = attachWatched(fakeContext(), { deps, href: () => DISPUTE_URL });
  await vi.advanceTimersByTimeAsync(4_100);
  return deps;
}

describe('Track this dispute yourself, in the dispute bar', () => {
  it('is offered when the page could not be read, and opens a labelled form with the order the store knows', async () => {
    await openOnUnreadPage({ order: order(ID), dispute: null, timeline: null });
    expect(said()).toBe('Refund Radar cannot tell who must act');
    const offer = button('Track this dispute yourself')!;
    expect(offer.hidden).toBe(false);
    trustedClick(offer);
    const form = root().querySelector('form')!;
    expect(form.getAttribute('aria-label')).toBe('Track this dispute yourself');
    expect(form.querySelector('fieldset legend')!.textContent).toBe('Who must act now?');
    expect([...form.querySelectorAll('fieldset label')].map((l) => l.textContent)).toEqual([
      'The seller',
      'Me',
      'AliExpress',
    ]);
    expect(field('Order number').value).toBe(ID);
    expect(field('Dispute opened on').value).toBe('2026-11-27');
    expect(field('Days left').value).toBe('');
    expect(button('Save')).toBeDefined();
  });

  it('shows the background’s refusals of impossible values beside their fields', async () => {
    const deps = await openOnUnreadPage();
    trustedClick(button('Track this dispute yourself')!);
    type('Days left', '-3');
    type('Hours left', '30');
    type('Dispute opened on', '2026-12-25');
    type('Order number', 'ABCDEFGH');
    trustedClick(button('Save')!);
    await vi.advanceTimersByTimeAsync(10);
    expect(errorOf(root().querySelector('fieldset')!)).toBe('Choose who must act now.');
    expect(errorOf(field('Days left'))).toBe('Cannot be negative.');
    expect(errorOf(field('Hours left'))).toBe('At most 23 hours: put whole days in Days left.');
    expect(errorOf(field('Dispute opened on'))).toBe('This day has not come yet.');
    expect(errorOf(field('Order number'))).toBe('An order number has 6 to 24 digits and nothing else.');
    expect(field('Days left').getAttribute('aria-invalid')).toBe('true');
    expect(root().querySelector('form')).not.toBeNull();

    type('Days left', '400');
    trustedClick(button('Save')!);
    await vi.advanceTimersByTimeAsync(10);
    expect(errorOf(field('Days left'))).toBe('At most 60 days: no dispute step lasts longer.');
    expect(await deps.enterDispute.mock.results.at(-1)!.value).toMatchObject({ saved: false });
  });

  it('saves only on the shopper’s own click, then shows who must act and the time left, with Edit', async () => {
    const deps = await openOnUnreadPage();
    trustedClick(button('Track this dispute yourself')!);
    choose('The seller');
    type('Days left', '3');
    type('Hours left', '4');
    type('Order number', ID);
    // A page script fills fields and clicks Save: nothing is sent.
    scriptClick(button('Save')!);
    root().querySelector('form')!.requestSubmit();
    await vi.advanceTimersByTimeAsync(10);
    expect(deps.enterDispute).not.toHaveBeenCalled();

    const entered = dispute(ID, {
      lineId: LINE,
      disputeId: CASE,
      status: 'awaiting-seller',
      awaiting: 'seller',
      deadline: new Date(NOW + 3 * DAY + 4 * HOUR).toISOString(),
      entered: ['status', 'awaiting', 'deadline', 'openedAt'],
    });
    deps.dispute.mockResolvedValue({ order: order(ID), dispute: entered, timeline: timeline() });
    trustedClick(button('Save')!);
    await vi.advanceTimersByTimeAsync(10);
    expect(deps.enterDispute).toHaveBeenCalledWith(
      { awaiting: 'seller', daysLeft: '3', hoursLeft: '4', openedOn: '2026-11-27', orderId: ID },
      { lineId: LINE, disputeId: CASE },
    );
    expect(root().querySelector('form')).toBeNull();
    expect(said()).toBe('The seller must act');
    const bar = root().querySelector('.rr-bar')!;
    expect(bar.textContent!.replace(/\s+/g, ' ')).toContain('3 days 4 h left');
    expect(bar.querySelector('.rr-bar-left .rr-source')!.getAttribute('data-source')).toBe('shopper');
    expect(button('Track this dispute yourself')).toBeUndefined();
    // Edit opens the form with what the shopper entered.
    trustedClick(button('Edit')!);
    expect(field('Days left').value).toBe('3');
    expect(field('Hours left').value).toBe('4');
  });

  it('shows the background’s refusal of a value beside its field', async () => {
    const deps = await openOnUnreadPage();
    deps.enterDispute.mockImplementation(async () => ({ saved: false, errors: { openedOn: 'date-too-old' } }));
    trustedClick(button('Track this dispute yourself')!);
    choose('Me');
    type('Order number', ID);
    trustedClick(button('Save')!);
    await vi.advanceTimersByTimeAsync(10);
    expect(errorOf(field('Dispute opened on'))).toBe('Over a year ago: buyer protection has long ended.');
    expect(root().querySelector('form')).not.toBeNull();
  });

  it('is not offered where the page told who must act and the time left', async () => {
    koreanPage();
    const read = dispute(ID, {
      lineId: LINE,
      disputeId: CASE,
      status: 'awaiting-buyer',
      awaiting: 'buyer',
      deadline: new Date(NOW + DAY).toISOString(),
    });
    stop = attachWatched(fakeContext(), {
      deps: fakeDeps({}, { order: order(ID), dispute: read, timeline: timeline() }, NOW),
      href: () => DISPUTE_URL,
    });
    await vi.advanceTimersByTimeAsync(4_100);
    expect(said()).toBe('You must act');
    expect(button('Track this dispute yourself')?.hidden ?? true).toBe(true);
    expect(button('Edit')?.hidden ?? true).toBe(true);
  });
});
