/**
 * A host element with an open shadow root holding our styles and UI: AliExpress's CSS cannot
 * reach in and ours cannot leak out. Every host carries `data-refund-radar-host` so cleanup and
 * the page's own queries can tell it apart.
 */
export interface ShadowUi {
  host: HTMLElement;
  /** Replaces what the host shows. */
  show(...nodes: Node[]): void;
  remove(): void;
}

export function createShadowUi(tag: 'span' | 'div', name: string, css: string): ShadowUi {
  const host = document.createElement(tag);
  host.setAttribute('data-refund-radar-host', name);
  // Inline-block keeps the Start button in its row; `all: initial` stops inherited page styles.
  host.style.cssText = tag === 'span' ? 'all: initial; display: inline-block;' : 'all: initial; display: block;';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement(tag);
  mount.className = 'rr-root';
  root.append(style, mount);
  return {
    host,
    show: (...nodes) => mount.replaceChildren(...nodes),
    remove: () => host.remove(),
  };
}
