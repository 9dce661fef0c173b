import { browser } from 'wxt/browser';

/** The browser side of alerts, behind one interface so the runner can be driven by fakeBrowser. */
export interface AlertEffects {
  alarms(): Promise<Array<{ name: string; scheduledTime: number }>>;
  createAlarm(name: string, when: number): Promise<void>;
  clearAlarm(name: string): Promise<void>;
  /** `buttons` (at most 2) only where `buttons()` is true. */
  notify(id: string, title: string, message: string, buttons?: readonly string[]): Promise<void>;
  /** Whether notifications show buttons (Chrome); Firefox has no `notifications.onButtonClicked`. */
  buttons(): boolean;
  clearNotification(id: string): Promise<void>;
  setBadge(count: number): Promise<void>;
  openTab(url: string): Promise<void>;
  /** Opens the popup, or the popup page in a tab where the browser cannot open it from here. */
  openPopup(): Promise<void>;
  /** The extension's own origin, e.g. "chrome-extension://<id>/". */
  extensionOrigin(): string;
  uiLanguage(): string;
}

export function browserAlertEffects(): AlertEffects {
  return {
    alarms: async () => (await browser.alarms.getAll()).map((a) => ({ name: a.name, scheduledTime: a.scheduledTime })),
    createAlarm: async (name, when) => {
      await browser.alarms.create(name, { when });
    },
    clearAlarm: async (name) => {
      await browser.alarms.clear(name);
    },
    notify: async (id, title, message, buttons) => {
      await browser.notifications.create(id, {
        type: 'basic',
        // Icons are generated at build time, so WXT's typed public paths do not list them.
        iconUrl: `${browser.runtime.getURL('/')}icon/128.png`,
        title,
        message,
        // Firefox refuses the whole notification when it has `buttons`: only where they are supported.
        ...(buttons?.length && { buttons: buttons.map((b) => ({ title: b })) }),
      });
    },
    // Firefox declares notifications.onButtonClicked but refuses a notification with buttons, so the
    // build says which browser this is; elsewhere, buttons where the event exists.
    buttons: () => !import.meta.env.FIREFOX && typeof browser.notifications.onButtonClicked?.addListener === 'function',
    clearNotification: async (id) => {
      await browser.notifications.clear(id);
    },
    setBadge: async (count) => {
      await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
      if (count > 0) await browser.action.setBadgeBackgroundColor({ color: '#c62828' });
    },
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
    openPopup: async () => {
      // action.openPopup: Chrome 127+ and Firefox; it can refuse (no focused window, no gesture).
      const action = browser.action as { openPopup?: () => Promise<void> };
      try {
        if (action.openPopup) return await action.openPopup();
      } catch {
        // The page in a tab below does the same.
      }
      await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    },
    extensionOrigin: () => browser.runtime.getURL('/'),
    uiLanguage: () => {
      // Test doubles and some embedders lack i18n; English beats failing to notify.
      try {
        return browser.i18n.getUILanguage() || 'en';
      } catch {
        return 'en';
      }
    },
  };
}
