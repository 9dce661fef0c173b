import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import { needsShopper, trackedEntry, type TrackedProgress } from '../../../src/timeline/tracked.ts';
import { Popup, type Subscribe } from '../../../src/ui/Popup.tsx';
import { order, policy } from '../timeline/build.ts';
import { click, mount, text } from './render.ts';

beforeEach(() => {
  setTimeZone('UTC');
  setLanguage('en-GB');
});

// Written by hand for this test: one shipped order, before and after the shopper answers.
const NOW = new Date('2026-12-02T12:00:00.000Z');
const WENT = '2026-12-02T09:00:00.000Z';
const progress = (patch: Partial<TrackedProgress> = {}): TrackedProgress => ({
  wentToDisputeAt: WENT,
  submittedAt: null,
  notSubmittedAt: null,
  reason: 'not-received',
  steps: {},
  ...patch,
});
const shipped = order({ status: 'shipped', dates: { shippedAt: '2026-11-25T00:00:00.000Z' } });
const entryWith = (p: TrackedProgress | null) =>
  trackedEntry({ order: shipped, disputes: [], progress: p }, policy('guide'), NOW);

function show(p: TrackedProgress | null) {
  const e = entryWith(p);
  const subscribe: Subscribe = (next) => (next({ entries: [e], total: 1, needing: 1 }), () => undefined);
  const onAnswer = vi.fn(async () => undefined);
  const el = mount(
    <Popup
      subscribe={subscribe}
      open={vi.fn()}
      openOptions={vi.fn()}
      onTick={vi.fn()}
      onAnswer={onAnswer}
      clock={() => NOW.getTime()}
    />,
  );
  return { el, e, onAnswer };
}

describe('after "Take me there": a question, not a dispute', () => {
  it('shows no dispute deadline and asks whether the shopper submitted it', async () => {
    const { el, e, onAnswer } = show(progress());
    expect(needsShopper(e)).toBe(true);
    expect(e.timeline.deadlines.map((d) => d.kind)).not.toContain('seller-response');
    expect(e.timeline.phase).not.toBe('waiting-for-seller');
    expect(el.querySelector('[data-kind="seller-response"]')).toBeNull();
    expect(text(el.querySelector('.rr-ask p'))).toBe('You went to open a dispute on 2 Dec: did you submit it?');
    const [yes, no] = [...el.querySelectorAll('.rr-ask button')];
    expect(text(yes)).toBe('Yes, I submitted it');
    await click(no);
    expect(onAnswer).toHaveBeenCalledWith(shipped.orderId, false);
    await click(yes);
    expect(onAnswer).toHaveBeenCalledWith(shipped.orderId, true);
  });

  it('after "Yes": the seller’s time counts from the shopper’s word, marked "you entered this"', () => {
    const { el } = show(progress({ submittedAt: WENT }));
    expect(el.querySelector('.rr-ask')).toBeNull();
    const seller = el.querySelector('[data-kind="seller-response"]')!;
    expect(text(seller)).toMatch(/^Seller must respond within 4 days 21 h .* you entered this$/);
    expect(seller.querySelector('[data-source="shopper"]')).not.toBeNull();
  });

  it('after "No": no question and nothing else, until the shopper goes to the form again', () => {
    const answered = entryWith(progress({ notSubmittedAt: '2026-12-02T10:00:00.000Z' }));
    expect(needsShopper(answered)).toBe(false);
    const again = entryWith(progress({ notSubmittedAt: '2026-12-01T10:00:00.000Z' }));
    expect(needsShopper(again)).toBe(true);
  });

  it('a dispute read from a page ends the question', () => {
    const read = trackedEntry(
      { order: { ...shipped, status: 'in-dispute' }, disputes: [], progress: progress() },
      policy('guide'),
      NOW,
    );
    const { el } = (() => {
      const subscribe: Subscribe = (next) => (next({ entries: [read], total: 1, needing: 1 }), () => undefined);
      return { el: mount(<Popup subscribe={subscribe} open={vi.fn()} openOptions={vi.fn()} onTick={vi.fn()} />) };
    })();
    expect(el.querySelector('.rr-ask')).toBeNull();
  });
});
