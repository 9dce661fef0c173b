import { browser } from 'wxt/browser';
import { t } from '../i18n/core.ts';
import type { PageSnapshot } from '../model/index.ts';
import { request } from '../platform/request.ts';
import { skeletonOf, type ReportAnswer, type ReportAsk } from '../report/skeleton.ts';
import type { PageReadings } from './data.ts';
import { el, trusted } from './dom.ts';
import { HOST_ATTR } from './page-changes.ts';

export interface PageReports {
  /** "Save a report of this page", shown while the page's latest reading has problems. */
  button(): { el: HTMLElement; stop: () => void };
  stop(): void;
}

/**
 * "Save a report of this page" (issue 16): the page's raw skeleton goes to the background, which
 * redacts it with every language's labels (src/report/redact.ts; neither is in this script) and
 * answers the report; it is saved here as a file (Blob and <a download>, no downloads permission).
 */
async function save(snapshot: PageSnapshot): Promise<void> {
  const report = await request('pageReport', {
    ...skeletonOf(document.documentElement),
    url: snapshot.url,
    kind: snapshot.kind,
    locale: snapshot.locale,
    problems: snapshot.problems,
  });
  const a = el('a', {
    href: URL.createObjectURL(new Blob([JSON.stringify(report, null, 1)], { type: 'application/json' })),
    download: `refund-radar-report-${snapshot.kind}-${snapshot.readAt.slice(0, 10)}.json`,
    hidden: true,
    // Ours, so the reader does not take it for the page adding something to read.
    [HOST_ATTR]: 'report-link',
  });
  // Firefox saves only a link that is in the document.
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** Follows this page's readings; answers the popup (only our extension's pages reach runtime.onMessage). */
export function pageReports(readings: PageReadings): PageReports {
  let latest: PageSnapshot | null = null;
  const buttons = new Set<(s: PageSnapshot) => void>();
  const unwatch = readings.watch((snapshot) => {
    latest = snapshot;
    buttons.forEach((show) => show(snapshot));
  });
  const listener = (message: unknown, _sender: unknown, reply: (answer: ReportAnswer) => void) => {
    const name = (message as ReportAsk | null)?.name;
    if (name === 'reportAsk') reply({ problems: latest?.problems.length ?? 0 });
    else if (name === 'reportSave' && latest)
      save(latest).then(
        () => reply({ saved: true }),
        () => reply({ saved: false }),
      );
    else return false;
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return {
    button() {
      const status = el('span', { role: 'status' });
      const onClick = trusted(() => {
        status.textContent = '';
        if (latest) save(latest).catch(() => (status.textContent = t('reportFailed')));
      });
      const button = el('button', { type: 'button', class: 'rr-link', onClick }, t('reportSave'));
      const wrap = el('span', { hidden: true }, button, status);
      const show = (s: PageSnapshot) => (wrap.hidden = s.problems.length === 0);
      if (latest) show(latest);
      buttons.add(show);
      return { el: wrap, stop: () => void buttons.delete(show) };
    },
    stop() {
      unwatch();
      browser.runtime.onMessage.removeListener(listener as never);
    },
  };
}
