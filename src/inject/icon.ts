import { el } from './dom.ts';

/**
 * The extension's own mark, so shoppers can tell our controls from AliExpress's: assets/icon.svg
 * (a radar sweep over a coin) drawn by our stylesheet's gradients (`.rr-icon`, ours.css) rather
 * than as SVG. The first SVG element in a page cost its load ~1.3 ms, and gradients fetch nothing
 * a page's content security policy could block. Decorative: the control's name says whose it is.
 */
export function ourIcon(): HTMLElement {
  return el('span', { class: 'rr-icon', 'aria-hidden': 'true' });
}
