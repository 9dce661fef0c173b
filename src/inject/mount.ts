import helperCss from '../../assets/styles/helper.css?inline';
import startCss from '../../assets/styles/start.css?inline';
import { setLanguage } from '../i18n/core.ts';
import { detectPage } from '../aliexpress/detect.ts';
import type { ReasonId } from '../ui/steps.ts';
import type { HelperDeps, OrderFacts } from './data.ts';
import { disputeBar } from './dispute-bar.ts';
import { helperPanel } from './helper-panel.ts';
import { highlight } from './highlight.ts';
import { createShadowUi, type ShadowUi } from './shadow.ts';
import { startButton } from './start-button.ts';
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

/** The part of WXT's ContentScriptContext the helper uses; a reload or disable invalidates it. */
export interface HelperContext {
  onInvalidated(cb: () => void): () => void;
  readonly isInvalid: boolean;
}

export interface MountOptions {
  deps: HelperDeps;
  /** Applies the interface language before anything is drawn. */
  prepareLanguage?: (setting: string) => Promise<void> | void;
  href?: () => string;
}

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
  let bar: ShadowUi | null = null;
  let barHidden = false;
  let unhighlight: (() => void) | null = null;
  let stopped = false;
  /** Each order's chosen reason and edited message, for the page's life. */
  const memories = new Map<string, PanelMemory>();
  /** The row whose panel was opened last: Escape on its highlight returns there after the panel closed. */
  let lastRow: Element | null = null;

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
    const ui = createShadowUi('div', 'panel', helperCss);
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

  const scanRows = () => {
    if (stopped) return;
    const kind = detectPage(href());
    if (kind !== 'order-list' && kind !== 'order-detail') return;
    const added = new Map<Element, string>();
    for (const row of document.querySelectorAll(BUTTON_ROWS.join(','))) {
      if (row.hasAttribute(MARK)) continue;
      const orderId = orderIdOf(row, href());
      if (!orderId) continue;
      row.setAttribute(MARK, '');
      added.set(row, orderId);
    }
    if (added.size) void offerStarts(added);
  };

  /** Start refund only where a refund can be asked for (or, in dispute, to lead there): the background knows. */
  const offerStarts = async (rows: Map<Element, string>) => {
    const offers = await deps.offers([...new Set(rows.values())]).catch(() => null);
    if (stopped) return;
    // Unanswered (the background was asleep or reloading): the next scan asks again.
    if (!offers) return rows.forEach((_, row) => row.removeAttribute(MARK));
    for (const [row, orderId] of rows) {
      if (!row.isConnected || starts.has(row) || (offers[orderId] ?? 'none') === 'none') continue;
      const ui = createShadowUi('span', 'start', startCss);
      const button = startButton(orderId, () => void openPanel(row));
      ui.show(button);
      row.append(ui.host);
      starts.set(row, { ui, orderId, button });
    }
  };

  const drawBar = async () => {
    if (stopped || barHidden) return;
    if (detectPage(href()) !== 'dispute-detail') {
      bar?.remove();
      bar = null;
      return;
    }
    const url = new URL(href());
    const ids = {
      lineId: url.searchParams.get('tradeOrderLineId'),
      disputeId: url.searchParams.get('reverseOrderLineId'),
    };
    if (!bar) {
      bar = createShadowUi('div', 'dispute-bar', helperCss);
      const { parent, before } = disputeBarAnchor(document);
      parent.insertBefore(bar.host, before);
    }
    const escalate = findEscalateButton(document);
    // Points at the Escalate button without scrolling: the shopper is reading the bar.
    if (escalate && !unhighlight) point(escalate, false);
    const current = bar;
    const render = (facts: OrderFacts | null) =>
      bar === current &&
      current.show(
        disputeBar({
          facts,
          now: deps.now(),
          escalateShown: escalate !== null,
          onShowEscalate: () => point(findEscalateButton(document)),
          onHide: () => {
            barHidden = true;
            bar?.remove();
            bar = null;
          },
        }),
      );
    render(null);
    // The page is read and stored while the bar appears; ask again a few times until the store has it.
    for (const wait of [0, 700, 2000, 5000]) {
      if (wait) await new Promise((r) => setTimeout(r, wait));
      if (bar !== current || stopped) return;
      const facts = await deps.dispute(ids).catch(() => null);
      render(facts);
      if (facts?.dispute) return;
    }
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
    bar?.remove();
    bar = null;
    unhighlight?.();
    listenForEscape(false);
    for (const c of cleanups) c();
  };

  const onLocation = () => {
    closePanel();
    barHidden = false;
    scanRows();
    void drawBar();
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
    await drawBar();
  };

  cleanups.push(ctx.onInvalidated(stop));
  void start();
  return stop;
}
