import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadLanguage, setLanguage } from '../../../src/i18n/index.ts';
import { bundledPolicyFile } from '../../../src/rules/index.ts';
import type { Settings } from '../../../src/settings/schema.ts';
import type { OptionsApi } from '../../../src/ui/options/api.ts';
import { Options } from '../../../src/ui/options/Options.tsx';
import { parseLeadDays, parseOverride } from '../../../src/ui/options/validate.ts';
import { click, flush, mount, text } from './render.ts';

const file = bundledPolicyFile();
if (!file.ok) throw new Error('policy');
const policy = file.value;

const SETTINGS: Settings = {
  version: 2,
  notifyLeadDays: [3, 1],
  buyerReplyLeadHours: [48, 24, 6],
  rules: { pack: 'guide', overrides: {} },
  language: 'auto',
};

function fakeApi(overrides: Partial<OptionsApi> = {}) {
  let stored = structuredClone(SETTINGS);
  const api = {
    getSettings: vi.fn(async () => stored),
    setSettings: vi.fn(async (patch: Partial<Settings>) => {
      stored = { ...stored, ...patch } as Settings;
      return { saved: true, settings: stored, errors: [] };
    }),
    exportBackup: vi.fn(async () => ({ fileName: 'refund-radar-2026-11-26.json', text: '{"backup":1}' })),
    importBackup: vi.fn(async () => ({ imported: true, reason: null, message: null })),
    wipe: vi.fn(async () => ({ wiped: true })),
    download: vi.fn(),
    applyLanguage: vi.fn(async (setting: string) => loadLanguage(setting === 'auto' ? 'en' : setting)),
    browserLanguage: 'en-US',
    ...overrides,
  } satisfies OptionsApi;
  return api;
}

async function page(api = fakeApi()) {
  const el = mount(<Options api={api} policy={policy} />);
  await flush();
  return el;
}

const input = (el: HTMLElement, id: string) => el.querySelector<HTMLInputElement>(`#${id}`)!;
async function type(field: HTMLInputElement | HTMLSelectElement, value: string) {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
async function submit(el: HTMLElement) {
  await act(async () => {
    el.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await flush();
}

beforeEach(() => setLanguage('en'));

describe('options validation', () => {
  it('parses lead days and refuses what the settings would refuse', () => {
    expect(parseLeadDays('3, 1')).toEqual([3, 1]);
    expect(parseLeadDays('0')).toEqual([0]);
    for (const bad of ['', 'tomorrow', '31', '-1', '1.5', '3, 3', '1,2,3,4,5,6'])
      expect(parseLeadDays(bad), bad).toBeNull();
    expect(parseOverride('')).toEqual({ ok: true, days: null });
    expect(parseOverride('4,5')).toEqual({ ok: true, days: 4.5 });
    for (const bad of ['0', '366', '1.2', 'five']) expect(parseOverride(bad).ok, bad).toBe(false);
  });

  it('refuses a bad lead time with a message tied to the field, and sends nothing', async () => {
    const api = fakeApi();
    const el = await page(api);
    const lead = input(el, 'rr-lead');
    await type(lead, '3, 99');
    await submit(el);
    expect(api.setSettings).not.toHaveBeenCalled();
    expect(lead.getAttribute('aria-invalid')).toBe('true');
    const error = el.querySelector('#rr-lead-error')!;
    expect(lead.getAttribute('aria-describedby')!.split(' ')).toContain('rr-lead-error');
    expect(text(error)).toBe('Enter up to 5 different whole numbers of days from 0 to 30, separated by commas.');
  });

  it('shows defaults as placeholders, not as values typed in, and keeps them when left empty', async () => {
    const api = fakeApi();
    const el = await page(api);
    const lead = input(el, 'rr-lead');
    expect(lead.value).toBe('');
    expect(lead.placeholder).toBe('3, 1');
    expect(input(el, 'rr-override-sellerResponse').value).toBe('');
    await submit(el);
    expect(api.setSettings).toHaveBeenCalledWith(expect.objectContaining({ notifyLeadDays: [3, 1] }));
    // A choice of the shopper's own is a value.
    const chosen = await page(fakeApi({ getSettings: vi.fn(async () => ({ ...SETTINGS, notifyLeadDays: [7] })) }));
    expect(input(chosen, 'rr-lead').value).toBe('7');
  });

  it('refuses a bad override next to its rule', async () => {
    const api = fakeApi();
    const el = await page(api);
    const seller = input(el, 'rr-override-sellerResponse');
    expect(text(el.querySelector('label[for="rr-override-sellerResponse"]'))).toBe(
      'Seller must answer a dispute within (days)',
    );
    expect(seller.placeholder).toBe('5');
    await type(seller, '1.2');
    await submit(el);
    expect(api.setSettings).not.toHaveBeenCalled();
    expect(seller.getAttribute('aria-describedby')).toContain('rr-override-sellerResponse-error');
    expect(text(el.querySelector('#rr-override-sellerResponse-error'))).toMatch(/whole or half days/);
  });

  it('refuses an escalation window that would close before it opens before sending, by the rules’ own check', async () => {
    const api = fakeApi();
    const el = await page(api);
    await type(el.querySelector<HTMLSelectElement>('#rr-pack')!, 'official-legacy');
    // The older rules close escalation on day 15 of the dispute: opening it on day 20 leaves no window.
    await type(input(el, 'rr-override-escalationOpens'), '20');
    await submit(el);
    expect(api.setSettings).not.toHaveBeenCalled();
    expect(text(el.querySelector('#rr-override-escalationOpens-error'))).toBe(
      'Escalation must close after it opens: change when it opens or when it closes.',
    );
    await type(input(el, 'rr-override-escalationOpens'), '10');
    await submit(el);
    expect(api.setSettings).toHaveBeenCalledTimes(1);
  });

  it('shows the background’s refusal next to the field it names', async () => {
    const api = fakeApi({
      setSettings: vi.fn(async () => ({
        saved: false,
        settings: SETTINGS,
        errors: [
          {
            field: 'rules.overrides.escalationCloses',
            message: 'escalationCloses: escalation must close after it opens',
          },
        ],
      })),
    });
    const el = await page(api);
    await type(input(el, 'rr-override-escalationCloses'), '1');
    await submit(el);
    expect(text(el.querySelector('#rr-override-escalationCloses-error'))).toBe(
      'escalationCloses: escalation must close after it opens',
    );
    expect(input(el, 'rr-override-escalationCloses').getAttribute('aria-invalid')).toBe('true');
  });

  it('names bad reply reminder hours next to their field and saves nothing (issue 15)', async () => {
    const api = fakeApi();
    const el = await page(api);
    expect(input(el, 'rr-reply-lead').getAttribute('placeholder')).toBe('48, 24, 6');
    await type(input(el, 'rr-reply-lead'), '0, 300');
    await submit(el);
    expect(api.setSettings).not.toHaveBeenCalled();
    expect(input(el, 'rr-reply-lead').getAttribute('aria-invalid')).toBe('true');
    expect(text(el)).toContain('Enter up to 5 different whole numbers of hours from 1 to 240');
  });

  it('saves lead days, pack, overrides and language, and switches the page to the language chosen', async () => {
    const api = fakeApi();
    const el = await page(api);
    await type(input(el, 'rr-lead'), '7, 2, 0');
    await type(input(el, 'rr-reply-lead'), '6, 72');
    await type(el.querySelector<HTMLSelectElement>('#rr-pack')!, 'official-legacy');
    // The legacy pack has its own rule (automatic escalation) to override.
    await type(input(el, 'rr-override-autoEscalation'), '16');
    const language = el.querySelector<HTMLSelectElement>('#rr-language')!;
    expect([...language.options].map((o) => o.value)).toEqual(['auto', 'en', 'es', 'fr', 'de', 'pt-BR', 'ru', 'pl']);
    expect(language.options[0]!.textContent).toBe("Browser's language (English)");
    await type(language, 'es');
    await submit(el);
    expect(api.setSettings).toHaveBeenCalledWith({
      notifyLeadDays: [7, 2, 0],
      buyerReplyLeadHours: [6, 72],
      rules: { pack: 'official-legacy', overrides: { autoEscalation: 16 } },
      language: 'es',
    });
    expect(api.applyLanguage).toHaveBeenCalledWith('es');
    await act(async () => {
      await vi.mocked(api.applyLanguage).mock.results[0]!.value;
    });
    await flush();
    expect(text(el.querySelector('h1'))).toBe('Ajustes de Refund Radar');
    expect(text(el.querySelector('form [role="status"]'))).toBe('Ajustes guardados.');
  });
});

describe('backup and delete', () => {
  it('exports to a file download', async () => {
    const api = fakeApi();
    const el = await page(api);
    await click([...el.querySelectorAll('button')].find((b) => text(b) === 'Export backup'));
    await flush();
    expect(api.download).toHaveBeenCalledWith('refund-radar-2026-11-26.json', '{"backup":1}');
    expect(text(el.querySelector('[aria-labelledby="rr-backup-title"] [role="status"]'))).toBe(
      'Backup saved as refund-radar-2026-11-26.json.',
    );
  });

  it('imports a chosen file and says why one was refused', async () => {
    const api = fakeApi({
      importBackup: vi.fn(async () => ({ imported: false, reason: 'newer-version', message: 'v9' })),
    });
    const el = await page(api);
    const fileInput = el.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(text(fileInput.closest('label'))).toBe('Import a backup file');
    const file = new File(['{"format":"refund-radar-backup"}'], 'b.json', { type: 'application/json' });
    Object.defineProperty(fileInput, 'files', { value: [file], configurable: true });
    await act(async () => {
      fileInput.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(api.importBackup).toHaveBeenCalledWith('{"format":"refund-radar-backup"}');
    expect(text(el.querySelector('[aria-labelledby="rr-backup-title"] [role="status"]'))).toBe(
      'This file could not be imported: The backup comes from a newer Refund Radar; update the extension first.',
    );
  });

  async function choose(el: HTMLElement, file: File) {
    const fileInput = el.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(fileInput, 'files', { value: [file], configurable: true });
    await act(async () => {
      fileInput.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
  }

  it('refuses a file larger than any backup by its size, without reading it', async () => {
    const api = fakeApi();
    const el = await page(api);
    // Written by hand for this test: a small file that claims 40 MB and fails if read.
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: 40 * 1024 * 1024 });
    const read = vi.spyOn(file, 'text').mockRejectedValue(new Error('read whole'));
    await choose(el, file);
    expect(read).not.toHaveBeenCalled();
    expect(api.importBackup).not.toHaveBeenCalled();
    expect(text(el.querySelector('[aria-labelledby="rr-backup-title"] [role="status"]'))).toBe(
      'This file could not be imported: The file is too large to be a Refund Radar backup.',
    );
  });

  it('says so when the backup was imported but its settings were not taken', async () => {
    const api = fakeApi({
      importBackup: vi.fn(async () => ({ imported: true, reason: null, message: 'notifyLeadDays: kept' })),
    });
    const el = await page(api);
    await choose(el, new File(['{}'], 'b.json', { type: 'application/json' }));
    expect(text(el.querySelector('[aria-labelledby="rr-backup-title"] [role="status"]'))).toBe(
      'Backup imported. Some of its settings were not taken and yours stay as they were: notifyLeadDays: kept',
    );
  });

  it('deletes everything only after a second, explicit confirmation', async () => {
    const api = fakeApi();
    const el = await page(api);
    await click([...el.querySelectorAll('button')].find((b) => text(b) === 'Delete all data'));
    expect(api.wipe).not.toHaveBeenCalled();
    const dialog = el.querySelector('[role="alertdialog"]')!;
    expect(text(dialog)).toContain('Really delete everything?');
    await flush();
    expect(document.activeElement?.textContent).toBe('Cancel');
    await click([...dialog.querySelectorAll('button')].find((b) => text(b) === 'Cancel'));
    expect(el.querySelector('[role="alertdialog"]')).toBeNull();
    expect(api.wipe).not.toHaveBeenCalled();

    // Escape dismisses the question too, and gives focus back to the button that asked it.
    await click([...el.querySelectorAll('button')].find((b) => text(b) === 'Delete all data'));
    await flush();
    await act(async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await flush();
    expect(el.querySelector('[role="alertdialog"]')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Delete all data');
    expect(api.wipe).not.toHaveBeenCalled();

    await click([...el.querySelectorAll('button')].find((b) => text(b) === 'Delete all data'));
    await click([...el.querySelectorAll('button')].find((b) => text(b) === 'Yes, delete everything'));
    await flush();
    expect(api.wipe).toHaveBeenCalledTimes(1);
    expect(text(el.querySelector('[aria-labelledby="rr-wipe-title"] [role="status"]'))).toBe('All data deleted.');
  });
});
