import { setLanguage } from '../i18n/core.ts';
import { detectPage } from '../aliexpress/detect.ts';
import type { ReasonId } from '../ui/steps.ts';
import type { HelperDeps, OrderFacts, PageReadings } from './data.ts';
import { barTab, disputeBar, pageDispute } from './dispute-bar.ts';
import { nextFocusable } from './focus.ts';
import { helperPanel } from './helper-panel.ts';
import { highlight } from './highlight.ts';
import { viewportNear, type NearWatch } from './near.ts';
import type { PageChanges } from './page-changes.ts';
import { createShadowUi, type ShadowUi } from './shadow.ts';
import type { PageStyles } from '../platform/page-styles.ts';
import { startButton } from './start-button.ts';
import { trackForm } from './track-form.ts';
import { entryInitial } from './track-initial.ts';
import { orderDetailUrl } from '../timeline/urls.ts';
import {
  BUTTON_ROWS,
  disputeBarAnchor,
  findEscalateButton,
  findRefundButton,
  MARK,
  orderIdOf,
  panelAnchor,
  refundScopes,
} from './targets.ts';
import type { PanelMemory } from './helper-panel.ts';
import type { PageReports } from './report.ts';
import type { PageTexts } from '../i18n/page-texts.ts';

/** The part of WXT's ContentScriptContext the helper uses; a reload or disable invalidates it. */
export interface HelperContext {
  onInvalidated(cb: () => void): () => void;
  readonly isInvalid: boolean;
}

export interface MountOptions {
  deps: HelperDeps;
  /** This page's readings, which the dispute bar follows. */
  readings?: PageReadings;
  /** "Save a report of this page" in the bar when the page's reading has problems (issue 16). */
  reports?: PageReports;
  /** Takes the texts the helper shows before anything is drawn. */
  useTexts?: (texts: PageTexts) => void;
  href?: () => string;
  /** The content script's one MutationObserver, which the reader follows too (page-changes.ts). */
  changes: PageChanges;
  /** Which button rows are near the viewport; the browser's IntersectionObserver unless a test stands in. */
  near?: NearWatch;
}

type DisputeIds = { lineId: string | null; disputeId: string | null };

/**
 * What the bar shows: this page's reading over the stored record, field by field, so a page the
 * readers found only the ids on still shows what the shopper entered (and which fields those are).
 */
function shownDispute(page: ReturnType<typeof pageDispute>, stored: OrderFacts['dispute']) {
  if (!page || !stored) return page ?? stored;
  const known = page.status !== 'unknown';
  return {
    status: known ? page.status : stored.status,
    awaiting: page.awaiting ?? (known ? null : stored.awaiting),
    deadline: page.deadline ?? stored.deadline,
    entered: stored.entered?.filter((f) => (f === 'deadline' ? !page.deadline : !known && !page.awaiting)),
  };
}

/** How long the bar says "Reading..." for a page its readers find no dispute on, before it shows what the store has. */
const READING_GRACE_MS = 4000;

/**
 * Adds the Start refund button to each order's button row as it comes near the viewport (now and
 * as AliExpress adds cards), the helper panel, and the dispute bar on case pages. Everything it adds is removed, and every
 * observer disconnected, when the context is invalidated.
 */
export function attachHelpers(ctx: HelperContext, options: MountOptions): () => void {
  const { deps } = options;
  const href = options.href ?? (() => location.href);
  const cleanups: Array<() => void> = [];
  const starts = new Map<Element, { ui: ShadowUi; orderId: string; button: HTMLButtonElement }>();
  let panel: { ui: ShadowUi; orderId: string; row: Element } | null = null;
  let bar: { ui: ShadowUi; key: string; stop: () => void } | null = null;
  let unhighlight: (() => void) | null = null;
  let stopped = false;
  /** Each order's chosen reason and edited message, for the page's life. */
  const memories = new Map<string, PanelMemory>();
  /** The row whose panel was opened last: Escape on its highlight returns there after the panel closed. */
  let lastRow: Element | null = null;
  /** The styles come with the texts, before anything is drawn; none if they never came. */
  let styles: PageStyles = { start: '', helper: '' };

  const point = (el: HTMLElement | null, scroll = true): boolean => {
    unhighlight?.();
    unhighlight = el ? highlight(el, { scroll }) : null;
    if (unhighlight) listenForEscape(true);
    return el !== null;
  };

  const setExpanded = (row: Element, expanded: boolean) =>
    starts.get(row)?.button.setAttribute('aria-expanded', String(expanded));

  const closePanel = () => {
    if (!panel) return;
    const row = panel.row;
    panel.ui.remove();
    panel = null;
    setExpanded(row, false);
    if (!unhighlight) listenForEscape(false);
    // Focus goes back to the button that opened the panel.
    starts.get(row)?.button.focus();
  };

  /**
   * Escape closes the panel and the highlight from anywhere, AliExpress's highlighted button
   * included (its keys never reach the panel). Listening on the document only while one is shown.
   */
  const onEscape = (event: KeyboardEvent) => {
    if (!event.isTrusted || event.key !== 'Escape' || (!panel && !unhighlight)) return;
    unhighlight?.();
    unhighlight = null;
    if (panel) closePanel();
    else if (lastRow) starts.get(lastRow)?.button.focus();
    listenForEscape(false);
  };
  const listenForEscape = (on: boolean) =>
    on ? document.addEventListener('keydown', onEscape, true) : document.removeEventListener('keydown', onEscape, true);

  const openPanel = async (row: Element) => {
    const entry = starts.get(row);
    if (!entry) return;
    closePanel();
    const ui = createShadowUi('div', 'panel', styles.start + styles.helper);
    ui.host.style.margin = '8px 0';
    panelAnchor(row).after(ui.host);
    panel = { ui, orderId: entry.orderId, row };
    lastRow = row;
    setExpanded(row, true);
    listenForEscape(true);
    let memory = memories.get(entry.orderId);
    if (!memory) memories.set(entry.orderId, (memory = { reason: null, draft: null }));
    const view = helperPanel({
      orderId: entry.orderId,
      now: deps.now(),
      memory,
      onClose: closePanel,
      // Only this order's own card (or, on its page, its items): never another order's button.
      onTakeMeThere: () => point(findRefundButton(refundScopes(row, document))),
      onWent: (reason: ReasonId | null) => deps.wentToDispute(entry.orderId, reason),
      copy: deps.copy,
      detailsUrl: detectPage(href()) === 'order-detail' ? null : orderDetailUrl(entry.orderId),
    });
    ui.show(view.root);
    view.focus();
    const facts = await deps.order(entry.orderId).catch(() => null);
    if (panel?.ui === ui) view.setFacts(facts);
  };

  /** Rows handed to the near watcher: each is looked at once, when it comes near the viewport. */
  const watched = new WeakSet<Element>();
  const onOrderPage = () => {
    const kind = detectPage(href());
    return kind === 'order-list' || kind === 'order-detail';
  };

  const scanRows = () => {
    if (stopped || !onOrderPage()) return;
    for (const row of document.querySelectorAll(BUTTON_ROWS.join(','))) {
      if (watched.has(row)) continue;
      watched.add(row);
      near.watch(row);
    }
  };

  /** Rows that came near: their order ids are read and the background asked about them, in one question. */
  const onNear = (rows: Element[]) => {
    if (stopped || !onOrderPage()) return;
    const added = new Map<Element, string>();
    for (const row of rows) {
      near.forget(row);
      if (!row.isConnected || row.hasAttribute(MARK)) continue;
      const orderId = orderIdOf(row, href());
      // A card without its link yet: looked at again after the page adds more.
      if (!orderId) {
        watched.delete(row);
        continue;
      }
      row.setAttribute(MARK, '');
      added.set(row, orderId);
    }
    if (added.size) void offerStarts(added);
  };
  const near = (options.near ?? viewportNear)(onNear);

  /** Start refund only where a refund can be asked for (or, in dispute, to lead there): the background knows. */
  const offerStarts = async (rows: Map<Element, string>) => {
    const offers = await deps.offers([...new Set(rows.values())]).catch(() => null);
    if (stopped) return;
    // Unanswered (the background was asleep or reloading): the next scan watches them again.
    if (!offers)
      return rows.forEach((_, row) => {
        row.removeAttribute(MARK);
        watched.delete(row);
      });
    for (const [row, orderId] of rows) {
      if (!row.isConnected || starts.has(row) || (offers[orderId] ?? 'none') === 'none') continue;
      const ui = createShadowUi('span', 'start', styles.start);
      const button = startButton(orderId, () => void openPanel(row));
      ui.show(button);
      row.append(ui.host);
      starts.set(row, { ui, orderId, button });
    }
  };

  const removeBar = () => {
    bar?.stop();
    bar?.ui.remove();
    bar = null;
  };

  /**
   * The bar says what this page's own reading says (who must act, its countdown) over older
   * records, and the store's timeline beside it; "Reading..." until the page is read, so it never
   * says "cannot tell" before it could know. It follows the page's readings rather than polling.
   */
  const showBar = (ids: DisputeIds, key: string) => {
    const ui = createShadowUi('div', 'dispute-bar', styles.start + styles.helper);
    const { parent, before } = disputeBarAnchor(document);
    parent.insertBefore(ui.host, before);
    let stored: OrderFacts | null = null;
    let page: ReturnType<typeof pageDispute> = null;
    let reading = true;
    let asked = 0;
    let form: ReturnType<typeof trackForm> | null = null;
    const closeForm = () => {
      form?.root.remove();
      form = null;
      view.focus();
    };
    const openForm = () => {
      if (form) return form.focus();
      const now = new Date(deps.now());
      form = trackForm({
        initial: entryInitial(stored, page, new URL(href()), now),
        now,
        onSave: async (values) => {
          const answer = await deps.enterDispute(values, ids).catch(() => null);
          if (!answer) return { awaiting: 'failed' };
          if (!answer.saved) return answer.errors;
          closeForm();
          await ask();
          return {};
        },
        onCancel: closeForm,
      });
      view.root.after(form.root);
      form.focus();
    };
    const view = disputeBar({
      onTrack: openForm,
      onShowEscalate: () => point(findEscalateButton(document)),
      onHide: () => {
        ui.show(tab);
        // Focus goes on to the page's next control, as if the bar had never been there.
        (nextFocusable(ui.host) ?? tab).focus();
      },
    });
    const report = options.reports?.button();
    if (report) view.root.append(report.el);
    const tab = barTab(() => {
      ui.show(view.root);
      view.focus();
    });
    const update = () =>
      view.update({
        dispute: shownDispute(page, stored?.dispute ?? null),
        timeline: stored?.timeline ?? null,
        reading: reading && !page,
        escalateShown: findEscalateButton(document) !== null,
        now: deps.now(),
      });
    const ask = async () => {
      const mine = ++asked;
      const facts = await deps.dispute(ids).catch(() => null);
      if (mine !== asked || bar?.ui !== ui) return;
      stored = facts;
      update();
    };
    const unwatch = options.readings?.watch((snapshot, news) => {
      const found = pageDispute(snapshot, ids);
      const changed = found !== null && JSON.stringify(found) !== JSON.stringify(page);
      if (found) page = found;
      // The store is asked again only when this page brought it something: its timeline may have moved.
      if (news || changed) void ask();
      else update();
    });
    // A page that is never read (a layout the readers do not know) shows what the store has.
    const timer = setTimeout(() => {
      reading = false;
      update();
    }, READING_GRACE_MS);
    ui.show(view.root);
    update();
    void ask();
    return {
      ui,
      key,
      stop: () => {
        clearTimeout(timer);
        unwatch?.();
        report?.stop();
      },
    };
  };

  const drawBar = () => {
    if (stopped) return;
    if (detectPage(href()) !== 'dispute-detail') return removeBar();
    const url = new URL(href());
    const ids = {
      lineId: url.searchParams.get('tradeOrderLineId'),
      disputeId: url.searchParams.get('reverseOrderLineId'),
    };
    const key = `${ids.lineId}:${ids.disputeId}`;
    if (bar?.key === key) return;
    removeBar();
    bar = showBar(ids, key);
  };

  // One scan for the cards a render added, in a task of its own: the observer is told inside the
  // page's own task, which rendering a long list already makes long, and AliExpress adds a page
  // of cards in many small steps.
  let scheduled = false;
  const onAdded = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      scanRows();
    }, 0);
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    near.stop();
    closePanel();
    for (const { ui } of starts.values()) ui.remove();
    starts.clear();
    // Rows still waiting for the background's answer are marked too.
    for (const row of document.querySelectorAll(`[${MARK}]`)) row.removeAttribute(MARK);
    removeBar();
    unhighlight?.();
    listenForEscape(false);
    for (const c of cleanups) c();
  };

  const onLocation = () => {
    closePanel();
    scanRows();
    drawBar();
  };

  const start = async () => {
    try {
      const page = await deps.texts();
      options.useTexts?.(page);
      styles = page.styles;
    } catch (error) {
      // Drawn all the same: the buttons then show their texts' keys, unstyled.
      console.warn('Refund Radar: the texts of this page did not come.', error);
      setLanguage('en');
    }
    if (stopped || ctx.isInvalid) return;
    cleanups.push(options.changes.onAdded(onAdded), options.changes.onMoved(onLocation));
    scanRows();
    drawBar();
  };

  cleanups.push(ctx.onInvalidated(stop));
  void start();
  return stop;
}
