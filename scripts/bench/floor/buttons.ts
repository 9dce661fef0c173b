/**
 * The features' floor (build.ts): the least a Start button for each order can cost. Beside the
 * floor's content script, it puts one button in the action column of each card near the viewport
 * (an IntersectionObserver, as Refund Radar does), in a shadow root with one shared stylesheet so
 * the page's styles cannot reach it. No panel, no texts but the label, no messages. Written for the
 * stand-in's markup (tests/site/render.ts).
 */
const BUTTON_CSS =
  'button{font:inherit;font-size:13px;padding:4px 12px;border:1px solid #e62e04;border-radius:14px;background:#fff;color:#e62e04;cursor:pointer}';

let sheet: CSSStyleSheet | null = null;
const watched = new WeakSet<Element>();

const near = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      near.unobserve(entry.target);
      const host = document.createElement('div');
      // The bench's sign that the buttons were drawn, the same mark as Refund Radar's Start button.
      host.dataset.refundRadarHost = 'start';
      const root = host.attachShadow({ mode: 'open' });
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(BUTTON_CSS);
      }
      root.adoptedStyleSheets = [sheet];
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Start refund';
      root.append(button);
      (entry.target.querySelector('.order-item-btns') ?? entry.target).append(host);
    }
  },
  // Refund Radar's margin (src/inject/near.ts): the same cards get a button.
  { rootMargin: '50% 0px 50% 0px' },
);

function watch(): void {
  for (const card of document.querySelectorAll('.order-item')) {
    if (watched.has(card)) continue;
    watched.add(card);
    near.observe(card);
  }
}

new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });
watch();
