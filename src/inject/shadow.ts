/**
 * A host element with an open shadow root holding our styles and UI: AliExpress's CSS cannot
 * reach in and ours cannot leak out. Every host carries `data-refund-radar-host` so cleanup and
 * the page's own queries can tell it apart.
 */
import { HOST_ATTR } from './page-changes.ts';

export interface ShadowUi {
  host: HTMLElement;
  /** Replaces what the host shows. */
  show(...nodes: Node[]): void;
  remove(): void;
}

/**
 * One constructed stylesheet per CSS text, adopted by every root that uses it: the browser parses
 * the Start button's styles once for the page rather than once per card. Null where constructed
 * sheets cannot be adopted from a content script (a browser that refuses them across worlds):
 * those roots get a <style> of their own, as before.
 */
const sheets = new Map<string, CSSStyleSheet | null>();

function sharedSheet(css: string): CSSStyleSheet | null {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  return sheet;
}

function style(root: ShadowRoot, css: string): void {
  const sheet = sharedSheet(css);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      // Refused (Firefox's content scripts could not adopt a sheet made in their own world): a <style>.
    }
    sheets.set(css, null);
  }
  const el = document.createElement('style');
  el.textContent = css;
  root.prepend(el);
}

export function createShadowUi(tag: 'span' | 'div', name: string, css: string): ShadowUi {
  const host = document.createElement(tag);
  host.setAttribute(HOST_ATTR, name);
  // Inline-block keeps the Start button in its row; `all: initial` stops inherited page styles.
  host.style.cssText = tag === 'span' ? 'all: initial; display: inline-block;' : 'all: initial; display: block;';
  const root = host.attachShadow({ mode: 'open' });
  const mount = document.createElement(tag);
  mount.className = 'rr-root';
  root.append(mount);
  style(root, css);
  return {
    host,
    show: (...nodes) => mount.replaceChildren(...nodes),
    remove: () => host.remove(),
  };
}
