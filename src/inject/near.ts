/**
 * Which of the page's elements are near what the shopper sees. A long My orders page has hundreds
 * of cards and the shopper sees a few: a Start refund button is drawn for a card only as it comes
 * near the viewport, so the page pays for the buttons on screen, not for every card it holds.
 */

export interface Near {
  /** Tells `onNear` once `el` is within the margin of the viewport (at once if it already is). */
  watch(el: Element): void;
  forget(el: Element): void;
  stop(): void;
}

/** A way of finding near elements: the browser's IntersectionObserver, or a test's stand-in. */
export type NearWatch = (onNear: (els: Element[]) => void) => Near;

/**
 * Half a screen above and below the viewport: a button is in place before a scrolling shopper
 * reaches its card, and the few cards around the screen are all that is drawn.
 */
const MARGIN = '50% 0px 50% 0px';

/** The browser computes intersections off the main thread's script: no layout is read per card here. */
export const viewportNear: NearWatch = (onNear) => {
  const observer = new IntersectionObserver(
    (entries) => {
      const near: Element[] = [];
      for (const entry of entries) if (entry.isIntersecting) near.push(entry.target);
      if (near.length) onNear(near);
    },
    { rootMargin: MARGIN },
  );
  return {
    watch: (el) => observer.observe(el),
    forget: (el) => observer.unobserve(el),
    stop: () => observer.disconnect(),
  };
};
