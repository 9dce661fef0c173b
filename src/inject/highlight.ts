/**
 * Points at one of AliExpress's own elements: scrolls it into view and outlines it. Inline styles
 * on the page's element (the only way to mark it from outside our shadow root), removed again by
 * the returned function, so the page is left as it was. Never clicks.
 */
const ATTR = 'data-refund-radar-highlight';

export function highlight(el: HTMLElement, options: { scroll?: boolean } = {}): () => void {
  const before = { outline: el.style.outline, outlineOffset: el.style.outlineOffset, boxShadow: el.style.boxShadow };
  el.setAttribute(ATTR, '');
  el.style.outline = '3px solid #d93025';
  el.style.outlineOffset = '3px';
  el.style.boxShadow = '0 0 0 8px rgba(217, 48, 37, 0.25)';
  if (options.scroll !== false) {
    el.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
    // Focus lets a keyboard user press the button next, without the helper pressing it.
    if (!el.hasAttribute('tabindex') && !/^(A|BUTTON)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
    el.focus?.({ preventScroll: true });
  }
  return () => {
    if (!el.hasAttribute(ATTR)) return;
    el.removeAttribute(ATTR);
    el.style.outline = before.outline;
    el.style.outlineOffset = before.outlineOffset;
    el.style.boxShadow = before.boxShadow;
  };
}
