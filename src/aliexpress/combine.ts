import type { OrderLine, PageDispute, PageOrder as Order, Problem } from '../model/index.ts';

/**
 * One order or dispute seen by two sources (the DOM and the page's JSON, or two JSON answers).
 * The first source wins where both have a value; a value one has and the other lacks is filled,
 * and a missing value (null, `unknown`) never overwrites a present one.
 */

const pick = <T>(a: T | null, b: T | null): T | null => (a === null ? b : a);

function mergeLines(a: readonly OrderLine[], b: readonly OrderLine[]): OrderLine[] {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const fill = (x: OrderLine, y: OrderLine): OrderLine => ({
    lineId: pick(x.lineId, y.lineId),
    title: pick(x.title, y.title),
    quantity: pick(x.quantity, y.quantity),
  });
  const idsAgree = (x: OrderLine, y: OrderLine) => x.lineId === null || y.lineId === null || x.lineId === y.lineId;
  // The same card read twice lists the same lines in the same order, even when one source lacks the line ids.
  if (a.length === b.length && a.every((x, i) => idsAgree(x, b[i]!))) return a.map((x, i) => fill(x, b[i]!));
  const out = a.map((x) => {
    const y = x.lineId === null ? undefined : b.find((l) => l.lineId === x.lineId);
    return y ? fill(x, y) : { ...x };
  });
  for (const y of b) if (y.lineId !== null && !a.some((x) => x.lineId === y.lineId)) out.push({ ...y });
  return out;
}

export function combineOrder(a: Order, b: Order): Order {
  // Status and its text travel together: the text explains the status it came with.
  const status = a.status === 'unknown' && b.status !== 'unknown' ? b : a;
  return {
    orderId: a.orderId,
    status: status.status,
    statusText: pick(status.statusText, status === a ? b.statusText : a.statusText),
    placedAt: pick(a.placedAt, b.placedAt),
    storeName: pick(a.storeName, b.storeName),
    total: pick(a.total, b.total),
    lines: mergeLines(a.lines, b.lines),
    actions: [...a.actions, ...b.actions.filter((x) => !a.actions.includes(x))],
    dates: {
      shippedAt: pick(a.dates.shippedAt, b.dates.shippedAt),
      completedAt: pick(a.dates.completedAt, b.dates.completedAt),
      protectionEndsAt: pick(a.dates.protectionEndsAt, b.dates.protectionEndsAt),
      deliveryGuaranteeAt: pick(a.dates.deliveryGuaranteeAt, b.dates.deliveryGuaranteeAt),
      // Optional in the model: set only where either reading has one.
      ...(a.dates.lateCoupon || b.dates.lateCoupon ? { lateCoupon: a.dates.lateCoupon ?? b.dates.lateCoupon } : {}),
      ...(a.dates.freeReturnDays || b.dates.freeReturnDays
        ? { freeReturnDays: a.dates.freeReturnDays ?? b.dates.freeReturnDays }
        : {}),
      ...(a.dates.deliveredAt || b.dates.deliveredAt
        ? { deliveredAt: a.dates.deliveredAt ?? b.dates.deliveredAt }
        : {}),
    },
    ...(status.statusVia && { statusVia: status.statusVia }),
  };
}

export function combineDispute(a: PageDispute, b: PageDispute): PageDispute {
  const status = a.status === 'unknown' && b.status !== 'unknown' ? b : a;
  const via = viaOf(a, b);
  return {
    orderId: pick(a.orderId, b.orderId),
    lineId: pick(a.lineId, b.lineId),
    disputeId: pick(a.disputeId, b.disputeId),
    status: status.status,
    statusText: pick(status.statusText, status === a ? b.statusText : a.statusText),
    awaiting: pick(a.awaiting, b.awaiting),
    deadline: pick(a.deadline, b.deadline),
    canEscalate: pick(a.canEscalate, b.canEscalate),
    openedAt: pick(a.openedAt, b.openedAt),
    reason: pick(a.reason, b.reason),
    solution: pick(a.solution, b.solution),
    ...(status.statusVia && { statusVia: status.statusVia }),
    ...(via && { via }),
  };
}

/** Where each id came from: the side whose id was kept. */
function viaOf(a: PageDispute, b: PageDispute): PageDispute['via'] {
  const out: NonNullable<PageDispute['via']> = {};
  for (const id of ['orderId', 'lineId', 'disputeId'] as const) {
    const via = (a[id] !== null ? a : b).via?.[id];
    if (via) out[id] = via;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Orders merged by id, in the order they were first seen. */
export function combineOrders(...sources: readonly (readonly Order[])[]): Order[] {
  const byId = new Map<string, Order>();
  for (const orders of sources) {
    for (const o of orders) {
      const seen = byId.get(o.orderId);
      byId.set(o.orderId, seen ? combineOrder(seen, o) : o);
    }
  }
  return [...byId.values()];
}

function partnerOf(seen: readonly PageDispute[], d: PageDispute): PageDispute | undefined {
  // A page that knows only the line or the case names the same dispute by that id.
  const byId = seen.find(
    (x) =>
      (x.orderId === null || d.orderId === null || x.orderId === d.orderId) &&
      ((x.lineId !== null && x.lineId === d.lineId) || (x.disputeId !== null && x.disputeId === d.disputeId)),
  );
  if (byId) return byId;
  if (d.orderId === null) return undefined;
  const sameOrder = seen.filter((x) => x.orderId === d.orderId);
  const exact = d.lineId === null ? undefined : sameOrder.find((x) => x.lineId === d.lineId);
  if (exact) return exact;
  // When one side lacks the line id, only a lone dispute of that order can be the same one.
  const lone = sameOrder.length === 1 ? sameOrder[0]! : undefined;
  return lone && (d.lineId === null || lone.lineId === null) ? lone : undefined;
}

/** Disputes merged by order id and line id, in the order they were first seen. */
export function combineDisputes(...sources: readonly (readonly PageDispute[])[]): PageDispute[] {
  const out: PageDispute[] = [];
  for (const d of sources.flat()) {
    const match = partnerOf(out, d);
    if (match) out[out.indexOf(match)] = combineDispute(match, d);
    else out.push(d);
  }
  return out;
}

export function combineProblems(...sources: readonly (readonly Problem[])[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of sources.flat()) {
    const key = `${p.code}\u0000${p.detail ?? ''}\u0000${p.orderId ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}
