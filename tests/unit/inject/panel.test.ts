import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setClock, setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import { attachHelpers } from '../../../src/inject/mount.ts';
import { DAY, deadline, dispute, NOW, order, timeline } from '../ui/fixtures.ts';
import { allInShadow, fakeContext, fakeDeps, hosts, inShadow, LIST_URL, listPage, settle, setPage } from './page.ts';

let stop: (() => void) | undefined;
beforeEach(() => {
  setTimeZone('UTC');
  // The year shows only for dates outside the current one: these tests' dates are all of 2026.
  setClock(() => new Date('2026-11-26T12:00:00.000Z'));
  setLanguage('en-GB');
});
afterEach(() => {
  stop?.();
  document.body.replaceChildren();
});

const ID = '8212379857492017';

async function openPanel(deps = fakeDeps({}, null, NOW)) {
  listPage(ID, '8212379857492018');
  stop = attachHelpers(fakeContext(), { deps, href: () => LIST_URL });
  await settle();
  inShadow(hosts('start')[0], 'button')!.click();
  await settle();
  const panel = hosts('panel')[0]!;
  return { deps, panel, q: (s: string) => inShadow(panel, s), all: (s: string) => allInShadow(panel, s) };
}

const choose = async (q: (s: string) => HTMLElement | null, reason: string) => {
  q(`input[value="${reason}"]`)!.click();
  await settle();
};

describe('Start refund panel', () => {
  it('walks from reason to evidence, draft, copy and AliExpress’s own button, without clicking it', async () => {
    const deps = fakeDeps(
      {
        [ID]: {
          order: order(ID),
          dispute: null,
          timeline: timeline({
            phase: 'can-open-dispute',
            deadlines: [deadline('protection-ends', 20 * DAY, 'page')],
            nextStep: { action: 'open-dispute', why: 'whyParcelOverdue', url: null },
          }),
        },
      },
      null,
      NOW,
    );
    const { panel, q, all } = await openPanel(deps);
    expect(q('[role="dialog"]')!.getAttribute('aria-labelledby')).toBe('rr-helper-title');
    expect(q('#rr-helper-title')!.textContent).toBe('Start a refund');
    expect(deps.order).toHaveBeenCalledWith(ID);
    expect(inShadow(hosts('start')[0], 'button')!.getAttribute('aria-expanded')).toBe('true');

    // Six reasons, each a labelled radio.
    expect(all('input[type="radio"]').map((r) => r.closest('label')!.textContent!.trim())).toEqual([
      'Not received',
      'Not as described',
      'Does not work',
      'Wrong size',
      'Damaged',
      'Missing parts or fewer items',
    ]);
    expect(q('[data-when="now"]')!.textContent).toBe('You can open a dispute now.');
    expect(q('[data-when="protection"]')!.textContent).toBe(
      'Buyer protection runs until 17 Dec, 10:00. from AliExpress',
    );

    await choose(q, 'wrong-size');
    const evidence = all('.rr-evidence li').map((li) => li.textContent!.trim());
    expect(evidence).toContain('A photo of the item lying flat with a ruler or tape measure along it.');
    const draft = q('textarea') as HTMLTextAreaElement;
    expect(draft.value).toContain(ID);
    expect(draft.value).toMatch(/size does not match/);
    expect(q('label[for="rr-draft"]')).not.toBeNull();

    q('.rr-message button')!.click();
    await settle();
    expect(deps.copy).toHaveBeenCalledWith(draft.value);
    expect(q('.rr-message [role="status"]')!.textContent).toBe('Copied');

    const target = document.querySelector<HTMLElement>(`[data-testid="refund-${ID}"]`)!;
    const other = document.querySelector<HTMLElement>('[data-testid="refund-8212379857492018"]')!;
    const clicked = vi.fn((e: Event) => e.preventDefault());
    target.addEventListener('click', clicked);
    const buttons = [...panel.shadowRoot!.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Take me there')!.click();
    await settle();
    expect(target.hasAttribute('data-refund-radar-highlight')).toBe(true);
    expect(target.style.outline).not.toBe('');
    expect(other.hasAttribute('data-refund-radar-highlight')).toBe(false);
    expect(clicked).not.toHaveBeenCalled();
    expect(deps.startRefund).toHaveBeenCalledWith(ID, 'wrong-size');
    expect(q('.rr-go [role="status"]')!.textContent).toContain('Marked as refund started.');
  });

  it('says from which day a dispute for an undelivered parcel can be opened, marked estimated', async () => {
    const deps = fakeDeps(
      {
        [ID]: {
          order: order(ID),
          dispute: null,
          timeline: timeline({
            phase: 'no-problem',
            deadlines: [deadline('dispute-opens', 15 * DAY, 'rule'), deadline('protection-ends', 30 * DAY, 'rule')],
          }),
        },
      },
      null,
      NOW,
    );
    const { q } = await openPanel(deps);
    expect(q('[data-when="opens"]')!.textContent).toBe('You can open a dispute from 12 Dec. estimated');
    expect(q('[data-when="protection"]')!.textContent).toBe('Buyer protection runs until 27 Dec, 10:00. estimated');
    // A broken item need not wait for the delivery time.
    await choose(q, 'defective');
    expect(q('[data-when="now"]')).not.toBeNull();
  });

  it('says so when it knows nothing about the order, and when AliExpress’s button is missing', async () => {
    document.body.replaceChildren();
    const { q, panel } = await openPanel();
    expect(q('.rr-when')!.textContent).toMatch(/has not seen the protection dates/);
    for (const a of document.querySelectorAll('a[href*="reverse-pages"]')) a.remove();
    [...panel.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Take me there')!.click();
    await settle();
    expect(q('.rr-go [role="status"]')!.textContent).toMatch(/not on this page/);
  });

  it('closes with Escape and gives focus back to its Start button', async () => {
    const { q } = await openPanel();
    q('[role="dialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(hosts('panel')).toHaveLength(0);
    const start = inShadow(hosts('start')[0], 'button')!;
    expect(start.getAttribute('aria-expanded')).toBe('false');
    expect(hosts('start')[0]!.shadowRoot!.activeElement).toBe(start);
  });

  it('drafts the message in the interface language', async () => {
    const { loadLanguage } = await import('../../../src/i18n/index.ts');
    await loadLanguage('pl');
    const { q } = await openPanel();
    await choose(q, 'damaged');
    expect((q('textarea') as HTMLTextAreaElement).value).toBe(
      `Dzień dobry, moje zamówienie ${ID} dotarło uszkodzone. Mam zdjęcia produktu i paczki. Proszę o zwrot pieniędzy. Dziękuję.`,
    );
  });
});

describe('dispute bar', () => {
  const DISPUTE =
    'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=821237985749201701&reverseOrderLineId=821237985749201799&from=1';
  const disputePage = (escalate: boolean) => {
    setPage(`<div id="root"><div class="detail--wrap--1xYz2Ab"><h1>Dispute details</h1>
      <div class="reminder--wrap--2kLm9xQ"><div class="reminder--statusStr--3FMxRSU">Waiting for the seller</div>
      <div class="reminder--btns--3sXq1Lp">${escalate ? '<button type="button" class="comet-btn reminder--btn--1Hk2pWq">Escalate dispute</button>' : ''}<button type="button" class="comet-btn">Cancel Request</button></div></div></div></div>`);
  };

  it('says who must act, the time left and when escalation opens', async () => {
    disputePage(false);
    const facts = {
      order: order(ID),
      dispute: dispute(ID, { awaiting: 'seller', deadline: new Date(NOW + 3 * DAY + 4 * 3_600_000).toISOString() }),
      timeline: timeline({
        deadlines: [deadline('escalation-opens', 15 * DAY, 'rule'), deadline('escalation-closes', 18 * DAY, 'rule')],
      }),
    };
    const deps = fakeDeps({}, facts, NOW);
    stop = attachHelpers(fakeContext(), { deps, href: () => DISPUTE });
    await settle();
    expect(deps.dispute).toHaveBeenCalledWith({ lineId: '821237985749201701', disputeId: '821237985749201799' });
    const bar = hosts('dispute-bar')[0]!;
    // Above the case's status block, not over AliExpress's header.
    expect(bar.nextElementSibling!.className).toContain('reminder--wrap');
    const text = bar.shadowRoot!.querySelector('.rr-bar')!.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('The seller must act');
    expect(text).toContain('3 days 4 h left (until 30 Nov, 14:00) from AliExpress');
    expect(text).toContain('Escalate from 12 Dec estimated');
    expect(inShadow(bar, 'section')!.getAttribute('aria-label')).toBe('Refund Radar: this dispute');
    expect(text).not.toContain('Show the Escalate button');
  });

  it('points at AliExpress’s Escalate button when the page shows it, and never presses it', async () => {
    disputePage(true);
    const facts = {
      order: order(ID),
      dispute: dispute(ID, { awaiting: 'buyer', canEscalate: true }),
      timeline: timeline({
        phase: 'escalation-open',
        deadlines: [deadline('escalation-opens', -DAY, 'page'), deadline('escalation-closes', 2 * DAY, 'rule')],
      }),
    };
    stop = attachHelpers(fakeContext(), { deps: fakeDeps({}, facts, NOW), href: () => DISPUTE });
    await settle();
    const escalate = document.querySelector<HTMLElement>('.reminder--btn--1Hk2pWq')!;
    const pressed = vi.fn();
    escalate.addEventListener('click', pressed);
    expect(escalate.hasAttribute('data-refund-radar-highlight')).toBe(true);
    const bar = hosts('dispute-bar')[0]!;
    expect(bar.shadowRoot!.textContent).toContain('You must act');
    expect(bar.shadowRoot!.textContent).toContain('Escalate now, until 29 Nov');
    const show = [...bar.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent === 'Show the Escalate button',
    )!;
    show.click();
    await settle();
    expect(escalate.hasAttribute('data-refund-radar-highlight')).toBe(true);
    expect(pressed).not.toHaveBeenCalled();
  });

  it('hides on request and is removed with the extension', async () => {
    disputePage(true);
    const ctx = fakeContext();
    attachHelpers(ctx, { deps: fakeDeps({}, null, NOW), href: () => DISPUTE });
    await settle();
    expect(hosts('dispute-bar')[0]!.shadowRoot!.textContent).toContain('cannot tell who must act');
    ctx.invalidate();
    expect(hosts('dispute-bar')).toHaveLength(0);
    expect(document.querySelector('[data-refund-radar-highlight]')).toBeNull();
    expect(document.querySelector<HTMLElement>('.reminder--btn--1Hk2pWq')!.style.outline).toBe('');
  });
});
