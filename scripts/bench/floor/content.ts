/**
 * The floor's content script: the least a reader of My orders must do. It finds the order
 * cards, reads each card's order id and status text, and sends them to its background; nothing
 * else (no checks, no buttons, no other pages). Cards the page adds later are seen through one
 * MutationObserver. Written for the stand-in's markup (tests/site/render.ts).
 */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const seen = new WeakSet<Element>();
let sent = 0;

function scan(): void {
  const batch: Array<{ id: string; status: string }> = [];
  for (const card of document.querySelectorAll('.order-item')) {
    if (seen.has(card)) continue;
    seen.add(card);
    const id = /\d{16}/.exec(card.querySelector('.order-item-header-right-info')?.textContent ?? '')?.[0];
    const status = card.querySelector('.order-item-header-status-text')?.textContent ?? '';
    if (id) batch.push({ id, status });
  }
  if (!batch.length) return;
  sent += batch.length;
  void chrome.runtime.sendMessage(batch).catch(() => undefined);
  // The bench's sign that the floor ran on the page (as Refund Radar's is its helper on the cards).
  document.documentElement.dataset.benchFloor = String(sent);
}

new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
scan();
