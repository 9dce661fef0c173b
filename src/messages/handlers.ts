import { planItems } from '../alerts/items.ts';
import { backupFileName, exportBackup } from '../backup/export.ts';
import { importBackup } from '../backup/import.ts';
import type { RulesCheck } from '../settings/update.ts';
import { updateSettings } from '../settings/update.ts';
import type { RadarDb } from '../store/db.ts';
import { wipeAll } from '../store/dump.ts';
import { fromTheFuture } from '../store/clock.ts';
import { enterDispute, forgetOrder, markRefunded, restoreOrder } from '../store/entry.ts';
import { helperFacts, helperOffers } from '../store/facts.ts';
import { ingest } from '../store/ingest.ts';
import { answerSubmitted, tickStep, wentToDispute } from '../store/progress.ts';
import { identityOf, RECENT_MS, snoozable, snoozeRefusal } from '../alerts/snooze.ts';
import { ALERT_TEXT } from '../alerts/text.ts';
import { recentAlerts, snoozeAlert, type SnoozeResult } from '../store/alerts.ts';
import { dashboard } from '../store/queries.ts';
import { readSettings, writeSettings } from '../store/settings.ts';
import { sameValue } from '../store/merge.ts';
import { policyOf } from '../rules/overrides.ts';
import { clockOf } from '../rules/policy.ts';
import { summarize } from '../timeline/summary.ts';
import type { Handlers } from './router.ts';
import { makeReport } from '../report/redact.ts';
import { readSnapshotCards, readTapped, rulesForLang } from '../aliexpress/page-service.ts';
import { BUNDLED_LOCALE_FILES } from '../aliexpress/bundled-rules.ts';
import type { PageTexts } from '../i18n/page-texts.ts';

export interface HandlerDeps {
  db: RadarDb;
  now: () => Date;
  checkRules: RulesCheck;
  /**
   * Stored data changed: alarms and the badge are planned again. Not awaited: an answer means
   * the data is stored, and alerts follow on their own queue (a 1,000-order page need not wait).
   */
  changed: (what: 'data' | 'settings' | 'wiped') => Promise<unknown> | void;
  /** The content script's texts for the language setting ('auto' or a tag): src/i18n/page-texts.ts. */
  pageTexts: (setting: string) => Promise<PageTexts>;
  /** The helper's styles, handed with its texts (src/platform/page-styles.ts): the page's script carries none. */
  pageStyles: { start: string; helper: string };
  /** The extension's version, written into page reports. */
  version?: string;
  /**
   * "Remind me tomorrow" from the popup: the background also closes the notification and plans
   * the comeback at once (platform/alert-runner.ts). Without it, only the store is marked.
   */
  snooze?: (id: string) => Promise<SnoozeResult>;
}

/** The history's address for what the shopper entered in a form (a bar's or the popup's). */
const ENTRY_URL = 'about:refund-radar-entry';

/** The background's answer to every message; the router has validated each request already. */
export function createHandlers<Ctx>(deps: HandlerDeps): Handlers<Ctx> {
  const { db } = deps;
  const notify = (what: 'data' | 'settings' | 'wiped') => {
    void Promise.resolve(deps.changed(what)).catch(() => undefined);
  };
  return {
    pageReport: (data) => makeReport({ ...data, labels: BUNDLED_LOCALE_FILES, extension: deps.version ?? 'unknown' }),
    pageRules: ({ lang }) => rulesForLang(lang),
    pageTexts: async () => {
      // Settings that cannot be read (a broken database) still leave the page its texts, in the browser's language.
      const language = await readSettings(db).then(
        ({ language }) => language,
        () => 'auto',
      );
      return { ...(await deps.pageTexts(language)), styles: deps.pageStyles };
    },
    tappedAnswer: (answer) => readTapped(answer, deps.now()),
    snapshot: async (reading) => {
      // A reading "from tomorrow" would win every later comparison: refused whole.
      if (fromTheFuture(reading.readAt, deps.now())) return { accepted: false, changed: 0, problems: [] };
      const { snapshot, problems } = readSnapshotCards(reading);
      const { changed } = await ingest(db, snapshot);
      if (changed) notify('data');
      return { accepted: true, changed, problems };
    },
    dashboardSummary: async ({ limit }) => {
      const [tracked, { rules, language }] = await Promise.all([dashboard(db), readSettings(db)]);
      const { policy } = policyOf(rules);
      return { ...summarize(tracked, policy, deps.now(), limit), policy: clockOf(policy), language };
    },
    helperFacts: (query) => helperFacts(db, query, deps.now()),
    stepTicked: async ({ orderId, stepId, done }) => {
      await requireOrder(db, orderId);
      const changed = await tickStep(db, orderId, stepId, done, deps.now().toISOString());
      if (changed) notify('data');
      return { changed };
    },
    helperOffers: ({ orderIds }) => helperOffers(db, orderIds, deps.now()),
    wentToDispute: async ({ orderId, reason }) => {
      await requireOrder(db, orderId);
      const progress = await wentToDispute(db, orderId, reason, deps.now().toISOString());
      notify('data');
      return progress;
    },
    disputeSubmitted: async ({ orderId, submitted }) => {
      await requireOrder(db, orderId);
      const progress = await answerSubmitted(db, orderId, submitted, deps.now().toISOString());
      notify('data');
      return progress;
    },
    disputeEntered: async ({ form, lineId, disputeId }) => {
      const result = await enterDispute(db, form, { url: ENTRY_URL, lineId, disputeId }, deps.now());
      if (!result.ok) return { saved: false, errors: result.errors };
      if (result.changed) notify('data');
      return { saved: true, errors: {} };
    },
    disputeRefunded: async ({ orderId }) => {
      const { changed } = await markRefunded(db, orderId, deps.now(), ENTRY_URL);
      if (changed) notify('data');
      return { changed: changed > 0 };
    },
    orderForget: async ({ orderId }) => {
      const forgotten = await forgetOrder(db, orderId);
      if (forgotten) notify('data');
      return { forgotten };
    },
    orderRestore: async (records) => {
      await restoreOrder(db, records);
      notify('data');
      return { restored: true as const };
    },
    calendarDeadlines: async () => {
      const [tracked, { rules }] = await Promise.all([dashboard(db), readSettings(db)]);
      return planItems(tracked, policyOf(rules).policy, deps.now())
        .filter((item) => item.timeline.deadlines.length > 0)
        .map(({ order, dispute, timeline, url }) => ({
          orderId: order.orderId,
          disputeId: dispute?.disputeId ?? null,
          storeName: order.storeName,
          url,
          deadlines: timeline.deadlines,
        }));
    },
    settingsGet: () => readSettings(db),
    settingsSet: async (patch) => {
      const current = await readSettings(db);
      const { settings, errors } = updateSettings(current, patch, deps.checkRules);
      const saved = errors.length === 0;
      if (saved && !sameValue(settings, current)) {
        await writeSettings(db, settings);
        notify('settings');
      }
      return { saved, settings, errors };
    },
    backupExport: async () => {
      const now = deps.now();
      const backup = await exportBackup(db, now);
      return { fileName: backupFileName(now), text: JSON.stringify(backup, null, 1) };
    },
    backupImport: async ({ text }) => {
      const result = await importBackup(db, text, deps.now());
      if (!result.imported) return { imported: false, changed: 0, reason: result.reason, message: result.message };
      if (result.changed) notify('data');
      // Imported, with the backup's settings (or some of them) refused: the page says which were kept.
      return { imported: true, changed: result.changed, reason: null, message: result.settingsKept ?? null };
    },
    recentAlerts: async () => {
      const now = deps.now();
      return (await recentAlerts(db, now.getTime() - RECENT_MS, now.getTime())).flatMap((a) => {
        const who = identityOf(a.key.replace(/#again$/, ''));
        if (!who) return [];
        const { id, at, firedAt } = a;
        const snoozed = a.snoozedAt !== undefined;
        const canSnooze = snoozable(a, now.getTime(), (d) => Date.parse(d) + 86_399_999);
        return [
          { id, title: ALERT_TEXT[who.kind].title, orderId: who.orderId, at, firedAt, snoozable: canSnooze, snoozed },
        ];
      });
    },
    snoozeAlert: async ({ id }) => {
      if (deps.snooze) return { result: await deps.snooze(id) };
      const now = deps.now();
      const result = await snoozeAlert(db, id, now, (a) => snoozeRefusal(a, now.getTime()));
      if (result === 'snoozed') notify('data');
      return { result };
    },
    wipe: async () => {
      await wipeAll(db);
      notify('wiped');
      return { wiped: true as const };
    },
  };
}

/** Progress for an order never seen would be an orphan nothing shows. */
async function requireOrder(db: RadarDb, orderId: string): Promise<void> {
  if (!(await db.orders.get(orderId))) throw new Error(`order ${orderId} is not tracked`);
}
