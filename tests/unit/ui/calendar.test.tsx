/**
 * "Add to calendar (.ics)" in the popup and the options page, and the packs side by side, in
 * happy-dom. Inputs: hand-written deadline items and the shipped rules/policy.json.
 */
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarItem } from '../../../src/calendar/ics.ts';
import { loadLanguage, setLanguage } from '../../../src/i18n/index.ts';
import { bundledPolicyFile, PackId } from '../../../src/rules/index.ts';
import { CalendarButton, type CalendarApi } from '../../../src/ui/CalendarButton.tsx';
import { CALENDAR_FILE, downloadText, kindLabel } from '../../../src/ui/calendar.ts';
import { Popup, type PopupData } from '../../../src/ui/Popup.tsx';
import { PackComparison } from '../../../src/ui/options/PackComparison.tsx';
import { DeadlineKind } from '../../../src/model/index.ts';
import { click, flush, mount, text } from './render.ts';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const ITEMS: CalendarItem[] = [
  {
    orderId: '8212379857492017',
    disputeId: '5012345678901234',
    storeName: 'Best Store',
    url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017',
    deadlines: [
      { kind: 'seller-response', at: '2026-11-30T14:00:00.000Z', source: 'page', rule: null },
      { kind: 'protection-ends', at: '2026-12-20', source: 'rule', rule: 'buyerProtection' },
      { kind: 'dispute-opens', at: '2026-11-01', source: 'rule', rule: 'disputeOpens' },
    ],
  },
];

function fakeCalendar(items: CalendarItem[] | Error = ITEMS) {
  const saved: Array<{ fileName: string; text: string }> = [];
  const api = {
    load: vi.fn(async () => {
      if (items instanceof Error) throw items;
      return items;
    }),
    save: vi.fn((fileName: string, text: string) => void saved.push({ fileName, text })),
    now: () => NOW,
  } satisfies CalendarApi;
  return { api, saved };
}

const summaries = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v).summary)
    .sort();

beforeEach(() => setLanguage('en'));
afterEach(() => vi.restoreAllMocks());

describe('Add to calendar (.ics)', () => {
  it('saves a calendar file of the upcoming deadlines, in the interface language, and says how many', async () => {
    const { api, saved } = fakeCalendar();
    const el = mount(<CalendarButton api={api} />);
    const button = el.querySelector('button')!;
    expect(text(button)).toBe('Add to calendar (.ics)');
    await click(button);
    await flush();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.fileName).toBe(CALENDAR_FILE);
    expect(summaries(saved[0]!.text)).toEqual(['Buyer protection ends: Best Store', 'Seller must respond: Best Store']);
    expect(text(el.querySelector('[role="status"]'))).toBe('Calendar file saved. Upcoming deadlines in it: 2');

    await loadLanguage('de');
    await click(button);
    await flush();
    expect(summaries(saved[1]!.text)).toEqual([
      'Käuferschutz endet: Best Store',
      'Verkäufer muss antworten: Best Store',
    ]);
  });

  it('saves nothing and says so when no deadline is ahead', async () => {
    const { api, saved } = fakeCalendar([{ ...ITEMS[0]!, deadlines: [ITEMS[0]!.deadlines[2]!] }]);
    const el = mount(<CalendarButton api={api} />);
    await click(el.querySelector('button'));
    await flush();
    expect(saved).toEqual([]);
    expect(text(el.querySelector('[role="status"]'))).toBe('No upcoming deadlines to add.');
  });

  it('says what failed when the background does not answer', async () => {
    const { api, saved } = fakeCalendar(new Error('no background'));
    const el = mount(<CalendarButton api={api} />);
    await click(el.querySelector('button'));
    await flush();
    expect(saved).toEqual([]);
    expect(el.querySelector('[role="status"]')!.className).toBe('rr-error');
    expect(text(el.querySelector('[role="status"]'))).toBe('Could not make the calendar file: no background');
  });

  it('downloads through a Blob and an a[download], as a text/calendar file', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    downloadText(CALENDAR_FILE, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', 'text/calendar');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('refund-radar-deadlines.ics');
    expect(clicked[0]!.href).toBe('blob:test/1');
    expect(blob!.type).toBe('text/calendar');
    expect(await blob!.text()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it('is in the popup once orders are tracked', async () => {
    const { api, saved } = fakeCalendar();
    const data: PopupData = { entries: [], total: 3, needing: 0 };
    const el = mount(
      <Popup
        subscribe={(next) => (next(data), () => undefined)}
        open={() => undefined}
        openOptions={() => undefined}
        onTick={async () => undefined}
        calendar={api}
      />,
    );
    await flush();
    const button = [...el.querySelectorAll('button')].find((b) => text(b) === 'Add to calendar (.ics)');
    await click(button);
    await flush();
    expect(saved).toHaveLength(1);
    expect(summaries(saved[0]!.text)).toHaveLength(2);
  });

  it('names every kind of the model from the catalog, each differently', () => {
    const names = DeadlineKind.options.map(kindLabel);
    expect(names.slice(0, 2)).toEqual(['Seller must respond', 'Escalation opens']);
    expect(kindLabel('buyer-response')).toBe('You must respond');
    expect(kindLabel('late-coupon')).toBe('Late-delivery coupon can be claimed');
    expect(new Set(names).size).toBe(DeadlineKind.options.length);
    for (const name of names) expect(name).not.toMatch(/^kind|\$|\(/);
  });
});

describe('the packs side by side', () => {
  const file = bundledPolicyFile();
  if (!file.ok) throw new Error('policy');

  it('is a table with a column per pack and a row per rule, headed for screen readers', () => {
    const el = mount(<PackComparison policy={file.value} />);
    const table = el.querySelector('table')!;
    expect(table.getAttribute('aria-labelledby')).toBe('rr-packs-title');
    expect(text(el.querySelector('#rr-packs-title'))).toBe('The rules packs side by side');
    const heads = [...table.querySelectorAll('thead th')];
    expect(heads.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(heads.slice(1).map((th) => th.getAttribute('data-pack'))).toEqual(PackId.options);
    expect(text(heads[1])).toMatch(/^Refund guide: .* \(default\)$/);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-rule'))).toEqual([
      'sellerResponse',
      'escalationOpens',
      'escalationCloses',
      'autoEscalation',
      'buyerProtection',
      'disputeOpens',
      'refundRequestAfterReceipt',
      'returnShipBy',
    ]);
    for (const row of rows) expect(row.querySelector('th')!.getAttribute('scope')).toBe('row');
  });

  it('shows each pack its own numbers, what they count from, other values and the source', () => {
    const el = mount(<PackComparison policy={file.value} />);
    const cell = (rule: string, pack: number) =>
      text(el.querySelectorAll(`tr[data-rule="${rule}"] td`)[pack] as Element | undefined);
    // guide, official-legacy, current
    expect(cell('escalationOpens', 0)).toMatch(/^15 from the dispute's opening Source: GetHuman/);
    expect(cell('escalationOpens', 1)).toMatch(/^4 from the dispute's opening/);
    expect(cell('escalationOpens', 2)).toBe('not in this pack');
    expect(cell('autoEscalation', 0)).toBe('not in this pack');
    expect(cell('autoEscalation', 2)).toMatch(/^12 from the dispute's opening · other sources: 15 Source: viws\.ru/);
    expect(cell('disputeOpens', 2)).toMatch(/^10 from shipping · other sources: 11 /);
    expect(cell('sellerResponse', 2)).toMatch(/^5 from the dispute's opening · other sources: 4, 15 /);
    expect(el.querySelector('tr[data-rule="sellerResponse"] td .rr-source-note')!.getAttribute('lang')).toBe('en');
  });

  it('is on the options page with its texts translated', async () => {
    await loadLanguage('fr');
    const el = mount(<PackComparison policy={file.value} />);
    expect(text(el.querySelector('h2'))).toBe('Les jeux de règles côte à côte');
    expect(text(el.querySelector('tr[data-rule="disputeOpens"] td:nth-of-type(3)'))).toMatch(/^10 depuis l'expédition/);
  });
});
