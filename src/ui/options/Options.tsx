import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/core.ts';
import type { PolicyFile } from '../../rules/policy.ts';
import type { Settings } from '../../settings/schema.ts';
import type { OptionsApi } from './api.ts';
import { CalendarButton } from '../CalendarButton.tsx';
import { BackupSection } from './BackupSection.tsx';
import { PackComparison } from './PackComparison.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { WipeSection } from './WipeSection.tsx';

/** The options page: settings, backup, and deleting everything. */
export function Options({ api, policy }: { api: OptionsApi; policy: PolicyFile }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Remounting the form after a save or wipe shows what is stored now, in the language now chosen.
  const [generation, setGeneration] = useState(0);

  const reload = () =>
    api.getSettings().then(
      (s) => {
        setSettings(s);
        setGeneration((g) => g + 1);
      },
      (e: unknown) => setError(t('optionsLoadFailed', e instanceof Error ? e.message : String(e))),
    );
  useEffect(() => void reload(), [api]);

  return (
    <main class="rr-options">
      <h1>{t('optionsTitle')}</h1>
      <p class="rr-help">{t('optionsPrivacy')}</p>
      {error && (
        <p role="alert" class="rr-error">
          {error}
        </p>
      )}
      {settings && <SettingsForm key={generation} api={api} initial={settings} policy={policy} onSaved={setSettings} />}
      <PackComparison policy={policy} />
      {api.calendar && (
        <section class="rr-section" aria-labelledby="rr-calendar-title">
          <h2 id="rr-calendar-title">{t('calendarTitle')}</h2>
          <p class="rr-help">{t('calendarHelp')}</p>
          <CalendarButton api={api.calendar} />
        </section>
      )}
      <BackupSection api={api} />
      <WipeSection api={api} onWiped={() => void reload()} />
    </main>
  );
}
