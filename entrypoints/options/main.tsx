import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/styles/options.css';
import { send } from '../../src/platform/messaging.ts';
import { bundledPolicyFile } from '../../src/rules/index.ts';
import { downloadText } from '../../src/ui/calendar.ts';
import { CACHE_KEY } from '../../src/ui/popup-cache.ts';
import { applyLanguageSetting, browserLanguage, cachedLanguageSetting } from '../../src/ui/language.ts';
import type { OptionsApi } from '../../src/ui/options/api.ts';
import { Options } from '../../src/ui/options/Options.tsx';

const uiLanguage = browserLanguage(() => browser.i18n.getUILanguage());

const api: OptionsApi = {
  getSettings: () => send('settingsGet', {}),
  setSettings: (patch) => send('settingsSet', patch),
  exportBackup: () => send('backupExport', {}),
  importBackup: (text) => send('backupImport', { text }),
  wipe: async () => {
    const answer = await send('wipe', { confirm: true });
    // The popup's copy of its first screen goes with the data.
    localStorage.removeItem(CACHE_KEY);
    return answer;
  },
  download(fileName, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  applyLanguage: (setting) => applyLanguageSetting(setting, uiLanguage),
  browserLanguage: uiLanguage,
  calendar: {
    load: () => send('calendarDeadlines', {}),
    save: (fileName, text) => downloadText(fileName, text, 'text/calendar'),
  },
};

async function main() {
  const app = document.getElementById('app')!;
  const stored = await send('settingsGet', {}).then(
    (s) => s.language,
    () => cachedLanguageSetting(),
  );
  await applyLanguageSetting(stored, uiLanguage);
  const policy = bundledPolicyFile();
  if (!policy.ok) throw new Error(policy.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  render(<Options api={api} policy={policy.value} />, app);
}

void main();
