import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/styles/popup.css';
import { getLanguage, matchLanguage } from '../../src/i18n/index.ts';
import {
  applyLanguageSetting,
  browserLanguage,
  cachedLanguageSetting,
  resolveLanguage,
} from '../../src/ui/language.ts';
import { downloadText } from '../../src/ui/calendar.ts';
import { onStoreChange } from '../../src/ui/live.ts';
import { within } from '../../src/ui/within.ts';
import { PAGE_SIZE } from '../../src/ui/OrderList.tsx';
import { CACHE_KEY, cacheOf, dataOf, keepSame, restore } from '../../src/ui/popup-cache.ts';
import { request as send } from '../../src/platform/request.ts';
import { currentTabReport } from '../../src/platform/page-report.ts';
import { Popup, type PopupData, type Subscribe } from '../../src/ui/Popup.tsx';
import type { OrderActions } from '../../src/ui/DisputeForm.tsx';
import type { Request } from '../../src/messages/protocol.ts';

const DB_NAME = 'refund-radar';
const uiLanguage = browserLanguage(() => browser.i18n.getUILanguage());

/** How many cards the background sends: a screen's worth, more when the shopper asks for them. */
let limit = PAGE_SIZE;
/** The language the page started in, from the copy of the setting kept in localStorage. */
let started: Promise<unknown> = Promise.resolve();
/** Set when an answer brought another language: every card must be drawn again. */
let relabelled = false;

// The background works the list out and sends only the cards shown (src/timeline/summary.ts),
// with the language setting: one answer to wait for.
async function load(): Promise<PopupData> {
  const summary = await send('dashboardSummary', { limit });
  await started;
  if (matchLanguage(resolveLanguage(summary.language, uiLanguage)) !== getLanguage()) {
    await applyLanguageSetting(summary.language, uiLanguage);
    relabelled = true;
  }
  try {
    localStorage.setItem(CACHE_KEY, cacheOf(summary));
  } catch {
    // Without storage the next opening just waits for the background.
  }
  return dataOf(summary);
}

/**
 * How long a first opening (nothing kept from the last one) waits for the background's answer
 * before it draws "Loading": an answer within it is drawn in the popup's first frame, rather than
 * after a frame of placeholder and the effects that follow its paint. A worker that must wake
 * first takes longer, and then the placeholder shows as before.
 */
const FIRST_ANSWER_MS = 150;

function cached(): PopupData | null {
  try {
    return restore(localStorage.getItem(CACHE_KEY), new Date());
  } catch {
    return null;
  }
}

let reload: () => void = () => undefined;

// The background owns the store; the popup asks it, and asks again whenever the store changes.
const subscribe =
  (first: Promise<PopupData>, initial: PopupData | null): Subscribe =>
  (next, fail) => {
    let latest = 0;
    let shown = initial;
    const show = (data: PopupData) => {
      shown = relabelled ? data : keepSame(shown, data);
      relabelled = false;
      next(shown);
    };
    const settle = (answer: Promise<PopupData>) => {
      const call = ++latest;
      answer.then(
        (data) => call === latest && show(data),
        (error: unknown) => call === latest && fail(error),
      );
    };
    reload = () => settle(load());
    settle(first);
    return onStoreChange(DB_NAME, reload);
  };

const open = (url: string) => void browser.tabs.create({ url });
const openOptions = () => void browser.runtime.openOptionsPage();
const onTick = (orderId: string, stepId: string, done: boolean) => send('stepTicked', { orderId, stepId, done });
const onAnswer = (orderId: string, submitted: boolean) => send('disputeSubmitted', { orderId, submitted });
const actions: OrderActions = {
  enter: (form) => send('disputeEntered', { form, lineId: null, disputeId: null }),
  refunded: (orderId) => send('disputeRefunded', { orderId }),
  forget: async (orderId) => (await send('orderForget', { orderId })).forgotten,
  restore: (forgotten) => send('orderRestore', forgotten as Request<'orderRestore'>),
};
const calendar = {
  load: () => send('calendarDeadlines', {}),
  save: (fileName: string, text: string) => downloadText(fileName, text, 'text/calendar'),
};
const reminders = {
  load: () => send('recentAlerts', {}),
  snooze: (id: string) => send('snoozeAlert', { id }),
};
const more = (count: number) => {
  limit = Math.max(limit, count);
  reload();
};

async function main() {
  started = applyLanguageSetting(cachedLanguageSetting(), uiLanguage);
  // Asked before drawing anything: the answer is on its way while the page draws.
  const first = load();
  first.catch(() => undefined);
  await started;
  // Last opening's first screen in the first frame; the background's answer follows and replaces it.
  const initial = cached() ?? (await within(first, FIRST_ANSWER_MS));
  render(
    <Popup
      initial={initial}
      subscribe={subscribe(first, initial)}
      more={more}
      open={open}
      openOptions={openOptions}
      onTick={onTick}
      onAnswer={onAnswer}
      actions={actions}
      pageReport={currentTabReport}
      calendar={calendar}
      reminders={reminders}
    />,
    document.getElementById('app')!,
  );
}

void main();
