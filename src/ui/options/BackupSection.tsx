import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n/core.ts';
import type { OptionsApi } from './api.ts';
import { MAX_BACKUP_CHARS } from '../../backup/limits.ts';

const REFUSALS: Record<string, MessageKey> = {
  'too-large': 'backupTooLarge',
  truncated: 'backupTruncated',
  corrupt: 'backupCorrupt',
  foreign: 'optionsImportNotJson',
  'newer-version': 'backupNewerVersion',
  invalid: 'backupInvalid',
};

function importStatus(answer: Awaited<ReturnType<OptionsApi['importBackup']>>): { ok: boolean; text: string } {
  if (!answer.imported)
    return { ok: false, text: t('optionsImportFailed', t(REFUSALS[answer.reason ?? ''] ?? 'optionsImportNotJson')) };
  // Imported, but settings the form would refuse (or no reminders at all) were not taken.
  return answer.message
    ? { ok: true, text: t('optionsImportedSettingsKept', answer.message) }
    : { ok: true, text: t('optionsImported') };
}

/** Export the store to a file, or import one; the background checks the file and refuses it whole. */
export function BackupSection({ api }: { api: OptionsApi }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const onExport = async () => {
    try {
      const { fileName, text } = await api.exportBackup();
      api.download(fileName, text);
      setStatus({ ok: true, text: t('optionsExported', fileName) });
    } catch (e) {
      setStatus({ ok: false, text: t('optionsFailed', e instanceof Error ? e.message : String(e)) });
    }
  };

  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      // Checked before reading: a file of gigabytes would stall the page long before any answer.
      if (file.size > MAX_BACKUP_CHARS) {
        setStatus({ ok: false, text: t('optionsImportFailed', t('backupTooLarge')) });
        return;
      }
      const answer = await api.importBackup(await file.text());
      setStatus(importStatus(answer));
    } catch (e) {
      setStatus({ ok: false, text: t('optionsImportFailed', e instanceof Error ? e.message : String(e)) });
    } finally {
      input.value = '';
    }
  };

  return (
    <section class="rr-section" aria-labelledby="rr-backup-title">
      <h2 id="rr-backup-title">{t('optionsBackup')}</h2>
      <p class="rr-help">{t('optionsBackupHelp')}</p>
      <div class="rr-row">
        <button type="button" onClick={() => void onExport()}>
          {t('optionsExport')}
        </button>
        <label class="rr-file">
          {t('optionsImportLabel')}
          <input type="file" accept=".json,application/json" onChange={(e) => void onImport(e.currentTarget)} />
        </label>
      </div>
      <p role="status" class={status?.ok === false ? 'rr-error' : 'rr-ok'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
