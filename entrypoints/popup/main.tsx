import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/styles/popup.css';
import { getLanguage, matchLanguage } from '../../src/i18n/index.ts';
import { toEntries } from '../../src/ui/entries.ts';
import {
  applyLanguageSetting,
  browserLanguage,
  cachedLanguageSetting,
  resolveLanguage,
} from '../../src/ui/language.ts';
import { onStoreChange } from '../../src/ui/live.ts';
import { policyFor } from '../../src/ui/policy.ts';
import { CACHE_KEY, cacheOf, restore } from '../../src/ui/popup-cache.ts';
import { request as send } from '../../src/ui/request.ts';
import { Popup, type Subscribe } from '../../src/ui/Popup.tsx';

const DB_NAME = 'refund-radar';
const uiLanguage = browserLanguage(() => browser.i18n.getUILanguage());

async function load() {
  const [tracked, settings] = await Promise.all([send('dashboard', {}), send('settingsGet', {})]);
  if (matchLanguage(resolveLanguage(settings.language, uiLanguage)) !== getLanguage())
    await applyLanguageSetting(settings.language, uiLanguage);
  const now = new Date();
  try {
    localStorage.setItem(CACHE_KEY, cacheOf(tracked, settings.rules, now));
  } catch {
    // Without storage the next opening just waits for the background.
  }
  return { entries: toEntries(tracked, policyFor(settings.rules), now) };
}

function cached() {
  try {
    return restore(localStorage.getItem(CACHE_KEY), new Date());
  } catch {
    return null;
  }
}

// The background owns the store; the popup asks it, and asks again whenever the store changes.
const subscribe: Subscribe = (next, fail) => {
  let latest = 0;
  const reload = () => {
    const call = ++latest;
    load().then(
      (data) => call === latest && next(data),
      (error: unknown) => call === latest && fail(error),
    );
  };
  // Last opening's first screen at once; the background's answer follows and replaces it.
  const first = cached();
  if (first) next(first);
  reload();
  return onStoreChange(DB_NAME, reload);
};

const open = (url: string) => void browser.tabs.create({ url });
const openOptions = () => void browser.runtime.openOptionsPage();
const onTick = (orderId: string, stepId: string, done: boolean) => send('stepTicked', { orderId, stepId, done });

async function main() {
  await applyLanguageSetting(cachedLanguageSetting(), uiLanguage);
  render(
    <Popup subscribe={subscribe} open={open} openOptions={openOptions} onTick={onTick} />,
    document.getElementById('app')!,
  );
}

void main();
