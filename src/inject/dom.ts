/**
 * Builds the helper's elements directly: the page's script carries no rendering library (one
 * would cost about 7 KB and mount a tree per order card). Texts are always text nodes, never
 * markup, so nothing a page or a translation contains is parsed as HTML.
 */
export type Child = Node | string | null | undefined | false;

type Handler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | Handler | null | undefined>;

// Set as properties: as attributes they give only the initial state.
const PROPERTIES = new Set(['value', 'checked']);

/**
 * The page's scripts share our elements' events and can dispatch their own (a forged click on
 * "Take me there" would note a visit the shopper never made): only the shopper's own input counts.
 */
export const trustedOnly =
  (handler: Handler): Handler =>
  (event) => {
    if (event.isTrusted) handler(event);
  };

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.slice(2).toLowerCase(), trustedOnly(value));
    else if (PROPERTIES.has(name)) (node as unknown as Record<string, unknown>)[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return node;
}

/**
 * Runs `handler` only for events the browser made from the shopper's own input: a page script
 * can dispatch clicks on our controls, and must not be able to work them.
 */
export const trusted =
  (handler: (event: Event) => void): Handler =>
  (event) => {
    if (!event.isTrusted) return;
    handler(event);
  };
