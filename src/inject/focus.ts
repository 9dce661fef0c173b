import { HOST_ATTR } from './page-changes.ts';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

const after = (node: Node, other: Node) =>
  (node.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !node.contains(other);

/**
 * The page's first control after `node` that Tab would reach: enabled, shown, not ours. Where
 * focus goes when something of ours that had it goes away, rather than to the top of the page.
 */
export function nextFocusable(node: Element, page: ParentNode = document): HTMLElement | null {
  return (
    [...page.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
      (el) =>
        after(node, el) &&
        el.tabIndex >= 0 &&
        !el.matches(':disabled') &&
        el.closest(`[${HOST_ATTR}]`) === null &&
        el.getClientRects().length > 0,
    ) ?? null
  );
}
