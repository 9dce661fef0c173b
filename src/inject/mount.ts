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
    const ui = createShadowUi('div', 'panel', helperCss);
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
