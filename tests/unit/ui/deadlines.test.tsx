import { beforeEach, describe, expect, it } from 'vitest';
import { setClock, setTimeZone } from '../../../src/i18n/format.ts';
import { loadLanguage, setLanguage } from '../../../src/i18n/index.ts';
import { DeadlineLine } from '../../../src/ui/DeadlineLine.tsx';
import { EscalationLine } from '../../../src/ui/EscalationLine.tsx';
import { DAY, deadline, HOUR, NOW } from './fixtures.ts';
import { mount, text } from './render.ts';

beforeEach(() => {
  setTimeZone('UTC');
  // The year shows only for dates outside the current one: these tests' dates are all of 2026.
  setClock(() => new Date('2026-11-26T12:00:00.000Z'));
  setLanguage('en-GB');
});

describe('DeadlineLine', () => {
  it('says how long the seller has and until when, marked as read from the page', () => {
    const d = { ...deadline('seller-response', 3 * DAY + 4 * HOUR), kind: 'seller-response' as const };
    const el = mount(<DeadlineLine deadline={d} now={NOW} />);
    expect(text(el)).toBe('Seller must respond within 3 days 4 h (by 30 Nov, 14:00) from AliExpress');
    expect(el.querySelector('[data-source]')?.getAttribute('data-source')).toBe('page');
  });

  it('marks a date estimated from the rules', () => {
    const d = { ...deadline('protection-ends', 1 * DAY + 30 * 60_000, 'rule'), kind: 'protection-ends' as const };
    const el = mount(<DeadlineLine deadline={d} now={NOW} />);
    expect(text(el)).toBe('Buyer protection ends in 1 day (by 28 Nov, 10:30) estimated');
    expect(el.querySelector('[data-source="rule"]')?.getAttribute('title')).toMatch(/rules/);
  });

  it('says when a deadline has passed instead of counting down', () => {
    const d = { ...deadline('seller-response', -2 * HOUR), kind: 'seller-response' as const };
    const el = mount(<DeadlineLine deadline={d} now={NOW} />);
    expect(text(el)).toBe("The seller's time to respond ended on 27 Nov, 08:00 from AliExpress");
    expect(el.querySelector('.rr-deadline')?.getAttribute('data-past')).toBe('true');
  });

  it('uses the language and its plural forms', async () => {
    await loadLanguage('ru');
    const d = { ...deadline('seller-response', 2 * DAY + 1 * HOUR, 'rule'), kind: 'seller-response' as const };
    const el = mount(<DeadlineLine deadline={d} now={NOW} />);
    expect(text(el)).toMatch(/^Продавец должен ответить в течение 2 дня 1 ч \(до 29 нояб\.?, 11:00\) оценка$/);
  });
});

describe('DeadlineLine: the delivery promises', () => {
  it('shows the late-delivery coupon with its amount, as read from the page', () => {
    // Generated: the coupon of the real captures ("Apply for R$5.00 coupon code if delayed by ..."), dated ahead.
    const d = {
      ...deadline('late-coupon', 3 * DAY + 4 * HOUR),
      kind: 'late-coupon' as const,
      amount: { amount: 5, currency: 'BRL' },
    };
    const el = mount(<DeadlineLine deadline={d} now={NOW} />);
    expect(text(el)).toBe(
      'Late-delivery coupon if not delivered in 3 days 4 h (by 30 Nov, 14:00) R$5.00 from AliExpress',
    );
    const past = mount(
      <DeadlineLine deadline={{ ...d, ...deadline('late-coupon', -2 * HOUR), kind: 'late-coupon' }} now={NOW} />,
    );
    expect(text(past)).toBe('Late-delivery coupon: claim it if not delivered by 27 Nov, 08:00 R$5.00 from AliExpress');
  });

  it('shows the free-return window, estimated when counted from receipt', () => {
    const d = { ...deadline('free-return-ends', 5 * DAY, 'rule'), kind: 'free-return-ends' as const };
    const el = mount(<DeadlineLine deadline={d} now={NOW} />);
    expect(text(el)).toBe('Free return for 5 days more (until 2 Dec, 10:00) estimated');
    expect(el.querySelector('.rr-amount')).toBeNull();
  });
});

describe('EscalationLine', () => {
  const window = (opensIn: number, closesIn: number) => [
    deadline('escalation-opens', opensIn, 'rule'),
    deadline('escalation-closes', closesIn, 'page'),
  ];

  it('before the window: "Escalate from <day>" with the source of that day', () => {
    const el = mount(<EscalationLine deadlines={window(15 * DAY, 18 * DAY)} now={NOW} />);
    expect(text(el)).toBe('Escalate from 12 Dec estimated');
    expect(el.querySelector('.rr-escalation')?.getAttribute('data-state')).toBe('before');
  });

  it('inside the window: "Escalate now, until <day>"', () => {
    const el = mount(<EscalationLine deadlines={window(-1 * DAY, 18 * DAY)} now={NOW} />);
    expect(text(el)).toBe('Escalate now, until 15 Dec from AliExpress');
    expect(el.querySelector('.rr-escalation')?.getAttribute('data-state')).toBe('open');
  });

  it('after the window: "Escalation window closed"', () => {
    const el = mount(<EscalationLine deadlines={window(-5 * DAY, -1 * HOUR)} now={NOW} />);
    expect(text(el)).toBe('Escalation window closed from AliExpress');
    expect(el.querySelector('.rr-escalation')?.getAttribute('data-state')).toBe('closed');
  });

  it('shows nothing without an escalation window', () => {
    const el = mount(<EscalationLine deadlines={[deadline('seller-response', DAY)]} now={NOW} />);
    expect(el.innerHTML).toBe('');
  });
});
