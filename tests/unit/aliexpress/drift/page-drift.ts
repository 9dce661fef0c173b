/**
 * Drifts of a fixture page: what a redeploy or an A/B layout does to the DOM without notice (new
 * CSS-module hashes, renamed classes, the order number shown as a labelled row instead of a link,
 * parts left out, the page served in another language than its texts). Each kind is a fast-check
 * arbitrary; a run applies several, always in one order.
 */
import fc from 'fast-check';
import { LANG_INFO } from '../../../site/format.ts';
import { LANGS, type Lang } from '../../../site/labels.ts';
import { seeded } from './tally.ts';

export type PageDrift =
  | { kind: 'drop-optional'; parts: PagePart[] }
  | { kind: 'order-number-row' }
  | { kind: 'drop-order-link' }
  | { kind: 'css-hash'; seed: number }
  | { kind: 'rename-plain-class'; name: string }
  | { kind: 'change-language'; to: Lang };

export type PageDriftKind = PageDrift['kind'];

/** The order drifts are applied in: parts first, so a relabelled row is not dropped as a part. */
export const PAGE_DRIFT_KINDS: readonly PageDriftKind[] = [
  'drop-optional',
  'order-number-row',
  'drop-order-link',
  'css-hash',
  'rename-plain-class',
  'change-language',
];

/** Parts a page may come without; none of them carries the order number or the status. */
const OPTIONAL_PARTS = {
  countdown: "[class*='reminder--countdown'], .order-status-countdown",
  awaiting: "[class*='reminder--subStatus']",
  buttons: "[class*='reminder--btns'], .order-item-btns, .order-status-btns, .item-btns",
  solution: "[class*='solution--wrap']",
  product: "[class*='product--title'], [class*='product--store'], .order-item-content-body, .item-info",
  total: "[class*='solution--amount'], .order-item-content-opt-price, .order-price",
  store: '.order-item-store, .order-detail-item-store',
  reminder: '.order-status-reminder',
  progress: '.expose-info',
  heading: 'h1',
} as const;
type PagePart = keyof typeof OPTIONAL_PARTS;

/** "Order number" as a dispute page labels it in each language (a row that replaces the link). */
export const ORDER_NUMBER_LABEL: Record<Lang, string> = {
  en: 'Order number',
  es: 'Número de pedido',
  'pt-BR': 'Número do pedido',
  ru: 'Номер заказа',
  de: 'Bestellnummer',
  fr: 'N° de commande',
  pl: 'Numer zamówienia',
  it: "Numero dell'ordine",
  nl: 'Bestelnummer',
  tr: 'Sipariş numarası',
};

/** Where a dispute page links its order: the reader's own selectors (rules/selectors.json idLink). */
export const ORDER_LINK = "[class*='product--orderLink'], a[href*='orderId=']";

const HASHED = /^([A-Za-z][A-Za-z0-9]*--[A-Za-z][A-Za-z0-9]*--)[A-Za-z0-9]{5,9}$/;
const HASH_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const arbitraries: Record<PageDriftKind, (lang: Lang) => fc.Arbitrary<PageDrift>> = {
  'drop-optional': () =>
    fc.record({
      kind: fc.constant('drop-optional' as const),
      parts: fc.subarray(Object.keys(OPTIONAL_PARTS) as PagePart[], { minLength: 1 }),
    }),
  'order-number-row': () => fc.constant({ kind: 'order-number-row' }),
  'drop-order-link': () => fc.constant({ kind: 'drop-order-link' }),
  'css-hash': () => fc.record({ kind: fc.constant('css-hash' as const), seed: fc.nat() }),
  'rename-plain-class': () =>
    fc.record({ kind: fc.constant('rename-plain-class' as const), name: fc.stringMatching(/^[a-z][a-z-]{0,10}$/) }),
  'change-language': (lang) =>
    fc.record({
      kind: fc.constant('change-language' as const),
      to: fc.constantFrom(...LANGS.filter((l) => l !== lang)),
    }),
};

/** One or more drifts of the given kinds, at most one of each, in the order they are applied. */
export function pageDrifts(kinds: readonly PageDriftKind[], lang: Lang): fc.Arbitrary<PageDrift[]> {
  const usable = PAGE_DRIFT_KINDS.filter((k) => kinds.includes(k));
  if (usable.length === 0) return fc.constant([]);
  return fc
    .subarray(usable, { minLength: 1 })
    .chain((picked) => fc.tuple(...picked.map((k) => arbitraries[k](lang))))
    .map((drifts) => [...drifts]);
}

function newHash(rand: () => number): string {
  let out = '';
  for (let i = 0; i < 7; i++) out += HASH_CHARS[Math.floor(rand() * HASH_CHARS.length)];
  return out;
}

/**
 * Applies the drifts to `doc` in place. `lang` is the language the page's texts are in;
 * `orderId` the order number a dispute page showed (null on other pages: the order-number drifts
 * are about the dispute page's one link, not the order list's per-card links). Returns whether the page still shows that
 * number (its link, or a labelled row put in the link's place).
 */
export function applyPageDrifts(
  doc: Document,
  drifts: readonly PageDrift[],
  lang: Lang,
  orderId: string | null,
): { orderNumberShown: boolean } {
  let row = false;
  for (const d of drifts) row = applyOne(doc, d, lang, orderId) || row;
  return { orderNumberShown: row || doc.querySelector(ORDER_LINK) !== null };
}

/** True when the drift put a labelled order-number row on the page. */
function applyOne(doc: Document, d: PageDrift, lang: Lang, orderId: string | null): boolean {
  switch (d.kind) {
    case 'drop-optional':
      for (const part of d.parts) for (const el of doc.querySelectorAll(OPTIONAL_PARTS[part])) el.remove();
      break;
    case 'order-number-row': {
      const link = doc.querySelector(ORDER_LINK);
      if (!link || !orderId) break;
      const row = doc.createElement('div');
      const label = doc.createElement('span');
      label.textContent = ORDER_NUMBER_LABEL[lang];
      const value = doc.createElement('span');
      value.textContent = orderId;
      row.append(label, value);
      link.replaceWith(row);
      return true;
    }
    case 'drop-order-link':
      if (orderId === null) break;
      for (const el of doc.querySelectorAll(ORDER_LINK)) el.remove();
      break;
    case 'css-hash': {
      const rand = seeded(d.seed);
      const hashes = new Map<string, string>();
      for (const el of doc.querySelectorAll('[class*="--"]')) {
        const classes = (el.getAttribute('class') ?? '').split(/\s+/).map((c) => {
          const prefix = HASHED.exec(c)?.[1];
          if (!prefix) return c;
          if (!hashes.has(prefix)) hashes.set(prefix, newHash(rand));
          return prefix + hashes.get(prefix)!;
        });
        el.setAttribute('class', classes.join(' '));
      }
      break;
    }
    case 'rename-plain-class':
      doc.querySelectorAll('[data-pl]').forEach((el, i) => {
        // Prefixed, so a new name can never be a class some other selector looks for.
        if (el.hasAttribute('class')) el.setAttribute('class', `drift-${d.name}-${i}`);
      });
      break;
    case 'change-language':
      doc.documentElement.setAttribute('lang', LANG_INFO[d.to].tag);
      doc.cookie = `aep_usuc_f=site=glo&b_locale=${LANG_INFO[d.to].bLocale}`;
      break;
  }
  return false;
}
