import { t, type MessageKey } from '../i18n/core.ts';
import { ENTRY_ERROR_KEYS } from '../ui/labels.ts';
import { localDay, type EntryError, type EntryField, type EntryForm } from '../timeline/entry.ts';
import { el, trusted } from './dom.ts';

const PARTY_KEYS = [
  ['seller', 'entrySeller'],
  ['buyer', 'entryMe'],
  ['aliexpress', 'entryAliexpress'],
] as const;

export interface TrackForm {
  root: HTMLFormElement;
  focus(): void;
}

/**
 * "Track this dispute yourself": who must act, the countdown as the page shows it, the day it
 * opened and the order. The background checks it (timeline/entry.ts, the check the popup's form
 * uses too) and stores nothing it refuses; a refused field says why beside itself. Only the
 * shopper's own click saves: a page script can fill the fields but not press Save.
 */
export function trackForm({
  initial,
  now,
  onSave,
  onCancel,
}: {
  initial: EntryForm;
  now: Date;
  /** Resolves to the background's refusals (none when stored). */
  onSave: (form: EntryForm) => Promise<Partial<Record<EntryField, string>>>;
  onCancel: () => void;
}): TrackForm {
  const errors = {} as Record<EntryField, HTMLElement>;
  const error = (field: EntryField) =>
    (errors[field] = el('span', { id: `rr-${field}-error`, class: 'rr-error', 'aria-live': 'polite' }));
  const input = (field: EntryField, label: MessageKey, props: Record<string, string>) => {
    const box = el('input', {
      id: `rr-${field}`,
      name: field,
      value: initial[field],
      'aria-describedby': `rr-${field}-error`,
      ...props,
    });
    return {
      box,
      row: el('p', { class: 'rr-field' }, el('label', { for: `rr-${field}` }, t(label)), ' ', box, ' ', error(field)),
    };
  };
  const radios = PARTY_KEYS.map(([value, key]) =>
    el(
      'label',
      { class: 'rr-reason' },
      el('input', { type: 'radio', name: 'awaiting', value, checked: initial.awaiting === value }),
      t(key),
    ),
  );
  const who = el(
    'fieldset',
    { class: 'rr-reasons', 'aria-describedby': 'rr-awaiting-error' },
    el('legend', {}, t('entryWho')),
    ...radios,
    error('awaiting'),
  );
  const number = { type: 'text', inputmode: 'numeric', size: '4', autocomplete: 'off' };
  const fields = {
    daysLeft: input('daysLeft', 'entryDaysLeft', number),
    hoursLeft: input('hoursLeft', 'entryHoursLeft', number),
    openedOn: input('openedOn', 'entryOpenedOn', { type: 'date', max: localDay(now) }),
    orderId: input('orderId', 'entryOrderNumber', { type: 'text', inputmode: 'numeric', autocomplete: 'off' }),
  };
  const values = (): EntryForm => ({
    awaiting: radios.map((r) => r.querySelector('input')!).find((r) => r.checked)?.value ?? '',
    daysLeft: fields.daysLeft.box.value,
    hoursLeft: fields.hoursLeft.box.value,
    openedOn: fields.openedOn.box.value,
    orderId: fields.orderId.box.value,
  });
  const show = (refused: Partial<Record<EntryField, string>>) => {
    let first: HTMLElement | null = null;
    for (const [field, span] of Object.entries(errors) as Array<[EntryField, HTMLElement]>) {
      const reason = refused[field];
      span.textContent = reason ? t(ENTRY_ERROR_KEYS[reason as EntryError] ?? 'entryErrorFailed') : '';
      const target = field === 'awaiting' ? who : fields[field].box;
      if (reason) target.setAttribute('aria-invalid', 'true');
      else target.removeAttribute('aria-invalid');
      first ??= reason ? (field === 'awaiting' ? radios[0]!.querySelector('input') : fields[field].box) : null;
    }
    first?.focus();
  };
  // Checked where it is stored (timeline/entry.ts, in the background): the page's script stays small.
  const save = async () => show(await onSave(values()));
  const root = el(
    'form',
    { class: 'rr-track', 'aria-label': t('barTrack'), novalidate: true },
    who,
    fields.daysLeft.row,
    fields.hoursLeft.row,
    fields.openedOn.row,
    fields.orderId.row,
    el('button', { type: 'submit', class: 'rr-ours', onClick: trusted(() => void save()) }, t('entrySave')),
    ' ',
    el('button', { type: 'button', class: 'rr-link', onClick: trusted(onCancel) }, t('entryCancel')),
  );
  // Saving is the Save button's trusted click (Enter in a field clicks it too); a submit event alone does nothing.
  root.addEventListener('submit', (event) => event.preventDefault());
  return { root, focus: () => radios[0]!.querySelector('input')!.focus() };
}
