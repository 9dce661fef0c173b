import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setClock, setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import { eligibility } from '../../../src/timeline/eligibility.ts';
import type { OrderFacts } from '../../../src/timeline/tracked.ts';
import { DAY, deadline, NOW, order, timeline } from '../ui/fixtures.ts';
import {
  allInShadow,
  attachWatched,
  everyRowNear,
  fakeContext,
  fakeDeps,
  hosts,
  inShadow,
  LIST_URL,
  listPage,
  settle,
  trustedClick,
} from './page.ts';

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
  stop = attachWatched(fakeContext(), { near: everyRowNear(), deps, href: () => LIST_URL });
  await settle();
  trustedClick(inShadow(hosts('start')[0], 'button')!);
  await settle();
  const panel = hosts('panel')[0]!;
  return { deps, panel, q: (s: string) => inShadow(panel, s), all: (s: string) => allInShadow(panel, s) };
}

/** The facts as the background sends them: its verdict worked out by the real function. */
const withVerdict = (facts: Omit<OrderFacts, 'eligibility'>): OrderFacts => ({
  ...facts,
  eligibility: eligibility(ID, facts, NOW),
});

const choose = async (q: (s: string) => HTMLElement | null, reason: string) => {
  q(`input[value="${reason}"]`)!.click();
  await settle();
};

describe('Start refund panel', () => {
  it('walks from reason to evidence, draft, copy and AliExpress’s own button, without clicking it', async () => {
    const deps = fakeDeps(
      {
        [ID]: withVerdict({
          order: order(ID),
          dispute: null,
          timeline: timeline({
            phase: 'can-open-dispute',
            deadlines: [deadline('dispute-opens', -DAY, 'page'), deadline('protection-ends', 20 * DAY, 'page')],
            nextStep: { action: 'open-dispute', why: 'whyParcelOverdue', url: null },
          }),
        }),
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
    expect(deps.wentToDispute).toHaveBeenCalledWith(ID, 'wrong-size');
    expect(q('.rr-go [role="status"]')!.textContent).toContain('Noted that you went to open a dispute.');
  });

  it('says from which day a dispute for an undelivered parcel can be opened, marked estimated', async () => {
    const deps = fakeDeps(
      {
        [ID]: withVerdict({
          order: order(ID),
          dispute: null,
          timeline: timeline({
            phase: 'no-problem',
            deadlines: [deadline('dispute-opens', 15 * DAY, 'rule'), deadline('protection-ends', 30 * DAY, 'rule')],
          }),
        }),
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

  it('says so when it knows nothing about the order, and when AliExpress’s button is missing from its card', async () => {
    const unknown = await openPanel();
    expect(unknown.q('.rr-when')!.textContent).toMatch(/^Not known yet whether a dispute can be opened/);
    expect(unknown.q('[data-when="unknown"] a')!.getAttribute('href')).toBe(
      `https://www.aliexpress.com/p/order/detail.html?orderId=${ID}`,
    );
    expect(unknown.all('.rr-go button')).toHaveLength(0);
    stop?.();

    const facts = withVerdict({
      order: order(ID),
      dispute: null,
      timeline: timeline({ phase: 'can-open-dispute', deadlines: [deadline('dispute-opens', -DAY, 'page')] }),
    });
    const { q, panel } = await openPanel(fakeDeps({ [ID]: facts }, null, NOW));
    // Only this card loses its button: the other order's stays, and must not be chosen instead.
    document.querySelector(`[data-testid="refund-${ID}"]`)!.remove();
    [...panel.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Take me there')!.click();
    await settle();
    expect(q('.rr-go [role="status"]')!.textContent).toMatch(/not on this page/);
    expect(document.querySelector('[data-refund-radar-highlight]')).toBeNull();
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
