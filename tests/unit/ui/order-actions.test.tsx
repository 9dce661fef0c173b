import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setClock, setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import type { EntryForm } from '../../../src/timeline/entry.ts';
import type { OrderActions } from '../../../src/ui/DisputeForm.tsx';
import { Popup, UNDO_MS, type Subscribe } from '../../../src/ui/Popup.tsx';
import { dispute, entry, NOW } from './fixtures.ts';
import { click, flush, mount, text } from './render.ts';

// Hand-written popup data (tests/unit/ui/fixtures.ts) and the shopper's typing.
const ID = '8212379857492017';
beforeEach(() => {
  setTimeZone('UTC');
  setClock(() => new Date(NOW));
  setLanguage('en-GB');
});

function popup(entries = [entry(ID)]) {
  const subscribe: Subscribe = (next) => (next({ entries, total: entries.length, needing: entries.length }), () => {});
  const forgotten = { order: { orderId: ID }, disputes: [], progress: null, observations: [] };
  const actions = {
    enter: vi.fn<OrderActions['enter']>(async () => ({ saved: true, errors: {} })),
    refunded: vi.fn(async () => ({ changed: true })),
    forget: vi.fn(async () => forgotten),
    restore: vi.fn(async () => ({ restored: true })),
  };
  const el = mount(
    <Popup
      subscribe={subscribe}
      open={vi.fn()}
      openOptions={vi.fn()}
      onTick={vi.fn()}
      actions={actions}
      clock={() => NOW}
    />,
  );
  return { el, actions, forgotten };
}

const button = (el: HTMLElement, name: string) =>
  [...el.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
const byLabel = (el: HTMLElement, label: string) => {
  const l = [...el.querySelectorAll('label')].find((x) => x.textContent === label)!;
  return el.querySelector<HTMLInputElement>(`#${l.htmlFor}`)!;
};
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('popup: the shopper’s own word about an order', () => {
  it('"Refund received" closes the card’s running dispute', async () => {
    const { el, actions } = popup();
    await click(button(el, `Refund received – Order ${ID}`));
    expect(actions.refunded).toHaveBeenCalledWith(ID);
  });

  it('"Stop tracking" forgets the order, and Undo within the time puts back exactly what was removed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { el, actions, forgotten } = popup();
      await click(button(el, `Stop tracking – Order ${ID}`));
      await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
      expect(actions.forget).toHaveBeenCalledWith(ID);
      expect(text(el.querySelector('[role="status"]'))).toBe(`No longer tracking order ${ID}. Undo`);
      await click(button(el, 'Undo'));
      expect(actions.restore).toHaveBeenCalledWith(forgotten);
      expect(el.querySelector('[role="status"]')).toBeNull();

      // Without Undo, the offer goes after UNDO_MS.
      await click(button(el, `Stop tracking – Order ${ID}`));
      await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
      expect(el.querySelector('[role="status"]')).not.toBeNull();
      await act(async () => void (await vi.advanceTimersByTimeAsync(UNDO_MS)));
      expect(el.querySelector('[role="status"]')).toBeNull();
      expect(actions.restore).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('"Add a dispute" for a typed order number refuses impossible values beside their fields, then saves', async () => {
    const { el, actions } = popup([entry(ID, { dispute: null })]);
    await click([...el.querySelectorAll('header button')].find((b) => b.textContent === 'Add a dispute'));
    const form = el.querySelector<HTMLFormElement>('form[aria-label="Add a dispute"]')!;
    expect(form.querySelector('legend')!.textContent).toBe('Who must act now?');
    await type(byLabel(form, 'Days left'), '-3');
    await type(byLabel(form, 'Order number'), 'letters');
    await act(async () => void form.requestSubmit());
    await flush();
    const errorOf = (input: Element) => el.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent;
    expect(errorOf(byLabel(form, 'Days left'))).toBe('Cannot be negative.');
    expect(errorOf(byLabel(form, 'Order number'))).toBe('An order number has 6 to 24 digits and nothing else.');
    expect(errorOf(form.querySelector('fieldset')!)).toBe('Choose who must act now.');
    expect(actions.enter).not.toHaveBeenCalled();

    await click(form.querySelector('input[type="radio"][value="buyer"]'));
    await type(byLabel(form, 'Days left'), '2');
    await type(byLabel(form, 'Order number'), '8212379857499999');
    await act(async () => void form.requestSubmit());
    await flush();
    expect(actions.enter).toHaveBeenCalledWith({
      awaiting: 'buyer',
      daysLeft: '2',
      hoursLeft: '',
      openedOn: '2026-11-27',
      orderId: '8212379857499999',
    } satisfies EntryForm);
    expect(el.querySelector('form[aria-label="Add a dispute"]')).toBeNull();
  });

  it('offers "Add a dispute" on a card without a running dispute, with its order filled in', async () => {
    const { el } = popup([entry(ID, { dispute: dispute(ID, { status: 'refunded' }) })]);
    expect(button(el, `Refund received – Order ${ID}`)).toBeUndefined();
    await click(button(el, `Add a dispute – Order ${ID}`));
    expect(byLabel(el.querySelector('li form')!, 'Order number').value).toBe(ID);
  });
});
