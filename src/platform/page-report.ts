import { browser } from 'wxt/browser';
import type { ReportAnswer, ReportAsk } from '../report/skeleton.ts';

/**
 * The popup's way to the current tab's page report (issue 16): tabs.query for the active tab and
 * tabs.sendMessage to its content script, which need no permission. A tab without our content
 * script (not AliExpress) does not answer: no problems, nothing to offer.
 */
async function ask(message: ReportAsk): Promise<ReportAnswer | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return ((await browser.tabs.sendMessage(tab.id, message).catch(() => null)) as ReportAnswer | null) ?? null;
}

export const currentTabReport = {
  /** How many problems the readers reported on the current tab's page (0 when it is not read). */
  async problems(): Promise<number> {
    const answer = await ask({ name: 'reportAsk' }).catch(() => null);
    return answer && 'problems' in answer && typeof answer.problems === 'number' ? answer.problems : 0;
  },
  /** Has the current tab save its report; whether it did. */
  async save(): Promise<boolean> {
    const answer = await ask({ name: 'reportSave' }).catch(() => null);
    return !!answer && 'saved' in answer && answer.saved === true;
  },
};
export type CurrentTabReport = typeof currentTabReport;
