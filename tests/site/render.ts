/**
 * The stand-in's pages as HTML strings. Pure: (language, orders, clock) -> HTML, so the server,
 * the fixture generator and the tests all get the same markup. Markup follows ALIEXPRESS.md:
 * `order-item-*` cards with `data-pl`, `comet-` buttons, CSS-module-hashed classes on dispute pages.
 */
import { PAGE_SIZE, type SiteAction, type SiteOrder } from './data.ts';
import { formatCountdown, formatDate, formatDateTime, formatMoney, LANG_INFO, toLocalCents } from './format.ts';
import { LABELS, type Lang } from './labels.ts';
import { SITE_CSS } from './style.ts';

export interface RenderOptions {
  lang: Lang;
  /** "Now" for the page: countdowns are the time left from it. */
  clock: Date;
  /**
   * Where links point: `aliexpress` gives protocol-relative AliExpress hosts as the real site does;
   * `relative` keeps every link on the serving host (for the CLI on localhost without host mapping).
   */
  links?: 'aliexpress' | 'relative';
  /** Live pages tick and render on the client; fixtures are the finished DOM with no scripts. */
  live?: boolean;
  /**
   * The address a saved copy came from, written as Chrome's "Save page as" does
   * (`<!-- saved from url=(0049)https://... -->`), so a saved fixture still knows its URL.
   */
  savedFrom?: string;
}

export function savedFromComment(url: string): string {
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function link(opts: RenderOptions, host: 'www' | 'trade' | 'm', path: string): string {
  return (opts.links ?? 'aliexpress') === 'relative' ? path : `//${host}.aliexpress.com${path}`;
}

const detailPath = (orderId: string) => `/p/order/detail.html?orderId=${orderId}`;
const trackingPath = (orderId: string) => `/p/tracking/index.html?tradeOrderId=${orderId}`;
const refundStartPath = (lineId: string) => `/p/reverse-pages/start.html?tradeOrderLineId=${lineId}`;
const disputePath = (lineId: string, disputeId: string) =>
  `/issue/fastissue/Detail.htm?tradeOrderLineId=${lineId}&reverseOrderLineId=${disputeId}&from=1`;

const money = (lang: Lang, usdCents: number) => formatMoney(lang, toLocalCents(lang, usdCents));

export function orderTotalLocalCents(lang: Lang, order: SiteOrder): number {
  return (
    order.lines.reduce((sum, l) => sum + toLocalCents(lang, l.unitUsdCents) * l.quantity, 0) +
    toLocalCents(lang, order.shippingUsdCents)
  );
}

function page(opts: RenderOptions, title: string, body: string, script = ''): string {
  const info = LANG_INFO[opts.lang];
  return [
    '<!DOCTYPE html>',
    ...(opts.savedFrom ? [savedFromComment(opts.savedFrom)] : []),
    `<html lang="${info.tag}" dir="ltr">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)} - AliExpress</title>`,
    `<style>${SITE_CSS}</style></head>`,
    '<body>',
    `<div id="header" class="site-header"><a class="site-logo" href="${link(opts, 'www', '/')}">AliExpress</a></div>`,
    `<div id="root">${body}</div>`,
    opts.live && script ? `<script>${script}</script>` : '',
    '</body></html>',
    '',
  ].join('\n');
}

/** The href a button carries, when the real site makes it a link rather than a script button. */
function actionHref(opts: RenderOptions, order: SiteOrder, action: SiteAction): string | null {
  switch (action) {
    case 'track':
      return link(opts, 'www', trackingPath(order.orderId));
    case 'returns-refunds':
    case 'open-dispute':
      return link(opts, 'www', refundStartPath(order.lines[0]!.lineId));
    case 'view-dispute':
      return order.dispute ? link(opts, 'trade', disputePath(order.dispute.lineId, order.dispute.disputeId)) : null;
    default:
      return null;
  }
}

function actionButton(opts: RenderOptions, order: SiteOrder, action: SiteAction, index: number): string {
  const label = esc(LABELS[opts.lang].action[action]);
  const kind = index === 0 ? 'comet-btn-primary' : 'comet-btn-borderless';
  const href = actionHref(opts, order, action);
  return href
    ? `<a class="comet-btn ${kind} order-item-btn" href="${esc(href)}" target="_blank"><span>${label}</span></a>`
    : `<button type="button" class="comet-btn ${kind} order-item-btn"><span>${label}</span></button>`;
}

export function renderOrderCard(opts: RenderOptions, order: SiteOrder): string {
  const t = LABELS[opts.lang];
  const detail = esc(link(opts, 'www', detailPath(order.orderId)));
  const lines = order.lines
    .map(
      (line) =>
        `<div class="order-item-content-body">` +
        `<a href="${detail}" target="_blank"><div class="order-item-content-img" style="background-image:linear-gradient(135deg,#fde8e1,#f5c4b4)"></div></a>` +
        `<div class="order-item-content-info">` +
        `<div class="order-item-content-info-name" data-pl="order_item_content_info_name"><a href="${detail}" target="_blank"><span title="${esc(line.title)}">${esc(line.title)}</span></a></div>` +
        `<div class="order-item-content-info-sku">${esc(line.sku)}</div>` +
        `<div class="order-item-content-info-number"><div class="es--wrap--RYjm1RT">${esc(money(opts.lang, line.unitUsdCents))}</div>` +
        `<span class="order-item-content-info-number-quantity">x${line.quantity}</span></div>` +
        `</div></div>`,
    )
    .join('');
  const expose = order.dispute
    ? `<div class="order-item-bottom-action"><div class="expose-info"><div class="expose-info-item"><span class="expose-info-item-title">${esc(t.dispute[order.dispute.status])}</span></div></div></div>`
    : '';
  return (
    `<div class="order-item">` +
    `<div class="order-item-header">` +
    `<div class="order-item-header-status" data-pl="order_item_header_status"><span class="order-item-header-status-text">${esc(t.status[order.status])}</span></div>` +
    `<div class="order-item-header-right">` +
    `<div class="order-item-header-right-info" data-pl="order_item_header_info">` +
    `<div>${esc(t.orderDate)} ${esc(formatDate(opts.lang, order.placedAt, LANG_INFO[opts.lang].listDate))}</div>` +
    `<div>${esc(t.orderId)} ${order.orderId}<span class="order-item-header-right-copy">${esc(t.copy)}</span></div>` +
    `</div>` +
    `<a class="order-item-header-right-detail" data-pl="order_item_header_detail" href="${detail}" target="_blank">${esc(t.orderDetails)}<span class="comet-icon comet-icon-arrowright"></span></a>` +
    `</div></div>` +
    `<div class="order-item-store"><span class="order-item-store-name" data-pl="order_item_store_name"><a href="${esc(link(opts, 'www', `/store/${order.store.id}`))}" target="_blank"><span>${esc(order.store.name)}</span></a></span></div>` +
    `<div class="order-item-content">${lines}` +
    `<div class="order-item-content-opt">` +
    `<div class="order-item-content-opt-price"><span class="order-item-content-opt-price-total" data-pl="order_item_content_price_total">${esc(t.total)}${esc(formatMoney(opts.lang, orderTotalLocalCents(opts.lang, order)))}</span></div>` +
    `<div class="order-item-btns-wrap"><div class="order-item-btns">${order.actions.map((a, i) => actionButton(opts, order, a, i)).join('')}</div></div>` +
    `</div></div>` +
    expose +
    `</div>`
  );
}

/**
 * Client rendering, like the real SPA: cards appear after load, "View orders" appends the next page.
 * With `mtop` set, each step first fetches that page of the order list answer, as the real page does.
 */
const ORDER_LIST_SCRIPT = `(function(){
var data=JSON.parse(document.getElementById('order-list-data').textContent);
var list=document.querySelector('.comet-checkbox-group');
var more=document.querySelector('.order-more');
var shown=0;
function render(){var end=Math.min(data.cards.length,shown+data.pageSize),html='';
for(var i=shown;i<end;i++)html+=data.cards[i];
list.insertAdjacentHTML('beforeend',html);shown=end;
if(shown>=data.cards.length&&more){more.remove();more=null;}}
function step(){if(!data.mtop)return render();
var page=Math.floor(shown/data.pageSize)+1;
return fetch(data.mtop+'?pageIndex='+page+'&pageSize='+data.pageSize+'&orders='+data.cards.length,{credentials:'include'})
.then(function(r){return r.json()}).then(render,render);}
setTimeout(step,60);
if(more)more.querySelector('button').addEventListener('click',function(){var b=this;
b.disabled=true;b.classList.add('comet-btn-loading');
setTimeout(function(){if(!more)return;Promise.resolve(step()).then(function(){b.disabled=false;b.classList.remove('comet-btn-loading');});},250);});
})();`;

export interface OrderListOptions extends RenderOptions {
  /** Cards already in the DOM (fixtures); live pages start empty and render on the client. */
  rendered?: number;
  /** Cards the client renders at first and per "View orders" click (live pages); 10 like AliExpress. */
  pageSize?: number;
  /** Path of the order list answer the live page fetches before each step, or none (the default). */
  mtop?: string;
}

export function renderOrderListHtml(opts: OrderListOptions, orders: SiteOrder[]): string {
  const t = LABELS[opts.lang];
  const cards = orders.map((o) => renderOrderCard(opts, o));
  const rendered = opts.live ? 0 : Math.min(opts.rendered ?? cards.length, cards.length);
  const moreLeft = opts.live ? cards.length > 0 : rendered < cards.length;
  const body =
    `<div class="order-wrap">` +
    `<div class="order-header"><h1 class="order-header-title">${esc(t.myOrders)}</h1></div>` +
    `<div class="order-main"><div class="order-content">` +
    `<div class="comet-checkbox-group order-list">${cards.slice(0, rendered).join('')}</div>` +
    (moreLeft
      ? `<div class="order-more"><button type="button" class="comet-btn comet-btn-large" data-pl="order_more"><span>${esc(t.viewOrders)}</span></button></div>`
      : '') +
    `</div></div></div>` +
    (opts.live
      ? `<script id="order-list-data" type="application/json">${JSON.stringify({ pageSize: opts.pageSize ?? PAGE_SIZE, mtop: opts.mtop ?? null, cards }).replace(/</g, '\\u003c')}</script>`
      : '');
  return page(opts, t.myOrders, body, ORDER_LIST_SCRIPT);
}

/** Ticks every `.rr-countdown` element down from the time left when the page was served. */
function countdownScript(opts: RenderOptions): string {
  const info = LANG_INFO[opts.lang];
  return `(function(){
var forms=${JSON.stringify(LABELS[opts.lang].days)},rules=new Intl.PluralRules(${JSON.stringify(info.tag)});
var els=[].slice.call(document.querySelectorAll('[data-countdown-ms]')),start=Date.now();
function pad(n){return n<10?'0'+n:''+n}
function tick(){els.forEach(function(el){var t=Math.max(0,Math.floor((+el.getAttribute('data-countdown-ms')-(Date.now()-start))/1000));
var d=Math.floor(t/86400);el.textContent=d+' '+(forms[rules.select(d)]||forms.other)+' '+pad(Math.floor(t%86400/3600))+':'+pad(Math.floor(t%3600/60))+':'+pad(t%60);});}
setInterval(tick,1000);
})();`;
}

function countdownSpan(opts: RenderOptions, className: string, ms: number): string {
  // Only the live page needs the starting value as data; fixtures carry nothing but the text.
  const data = opts.live ? ` data-countdown-ms="${ms}"` : '';
  return `<span class="${className}"${data}>${esc(formatCountdown(opts.lang, ms))}</span>`;
}

function reminderHtml(opts: RenderOptions, order: SiteOrder): string {
  const sentence = LABELS[opts.lang].reminder[order.status];
  const [before, after] = sentence.split('{cd}');
  if (after === undefined || order.reminderCountdownMs === null) return esc(sentence.replace('{cd}', '').trim());
  return `${esc(before!)}${countdownSpan(opts, 'order-status-countdown', order.reminderCountdownMs)}${esc(after)}`;
}

function infoRow(label: string, value: string, extra = ''): string {
  return `<div class="info-row"><span class="info-label">${esc(label)}</span><span class="info-value">${esc(value)}${extra}</span></div>`;
}

export function renderOrderDetailHtml(opts: RenderOptions, order: SiteOrder): string {
  const t = LABELS[opts.lang];
  const lang = opts.lang;
  const items = order.lines
    .map((line) => {
      let button = '';
      if (order.dispute?.lineId === line.lineId) {
        button = `<a class="comet-btn order-item-btn" href="${esc(link(opts, 'trade', disputePath(line.lineId, order.dispute.disputeId)))}">${esc(t.action['view-dispute'])}</a>`;
      } else if (['shipped', 'completed', 'in-dispute'].includes(order.status)) {
        button = `<a class="comet-btn order-item-btn" href="${esc(link(opts, 'www', refundStartPath(line.lineId)))}">${esc(t.action['returns-refunds'])}</a>`;
      }
      return (
        `<div class="order-detail-item-content" data-pl="order_detail_item_content">` +
        `<div class="item-img" style="background-image:linear-gradient(135deg,#e1f0fd,#b4d4f5)"></div>` +
        `<div class="item-info"><div class="item-title"><a href="${esc(link(opts, 'www', `/item/${line.lineId.slice(-10)}.html`))}"><span title="${esc(line.title)}">${esc(line.title)}</span></a></div>` +
        `<div class="item-sku">${esc(line.sku)}</div>` +
        `<div class="item-price"><span class="item-price-value">${esc(money(lang, line.unitUsdCents))}</span> <span class="item-quantity">x${line.quantity}</span></div></div>` +
        `<div class="item-btns">${button}</div>` +
        `</div>`
      );
    })
    .join('');
  const orderButtons = order.actions
    .filter((a) => a !== 'returns-refunds' && a !== 'view-dispute')
    .map((a, i) => actionButton(opts, order, a, i))
    .join('');
  const subtotal = order.lines.reduce((s, l) => s + toLocalCents(lang, l.unitUsdCents) * l.quantity, 0);
  const body =
    `<div class="order-wrap order-detail">` +
    `<h1 class="order-header-title">${esc(t.orderDetails)}</h1>` +
    `<div class="order-block order-status" data-pl="order_detail_status">` +
    `<div class="order-status-title"><span class="order-block-title">${esc(t.status[order.status])}</span></div>` +
    `<div class="order-status-reminder">${reminderHtml(opts, order)}</div>` +
    `<div class="order-status-btns">${orderButtons}</div>` +
    `</div>` +
    `<div class="order-block order-detail-item" data-pl="order_detail_item">` +
    `<div class="order-detail-item-store"><a href="${esc(link(opts, 'www', `/store/${order.store.id}`))}"><span>${esc(order.store.name)}</span></a></div>` +
    items +
    `</div>` +
    `<div class="order-block order-detail-info" data-pl="order_detail_info">` +
    infoRow(t.orderId, order.orderId, `<span class="info-copy">${esc(t.copy)}</span>`) +
    infoRow(t.placedOn, formatDateTime(lang, order.placedAt)) +
    (order.paidAt ? infoRow(t.paymentMethod, 'Visa ****4242') : '') +
    (order.shippedAt ? infoRow(t.shippedOn, formatDateTime(lang, order.shippedAt)) : '') +
    (order.completedAt ? infoRow(t.completedOn, formatDateTime(lang, order.completedAt)) : '') +
    `</div>` +
    `<div class="order-block order-price" data-pl="order_detail_price">` +
    `<div class="order-price-item"><span class="order-price-label">${esc(t.subtotal)}</span><span class="order-price-value">${esc(formatMoney(lang, subtotal))}</span></div>` +
    `<div class="order-price-item"><span class="order-price-label">${esc(t.shipping)}</span><span class="order-price-value">${esc(money(lang, order.shippingUsdCents))}</span></div>` +
    `<div class="order-price-item order-price-total"><span class="order-price-label">${esc(t.total.replace(/\s*:\s*$/, ''))}</span><span class="order-price-value">${esc(formatMoney(lang, orderTotalLocalCents(lang, order)))}</span></div>` +
    `</div></div>`;
  return page(opts, t.orderDetails, body, countdownScript(opts));
}

/**
 * How a dispute page names its order: a link to the order (`link`, what AliExpress usually shows),
 * the number as text in a labelled row with no link (`label`), or not at all, so only the URL's
 * line and case ids name the dispute (`none`). The last two make the extension join the dispute
 * to its order by itself.
 */
export const ORDER_REFS = ['link', 'label', 'none'] as const;
export type OrderRef = (typeof ORDER_REFS)[number];

function disputeOrderRef(opts: RenderOptions, order: SiteOrder, ref: OrderRef): string {
  const t = LABELS[opts.lang];
  switch (ref) {
    case 'link':
      return `<a class="product--orderLink--2nM3qW4" href="${esc(link(opts, 'www', detailPath(order.orderId)))}">${esc(t.orderDetails)}</a>`;
    case 'label':
      return `<div class="product--orderNo--4kT7wE1"><span class="product--orderNoLabel--2pR8sD3">${esc(t.orderNumber)}</span> <span class="product--orderNoValue--1mN5bV6">${order.orderId}</span></div>`;
    case 'none':
      return '';
  }
}

export function renderDisputeDetailHtml(opts: RenderOptions, order: SiteOrder, orderRef: OrderRef = 'link'): string {
  const t = LABELS[opts.lang];
  const d = order.dispute;
  if (!d) throw new Error(`order ${order.orderId} has no dispute`);
  const line = order.lines.find((l) => l.lineId === d.lineId)!;
  const countdown =
    d.countdownMs === null
      ? ''
      : `<div class="reminder--countdown--3mJ9vTf"><span class="reminder--countdownLabel--2bQw7Rt">${esc(t.timeLeft)}</span> ${countdownSpan(opts, 'countdown--time--4pQ2sLm', d.countdownMs)}</div>`;
  const open = !['refunded', 'closed'].includes(d.status);
  const buttons =
    (d.canEscalate
      ? `<button type="button" class="comet-btn comet-btn-primary reminder--btn--1Hk2pWq">${esc(t.escalate)}</button>`
      : '') +
    (open ? `<button type="button" class="comet-btn reminder--btn--1Hk2pWq">${esc(t.cancelRequest)}</button>` : '');
  const body =
    `<div class="detail--wrap--1xYz2Ab">` +
    `<h1 class="detail--title--3Rt5Yu1">${esc(t.disputeDetails)}</h1>` +
    `<div class="reminder--wrap--2kLm9xQ">` +
    `<div class="reminder--statusStr--3FMxRSU">${esc(t.dispute[d.status])}</div>` +
    (d.awaiting ? `<div class="reminder--subStatus--1LkP0aQ">${esc(t.party[d.awaiting])}</div>` : '') +
    countdown +
    (buttons ? `<div class="reminder--btns--3sXq1Lp">${buttons}</div>` : '') +
    `</div>` +
    `<div class="solution--wrap--2Wq8ZxC">` +
    `<div class="solution--row--1aS3dF4"><span class="solution--label--3gH5jK6">${esc(t.reason)}</span> <span class="solution--reason--2zX4cV7">${esc(t.reasons[d.reason])}</span></div>` +
    `<div class="solution--row--1aS3dF4"><span class="solution--label--3gH5jK6">${esc(t.solution)}</span> <span class="solution--plan--1qW2eR3">${esc(t.solutions[d.solution])}</span></div>` +
    `<div class="solution--row--1aS3dF4"><span class="solution--label--3gH5jK6">${esc(t.refundAmount)}</span> <span class="solution--amount--3tY6uI8">${esc(money(opts.lang, d.refundUsdCents))}</span></div>` +
    `</div>` +
    `<div class="product--wrap--1oP9aS2">` +
    `<div class="product--store--2dF3gH4">${esc(order.store.name)}</div>` +
    `<div class="product--title--3jK4lZ5"><span title="${esc(line.title)}">${esc(line.title)}</span> <span class="product--quantity--1xC2vB3">x${line.quantity}</span></div>` +
    disputeOrderRef(opts, order, orderRef) +
    `</div></div>`;
  return page(opts, t.disputeDetails, body, countdownScript(opts));
}

export function renderDisputeListHtml(opts: RenderOptions, orders: SiteOrder[]): string {
  const t = LABELS[opts.lang];
  const cards = orders
    .filter((o) => o.dispute)
    .map((order) => {
      const d = order.dispute!;
      const line = order.lines.find((l) => l.lineId === d.lineId)!;
      return (
        `<div class="refund-item" data-pl="refund_item">` +
        `<div class="refund-item-header"><span class="refund-item-store">${esc(order.store.name)}</span><span class="refund-item-status">${esc(t.dispute[d.status])}</span></div>` +
        `<div class="refund-item-product"><span class="refund-item-title" title="${esc(line.title)}">${esc(line.title)}</span> <span class="refund-item-quantity">x${line.quantity}</span></div>` +
        `<div class="refund-item-amount">${esc(t.refundAmount)} ${esc(money(opts.lang, d.refundUsdCents))}</div>` +
        `<div class="refund-item-btns">` +
        `<a class="comet-btn comet-btn-primary" href="${esc(link(opts, 'trade', disputePath(d.lineId, d.disputeId)))}">${esc(t.viewDetails)}</a>` +
        `<a class="comet-btn refund-item-order" href="${esc(link(opts, 'www', detailPath(order.orderId)))}">${esc(t.orderDetails)}</a>` +
        `</div></div>`
      );
    })
    .join('');
  const body =
    `<div class="refund-wrap"><h1 class="refund-title">${esc(t.refundList)}</h1>` +
    `<div class="refund-list">${cards}</div></div>`;
  return page(opts, t.refundList, body);
}

export function renderTrackingHtml(opts: RenderOptions, order: SiteOrder): string {
  const t = LABELS[opts.lang];
  const guarantee = order.deliveryGuaranteeAt
    ? `<div class="tracking-guarantee" data-pl="delivery_guarantee">${esc(
        t.deliveryGuarantee.replace(
          '{date}',
          formatDate(opts.lang, order.deliveryGuaranteeAt, LANG_INFO[opts.lang].listDate),
        ),
      )}</div>`
    : '';
  const body =
    `<div class="tracking-wrap"><h1 class="tracking-title">${esc(t.tracking)}</h1>` +
    `<div class="tracking-header"><span class="tracking-status">${esc(t.inTransit)}</span>` +
    (order.trackingNumber
      ? ` <span class="tracking-number">${esc(t.trackingNumber)} ${esc(order.trackingNumber)}</span>`
      : '') +
    `</div>` +
    guarantee +
    `<div class="tracking-order"><a href="${esc(link(opts, 'www', detailPath(order.orderId)))}">${esc(t.orderDetails)}</a></div>` +
    `</div>`;
  return page(opts, t.tracking, body);
}

export function renderRefundStartHtml(opts: RenderOptions, order: SiteOrder, lineId: string): string {
  const t = LABELS[opts.lang];
  const line = order.lines.find((l) => l.lineId === lineId) ?? order.lines[0]!;
  const body =
    `<div class="reverse-wrap"><h1 class="reverse-title">${esc(t.refundStart)}</h1>` +
    `<div class="reverse-product"><span title="${esc(line.title)}">${esc(line.title)}</span> <span class="reverse-quantity">x${line.quantity}</span></div>` +
    `<div class="reverse-solutions">` +
    `<label class="reverse-solution"><input type="radio" name="solution" value="refund-only" checked> ${esc(t.solutions['refund-only'])}</label>` +
    `<label class="reverse-solution"><input type="radio" name="solution" value="return-and-refund"> ${esc(t.solutions['return-and-refund'])}</label>` +
    `</div>` +
    `<a class="reverse-order" href="${esc(link(opts, 'www', detailPath(order.orderId)))}">${esc(t.orderDetails)}</a> ` +
    `<button type="button" class="comet-btn comet-btn-primary reverse-continue">${esc(t.continue)}</button>` +
    `</div>`;
  return page(opts, t.refundStart, body);
}

export function renderNotFoundHtml(opts: RenderOptions, what: string): string {
  return page(opts, 'AliExpress', `<div class="not-found"><h1>404</h1><p>${esc(what)}</p></div>`);
}
