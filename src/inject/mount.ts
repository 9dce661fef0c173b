import helperCss from '../../assets/styles/helper.css?inline';
import startCss from '../../assets/styles/start.css?inline';
import { setLanguage } from '../i18n/core.ts';
import { detectPage } from '../aliexpress/detect.ts';
import type { ReasonId } from '../ui/steps.ts';
import type { HelperDeps, OrderFacts, PageReadings } from './data.ts';
import { barTab, disputeBar, pageDispute } from './dispute-bar.ts';
import { nextFocusable } from './focus.ts';
import { helperPanel } from './helper-panel.ts';
import { highlight } from './highlight.ts';
import { createShadowUi, type ShadowUi } from './shadow.ts';
import { startButton } from './start-button.ts';
import {
  BUTTON_ROWS,
  CARD,
  disputeBarAnchor,
  findEscalateButton,
  findRefundButton,
  MARK,
  orderIdOf,
} from './targets.ts';

/** The part of WXT's ContentScriptContext the helper uses; a reload or disable invalidates it. */
export interface HelperContext {
  onInvalidated(cb: () => void): () => void;
  readonly isInvalid: boolean;
}

export interface MountOptions {
  deps: HelperDeps;
  /** This page's readings, which the dispute bar follows. */
  readings?: PageReadings;
  /** Applies the interface language before anything is drawn. */
  prepareLanguage?: (setting: string) => Promise<void> | void;
  href?: () => string;
}

type DisputeIds = { lineId: string | null; disputeId: string | null };

/** How long the bar says "Reading..." for a page its readers find no dispute on, before it shows what the store has. */
const READING_GRACE_MS = 4000;

/**
 * Adds the Start refund button to every order's button row (now and as AliExpress adds cards),
 * the helper panel, and the dispute bar on case pages. Everything it adds is removed, and every
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

  const point = (el: HTMLElement | null, scroll = true): boolean => {
    unhighlight?.();
    unhighlight = el ? highlight(el, { scroll }) : null;
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
    // Focus goes back to the button that opened the panel.
    starts.get(row)?.button.focus();
  };

  const openPanel = async (row: Element) => {
    const entry = starts.get(row);
    if (!entry) return;
    closePanel();
    const ui = createShadowUi('div', 'panel', startCss + helperCss);
    ui.host.style.cssText += 'position: fixed; top: 72px; right: 16px; z-index: 2147483646;';
    document.body.append(ui.host);
    panel = { ui, orderId: entry.orderId, row };
    setExpanded(row, true);
    const view = helperPanel({
      orderId: entry.orderId,
      now: deps.now(),
      onClose: closePanel,
      onTakeMeThere: () => {
        const target = findRefundButton(row.closest(CARD) ?? document, document);
        const found = point(target);
        // The panel moves to the other side of the screen so it does not cover the button it points at.
        if (target) dock(ui.host, target);
        return found;
      },
      onStart: (reason: ReasonId) => deps.startRefund(entry.orderId, reason),
      copy: deps.copy,
    });
    ui.show(view.root);
    view.focus();
    const facts = await deps.order(entry.orderId).catch(() => null);
    if (panel?.ui === ui) view.setFacts(facts);
  };

  const dock = (host: HTMLElement, target: HTMLElement) => {
    const rect = target.getBoundingClientRect();
    const onRight = rect.left + rect.width / 2 > window.innerWidth / 2;
    host.style.left = onRight ? '16px' : '';
    host.style.right = onRight ? '' : '16px';
  };

  const scanRows = () => {
    if (stopped) return;
    const kind = detectPage(href());
    if (kind !== 'order-list' && kind !== 'order-detail') return;
    for (const row of document.querySelectorAll(BUTTON_ROWS.join(','))) {
      if (row.hasAttribute(MARK)) continue;
      const orderId = orderIdOf(row, href());
      if (!orderId) continue;
      row.setAttribute(MARK, '');
      const ui = createShadowUi('span', 'start', startCss);
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
    const ui = createShadowUi('div', 'dispute-bar', startCss + helperCss);
    const { parent, before } = disputeBarAnchor(document);
    parent.insertBefore(ui.host, before);
    let stored: OrderFacts | null = null;
    let page: ReturnType<typeof pageDispute> = null;
    let reading = true;
    let asked = 0;
    const view = disputeBar({
      onShowEscalate: () => point(findEscalateButton(document)),
      onHide: () => {
        ui.show(tab);
        // Focus goes on to the page's next control, as if the bar had never been there.
        (nextFocusable(ui.host) ?? tab).focus();
      },
    });
    const tab = barTab(() => {
      ui.show(view.root);
      view.focus();
    });
    const update = () =>
      view.update({
        dispute: page ?? stored?.dispute ?? null,
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

  // One scan per batch of mutations: AliExpress adds a page of cards in many small steps.
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    if (scheduled || stopped) return;
    if (
      records.every((r) =>
        [...r.addedNodes].every((n) => n instanceof Element && n.hasAttribute('data-refund-radar-host')),
      )
    )
      return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      scanRows();
    });
  });

  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    closePanel();
    for (const [row, { ui }] of starts) {
      ui.remove();
      row.removeAttribute(MARK);
    }
    starts.clear();
    removeBar();
    unhighlight?.();
    for (const c of cleanups) c();
  };

  const onLocation = () => {
    closePanel();
    scanRows();
    drawBar();
  };

  const start = async () => {
    try {
      await options.prepareLanguage?.(await deps.language());
    } catch {
      setLanguage('en');
    }
    if (stopped || ctx.isInvalid) return;
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('wxt:locationchange', onLocation);
    window.addEventListener('popstate', onLocation);
    cleanups.push(() => {
      window.removeEventListener('wxt:locationchange', onLocation);
      window.removeEventListener('popstate', onLocation);
    });
    scanRows();
    drawBar();
  };

  cleanups.push(ctx.onInvalidated(stop));
  void start();
  return stop;
}
