import svg from '../../assets/icon.svg?raw';

let icon: Element | null = null;

/**
 * The extension's own icon, so shoppers can tell our controls from AliExpress's. Inline SVG
 * rather than an image URL: a page's content security policy cannot block it and nothing is
 * fetched. Parsed once from our own asset (never from page text), then copied per use.
 */
export function ourIcon(): Element {
  if (!icon) {
    icon = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
    // Its comment and indentation would read as text inside our buttons.
    for (const node of [...icon.childNodes]) if (node.nodeType !== Node.ELEMENT_NODE) node.remove();
  }
  const copy = document.importNode(icon, true);
  copy.setAttribute('class', 'rr-icon');
  copy.setAttribute('aria-hidden', 'true');
  copy.setAttribute('focusable', 'false');
  return copy;
}
