import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/core.ts';
import { checkEntry, localDay, type EntryError, type EntryField, type EntryForm } from '../timeline/entry.ts';
import { ENTRY_ERROR_KEYS } from './labels.ts';

/** What the popup can do about an order by the shopper's word (all messages only extension pages may send). */
export interface OrderActions {
  /** "Add a dispute": the background checks it again and stores it as the shopper's. */
  enter: (form: EntryForm) => Promise<{ saved: boolean; errors: Partial<Record<EntryField, string>> }>;
  refunded: (orderId: string) => Promise<unknown>;
  /** "Stop tracking": resolves to what Undo puts back. */
  forget: (orderId: string) => Promise<unknown>;
  restore: (forgotten: unknown) => Promise<unknown>;
}

const PARTIES = [
  ['seller', 'entrySeller'],
  ['buyer', 'entryMe'],
  ['aliexpress', 'entryAliexpress'],
] as const;

/**
 * "Add a dispute" in the popup: the same fields, names and check (timeline/entry.ts) as the
 * dispute bar's form, checked here first and again by the background.
 */
export function DisputeForm({
  orderId,
  actions,
  now,
  onDone,
}: {
  orderId: string;
  actions: OrderActions;
  now: number;
  onDone: () => void;
}) {
  const [form, setForm] = useState<EntryForm>({
    awaiting: '',
    daysLeft: '',
    hoursLeft: '',
    openedOn: localDay(new Date(now)),
    orderId,
  });
  const [errors, setErrors] = useState<Partial<Record<EntryField, string>>>({});
  const set = (field: EntryField) => (event: Event) =>
    setForm((f) => ({ ...f, [field]: (event.currentTarget as HTMLInputElement).value }));
  const id = `rr-add-${orderId || 'new'}`;
  const error = (field: EntryField) => (
    <span id={`${id}-${field}-error`} class="rr-error">
      {errors[field] ? t(ENTRY_ERROR_KEYS[errors[field] as EntryError] ?? 'entryErrorFailed') : ''}
    </span>
  );
  const input = (field: EntryField, label: MessageKey, date = false) => {
    const common = {
      id: `${id}-${field}`,
      value: form[field],
      onInput: set(field),
      'aria-invalid': errors[field] ? ('true' as const) : undefined,
      'aria-describedby': `${id}-${field}-error`,
    };
    return (
      <p class="rr-field">
        <label for={`${id}-${field}`}>{t(label)}</label>{' '}
        {date ? <input type="date" {...common} /> : <input type="text" inputMode="numeric" {...common} />}{' '}
        {error(field)}
      </p>
    );
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const check = checkEntry(form, new Date(now));
    if (!check.ok) return setErrors(check.errors);
    const answer = await actions.enter(form).catch(() => ({ saved: false, errors: { awaiting: 'failed' } }));
    setErrors(answer.errors);
    if (answer.saved) onDone();
  };
  return (
    <form class="rr-track" aria-label={t('popupAddDispute')} onSubmit={save} noValidate>
      <fieldset
        class="rr-reasons"
        aria-describedby={`${id}-awaiting-error`}
        aria-invalid={errors.awaiting ? 'true' : undefined}
      >
        <legend>{t('entryWho')}</legend>
        {PARTIES.map(([value, key]) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-awaiting`}
              value={value}
              checked={form.awaiting === value}
              onChange={() => setForm((f) => ({ ...f, awaiting: value }))}
            />{' '}
            {t(key)}
          </label>
        ))}
        {error('awaiting')}
      </fieldset>
      {input('daysLeft', 'entryDaysLeft')}
      {input('hoursLeft', 'entryHoursLeft')}
      {input('openedOn', 'entryOpenedOn', true)}
      {input('orderId', 'entryOrderNumber')}
      <button type="submit" class="rr-primary">
        {t('entrySave')}
      </button>{' '}
      <button type="button" class="rr-link" onClick={onDone}>
        {t('entryCancel')}
      </button>
    </form>
  );
}
