import { browser } from 'wxt/browser';
import { notificationTranslator } from '../src/i18n/notifications.ts';
import { pageTextSource } from '../src/i18n/page-texts.ts';
import { createHandlers } from '../src/messages/handlers.ts';
import { route } from '../src/messages/router.ts';
import { senderPolicy, type Sender } from '../src/messages/senders.ts';
import { browserAlertEffects } from '../src/platform/alert-effects.ts';
import {
  clearAlerts,
  handleAlarm,
  handleNotificationButton,
  handleNotificationClick,
  refreshAlerts,
  snoozeAndReplan,
  type AlertDeps,
} from '../src/platform/alert-runner.ts';
import { checkRulesSetting } from '../src/settings/rules-check.ts';
import { openDb } from '../src/store/db.ts';
import { PAGE_STYLES } from '../src/platform/page-styles.ts';

// A classic service worker (no `type: 'module'`): WXT then builds it on its own into one file,
// tree-shaken for the background alone, instead of sharing chunks with the extension pages, where
// it carried their share of common modules and paid gzip's start-up per chunk (1.5 KB gzip in all).
export default defineBackground({
  main() {
    const db = openDb();
    const effects = browserAlertEffects();
    const alerts: AlertDeps = {
      db,
      effects,
      translatorFor: async (language) => notificationTranslator(language),
    };
    const replan = () =>
      refreshAlerts(alerts, new Date()).catch((error: unknown) =>
        console.error('refund-radar: planning alerts failed', error),
      );

    const handlers = createHandlers<Sender>({
      db,
      now: () => new Date(),
      checkRules: checkRulesSetting,
      version: browser.runtime.getManifest().version,
      // The extension's own file, read from the package: no network (works under connect-src 'none').
      pageTexts: pageTextSource({
        load: async (path) => {
          const file = await fetch(browser.runtime.getURL(path as '/'));
          if (!file.ok) throw new Error(`${file.status} ${file.statusText}`);
          return file.json();
        },
        uiLanguage: effects.uiLanguage,
      }),
      pageStyles: PAGE_STYLES,
      snooze: (id) => snoozeAndReplan(alerts, id, new Date()),
      changed: async (what) => {
        if (what === 'wiped') await clearAlerts(alerts);
        else await replan();
      },
    });
    const allowed = senderPolicy(browser.runtime.id, browser.runtime.getURL('/'));
    browser.runtime.onMessage.addListener((message: unknown, sender: Sender) =>
      route(message, handlers, sender, allowed),
    );

    // Listeners are registered synchronously on every start, so an event that woke the worker finds them.
    browser.alarms.onAlarm.addListener((alarm) => {
      void handleAlarm(alerts, alarm.name, new Date());
    });
    browser.notifications.onClicked.addListener((id) => {
      void handleNotificationClick(alerts, id);
    });
    // Chrome only: Firefox shows no buttons (the popup offers the snooze there).
    browser.notifications.onButtonClicked?.addListener((id, index) => {
      void handleNotificationButton(alerts, id, index, new Date());
    });
    browser.runtime.onInstalled.addListener(() => void replan());
    browser.runtime.onStartup.addListener(() => void replan());
  },
});
