/**
 * The stand-in site's orders and disputes: one deterministic list, so the live site, the page
 * fixtures and the tests that check what the readers got all speak about the same orders.
 * Times are offsets from a clock so the live site looks current and the fixtures never change.
 */

export type SiteOrderStatus = 'to-pay' | 'to-ship' | 'shipped' | 'completed' | 'closed' | 'in-dispute';
export type SiteDisputeStatus =
  'awaiting-seller' | 'awaiting-buyer' | 'escalated' | 'awaiting-return' | 'refund-pending' | 'refunded' | 'closed';
export type SiteParty = 'seller' | 'buyer' | 'aliexpress';
export type SiteReason = 'not-received' | 'not-as-described' | 'damaged';
export type SiteSolution = 'refund-only' | 'return-and-refund';
export type SiteAction =
  | 'pay'
  | 'cancel'
  | 'track'
  | 'confirm-received'
  | 'returns-refunds'
  | 'open-dispute'
  | 'view-dispute'
  | 'review'
  | 'buy-again'
  | 'delete'
  | 'contact-seller';

/** The clock of every fixture: pages rendered "now" at this instant read the same forever. */
export const FIXTURE_CLOCK = new Date('2026-11-20T12:00:00.000Z');

/** Orders a plain visit to My orders shows; `?orders=N` asks for another count. */
export const DEFAULT_ORDER_COUNT = 15;
export const PAGE_SIZE = 10;

export interface SiteLine {
  lineId: string;
  title: string;
  sku: string;
  quantity: number;
  /** Unit price in US cents; other currencies are converted from it. */
  unitUsdCents: number;
}

export interface SiteDispute {
  /** reverseOrderLineId: AliExpress's id for the refund request of one line. */
  disputeId: string;
  lineId: string;
  status: SiteDisputeStatus;
  awaiting: SiteParty | null;
  /** Time left on the countdown the page shows, from the clock; null when it shows none. */
  countdownMs: number | null;
  canEscalate: boolean;
  reason: SiteReason;
  solution: SiteSolution;
  openedAt: Date;
  refundUsdCents: number;
}

export interface SiteOrder {
  index: number;
  orderId: string;
  status: SiteOrderStatus;
  placedAt: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  completedAt: Date | null;
  /** Countdown on the detail page's reminder (payment, shipping or auto-confirm), from the clock. */
  reminderCountdownMs: number | null;
  /** "Refund if no delivery before" on the tracking page. */
  deliveryGuaranteeAt: Date | null;
  trackingNumber: string | null;
  store: { id: string; name: string };
  lines: SiteLine[];
  shippingUsdCents: number;
  actions: SiteAction[];
  dispute: SiteDispute | null;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

interface Template {
  status: SiteOrderStatus;
  placedDaysAgo: number;
  shippedDaysAgo?: number;
  completedDaysAgo?: number;
  reminderMs?: number;
  guaranteeInDays?: number;
  store: { id: string; name: string };
  lines: Array<Omit<SiteLine, 'lineId'>>;
  shippingUsdCents: number;
  actions: SiteAction[];
  dispute?: Omit<SiteDispute, 'disputeId' | 'lineId' | 'openedAt' | 'refundUsdCents'> & {
    line: number;
    openedDaysAgo: number;
  };
}

const TEMPLATES: Template[] = [
  {
    status: 'shipped',
    placedDaysAgo: 17,
    shippedDaysAgo: 14,
    reminderMs: 12 * DAY + 3 * HOUR + 22 * MINUTE + 11_000,
    guaranteeInDays: 23,
    store: { id: '1102345678', name: 'UGREEN Official Store' },
    lines: [
      {
        title: 'USB C Cable 100W PD Fast Charging Cord 2m',
        sku: 'Color: Black; Length: 2m',
        quantity: 2,
        unitUsdCents: 499,
      },
    ],
    shippingUsdCents: 0,
    actions: ['track', 'confirm-received', 'returns-refunds'],
  },
  {
    status: 'to-pay',
    placedDaysAgo: 0,
    reminderMs: 23 * HOUR + 41 * MINUTE + 5_000,
    store: { id: '912345001', name: 'Baseus Global Store' },
    lines: [
      { title: 'Baseus 65W GaN Charger USB Type C Quick Charge', sku: 'Plug: EU', quantity: 1, unitUsdCents: 2799 },
    ],
    shippingUsdCents: 199,
    actions: ['pay', 'cancel'],
  },
  {
    status: 'to-ship',
    placedDaysAgo: 2,
    reminderMs: 4 * DAY + 6 * HOUR + 30 * MINUTE,
    store: { id: '1100987654', name: 'Xiaomi Youpin Store' },
    lines: [
      {
        title: 'Mijia Electric Precision Screwdriver Set 24 Bits',
        sku: 'Color: Gray',
        quantity: 1,
        unitUsdCents: 3450,
      },
    ],
    shippingUsdCents: 0,
    actions: ['contact-seller', 'cancel'],
  },
  {
    status: 'completed',
    placedDaysAgo: 41,
    shippedDaysAgo: 38,
    completedDaysAgo: 20,
    store: { id: '1101122334', name: 'Home Decor Life Store' },
    lines: [
      {
        title: 'Nordic Ceramic Vase Minimalist Flower Pot',
        sku: 'Color: White; Size: M',
        quantity: 3,
        unitUsdCents: 1290,
      },
    ],
    shippingUsdCents: 350,
    actions: ['review', 'buy-again', 'delete'],
  },
  {
    status: 'in-dispute',
    placedDaysAgo: 63,
    shippedDaysAgo: 60,
    store: { id: '1103344556', name: 'Fashion Shoes Factory Store' },
    lines: [
      {
        title: "Men's Running Shoes Breathable Mesh Sneakers",
        sku: 'Color: Blue; Size: 42',
        quantity: 1,
        unitUsdCents: 2599,
      },
    ],
    shippingUsdCents: 0,
    actions: ['view-dispute', 'track'],
    dispute: {
      line: 0,
      status: 'awaiting-seller',
      awaiting: 'seller',
      countdownMs: 4 * DAY + 23 * HOUR + 12 * MINUTE + 11_000,
      canEscalate: false,
      reason: 'not-received',
      solution: 'refund-only',
      openedDaysAgo: 1,
    },
  },
  {
    status: 'closed',
    placedDaysAgo: 30,
    store: { id: '912345002', name: 'Anker Official Store' },
    lines: [{ title: 'Anker PowerCore 10000 Portable Charger', sku: 'Color: Black', quantity: 1, unitUsdCents: 2199 }],
    shippingUsdCents: 0,
    actions: ['buy-again', 'delete'],
  },
  {
    status: 'shipped',
    placedDaysAgo: 25,
    shippedDaysAgo: 22,
    reminderMs: 35 * DAY + 7 * HOUR + 5 * MINUTE + 40_000,
    guaranteeInDays: 15,
    store: { id: '1104455667', name: 'Kitchen Gadgets Store' },
    lines: [
      { title: 'Silicone Spatula Set Heat Resistant 5 Pieces', sku: 'Color: Green', quantity: 1, unitUsdCents: 899 },
      { title: 'Stainless Steel Measuring Cups and Spoons', sku: 'Set: 8 pcs', quantity: 2, unitUsdCents: 645 },
    ],
    shippingUsdCents: 120,
    actions: ['track', 'confirm-received', 'open-dispute'],
  },
  {
    status: 'completed',
    placedDaysAgo: 90,
    shippedDaysAgo: 86,
    completedDaysAgo: 70,
    store: { id: '1105566778', name: 'Teclast Official Store' },
    lines: [
      {
        title: 'Teclast F16 Pro Laptop 14.1 inch 8GB RAM 256GB SSD',
        sku: 'Plug: EU',
        quantity: 1,
        unitUsdCents: 123456,
      },
    ],
    shippingUsdCents: 0,
    actions: ['review', 'buy-again', 'returns-refunds'],
  },
  {
    status: 'in-dispute',
    placedDaysAgo: 48,
    shippedDaysAgo: 45,
    store: { id: '1106677889', name: 'Cute Phone Case Store' },
    lines: [
      { title: 'Transparent Shockproof Case for iPhone 15', sku: 'Color: Clear', quantity: 4, unitUsdCents: 199 },
    ],
    shippingUsdCents: 99,
    actions: ['view-dispute'],
    dispute: {
      line: 0,
      status: 'awaiting-buyer',
      awaiting: 'buyer',
      countdownMs: 2 * DAY + 5 * HOUR + 3 * MINUTE + 9_000,
      canEscalate: true,
      reason: 'not-as-described',
      solution: 'return-and-refund',
      openedDaysAgo: 6,
    },
  },
  {
    status: 'to-ship',
    placedDaysAgo: 1,
    reminderMs: 6 * DAY + 20 * HOUR,
    store: { id: '1107788990', name: 'Garden Tools Direct Store' },
    lines: [
      { title: 'Pruning Shears Professional Garden Scissors', sku: 'Type: Bypass', quantity: 1, unitUsdCents: 1120 },
    ],
    shippingUsdCents: 250,
    actions: ['contact-seller', 'cancel'],
  },
  {
    status: 'in-dispute',
    placedDaysAgo: 75,
    shippedDaysAgo: 72,
    store: { id: '1108899001', name: 'Smart Watch Hub Store' },
    lines: [
      { title: 'Smart Watch 1.96 inch AMOLED Bluetooth Call', sku: 'Color: Silver', quantity: 1, unitUsdCents: 4590 },
    ],
    shippingUsdCents: 0,
    actions: ['view-dispute', 'track'],
    dispute: {
      line: 0,
      status: 'escalated',
      awaiting: 'aliexpress',
      countdownMs: 9 * DAY + 2 * HOUR + 44 * MINUTE + 1_000,
      canEscalate: false,
      reason: 'not-as-described',
      solution: 'refund-only',
      openedDaysAgo: 18,
    },
  },
  {
    status: 'closed',
    placedDaysAgo: 120,
    shippedDaysAgo: 116,
    store: { id: '1109900112', name: 'LED Lighting World Store' },
    lines: [{ title: 'LED Strip Lights 10m RGB with Remote', sku: 'Length: 10m', quantity: 1, unitUsdCents: 1575 }],
    shippingUsdCents: 0,
    actions: ['buy-again', 'delete'],
    dispute: {
      line: 0,
      status: 'refunded',
      awaiting: null,
      countdownMs: null,
      canEscalate: false,
      reason: 'not-received',
      solution: 'refund-only',
      openedDaysAgo: 40,
    },
  },
  {
    status: 'in-dispute',
    placedDaysAgo: 55,
    shippedDaysAgo: 51,
    store: { id: '1110011223', name: 'Outdoor Camping Gear Store' },
    lines: [
      { title: 'Ultralight Camping Tent 2 Person Waterproof', sku: 'Color: Green', quantity: 1, unitUsdCents: 5890 },
      { title: 'Inflatable Sleeping Pad with Pillow', sku: 'Color: Orange', quantity: 2, unitUsdCents: 2150 },
    ],
    shippingUsdCents: 499,
    actions: ['view-dispute', 'track'],
    dispute: {
      line: 1,
      status: 'awaiting-return',
      awaiting: 'buyer',
      countdownMs: 8 * DAY + 11 * HOUR + 59 * MINUTE + 59_000,
      canEscalate: false,
      reason: 'damaged',
      solution: 'return-and-refund',
      openedDaysAgo: 9,
    },
  },
  {
    status: 'in-dispute',
    placedDaysAgo: 66,
    shippedDaysAgo: 63,
    store: { id: '1111122334', name: 'Beauty Tools Store' },
    lines: [{ title: 'Hair Dryer Brush 3 in 1 Hot Air Styler', sku: 'Plug: US', quantity: 1, unitUsdCents: 3299 }],
    shippingUsdCents: 0,
    actions: ['view-dispute'],
    dispute: {
      line: 0,
      status: 'refund-pending',
      awaiting: 'aliexpress',
      countdownMs: null,
      canEscalate: false,
      reason: 'damaged',
      solution: 'refund-only',
      openedDaysAgo: 12,
    },
  },
  {
    status: 'completed',
    placedDaysAgo: 100,
    shippedDaysAgo: 97,
    completedDaysAgo: 80,
    store: { id: '1112233445', name: 'Toy Planet Store' },
    lines: [{ title: 'Magnetic Building Blocks 64 Pieces', sku: 'Set: 64 pcs', quantity: 1, unitUsdCents: 2450 }],
    shippingUsdCents: 300,
    actions: ['review', 'buy-again', 'delete'],
    dispute: {
      line: 0,
      status: 'closed',
      awaiting: null,
      countdownMs: null,
      canEscalate: false,
      reason: 'not-as-described',
      solution: 'return-and-refund',
      openedDaysAgo: 75,
    },
  },
];

const ORDER_BASE = 8_100_000_000_000_000n;
const ORDER_STEP = 1_234_567_891n;
const DISPUTE_BASE = 5_100_000_000_000_000n;
const DISPUTE_STEP = 987_654_321n;

/** 16-digit order ids, spaced so line ids (order id + n) never collide with another order. */
export const orderIdOf = (index: number): string => String(ORDER_BASE + BigInt(index) * ORDER_STEP);

/** The index an order id was made from, or null for an id this site never issued. */
export function orderIndexOf(orderId: string): number | null {
  if (!/^\d{16}$/.test(orderId)) return null;
  const offset = BigInt(orderId) - ORDER_BASE;
  if (offset < 0n || offset % ORDER_STEP !== 0n) return null;
  const index = Number(offset / ORDER_STEP);
  return index < 100_000 ? index : null;
}

/** Midnight UTC of the clock's day: dates shown as days stay stable through a day of testing. */
const dayStart = (clock: Date) => Math.floor(clock.getTime() / DAY) * DAY;

/** The order at `index`; beyond the templates, the templates repeat further in the past. */
export function siteOrder(index: number, clock: Date = FIXTURE_CLOCK): SiteOrder {
  const template = TEMPLATES[index % TEMPLATES.length]!;
  const cycle = Math.floor(index / TEMPLATES.length);
  const ageShift = cycle * 3;
  const today = dayStart(clock);
  // A fixed time of day per order, so detail pages show real-looking times.
  const timeOfDay = ((index * 37) % 24) * HOUR + ((index * 13) % 60) * MINUTE + ((index * 7) % 60) * 1000;
  const at = (daysAgo: number | undefined) =>
    daysAgo === undefined ? null : new Date(today - (daysAgo + ageShift) * DAY + timeOfDay);
  const orderId = orderIdOf(index);
  const lines: SiteLine[] = template.lines.map((line, j) => ({
    ...line,
    lineId: String(BigInt(orderId) + BigInt(j + 1) * 10_000n),
  }));
  const placedAt = at(template.placedDaysAgo)!;
  let dispute: SiteDispute | null = null;
  if (template.dispute) {
    const { line, openedDaysAgo, ...rest } = template.dispute;
    const disputed = lines[line]!;
    dispute = {
      ...rest,
      disputeId: String(DISPUTE_BASE + BigInt(index) * DISPUTE_STEP),
      lineId: disputed.lineId,
      openedAt: at(openedDaysAgo)!,
      refundUsdCents: disputed.unitUsdCents * disputed.quantity,
    };
  }
  return {
    index,
    orderId,
    status: template.status,
    placedAt,
    paidAt: template.status === 'to-pay' ? null : new Date(placedAt.getTime() + 2 * MINUTE),
    shippedAt: at(template.shippedDaysAgo),
    completedAt: at(template.completedDaysAgo),
    reminderCountdownMs: template.reminderMs ?? null,
    deliveryGuaranteeAt:
      template.guaranteeInDays === undefined ? null : new Date(today + template.guaranteeInDays * DAY),
    trackingNumber: template.shippedDaysAgo === undefined ? null : `LP00${orderId.slice(-9)}CN`,
    store: template.store,
    lines,
    shippingUsdCents: template.shippingUsdCents,
    actions: template.actions,
    dispute,
  };
}

export function siteOrders(count: number = DEFAULT_ORDER_COUNT, clock: Date = FIXTURE_CLOCK): SiteOrder[] {
  return Array.from({ length: count }, (_, i) => siteOrder(i, clock));
}

/** The index of the order a line id or refund (reverse line) id belongs to, or null. */
export function orderIndexOfLineOrDispute(id: string): number | null {
  if (!/^\d{16}$/.test(id)) return null;
  const n = BigInt(id);
  for (let j = 1n; j <= 9n; j++) {
    const index = orderIndexOf(String(n - j * 10_000n));
    if (index !== null) return index;
  }
  const offset = n - DISPUTE_BASE;
  if (offset >= 0n && offset % DISPUTE_STEP === 0n && offset / DISPUTE_STEP < 100_000n)
    return Number(offset / DISPUTE_STEP);
  return null;
}
