import type { PageKind } from '../model/index.ts';
import { isAliExpressHost } from '../model/hosts.ts';

/**
 * Page kinds from the URL alone: the most stable signal AliExpress gives. The URLs each detector
 * must accept are in detect-examples.ts (kept out of the content script, which every page loads);
 * tests run every detector against every other detector's examples, so a new pattern that
 * swallows a neighbour's URLs fails at once.
 */
export interface Detector {
  kind: Exclude<PageKind, 'other'>;
  test: (url: URL) => boolean;
}

const isAe = (url: URL) => (url.protocol === 'https:' || url.protocol === 'http:') && isAliExpressHost(url.hostname);

/** Paths are matched whole; AliExpress mixes case in legacy paths (`Detail.htm`), so case is ignored. */
const onPath = (pattern: RegExp) => (url: URL) => isAe(url) && pattern.test(url.pathname);

export const isOrderList: Detector = {
  kind: 'order-list',
  test: onPath(/^\/p\/order\/index\.html$/i),
};

export const isOrderDetail: Detector = {
  kind: 'order-detail',
  test: onPath(/^\/p\/order\/detail\.html$/i),
};

export const isTracking: Detector = {
  kind: 'tracking',
  test: (url) =>
    onPath(/^\/p\/tracking\/index\.html$/i)(url) ||
    (isAe(url) && /^track\./i.test(url.hostname) && /^\/logisticsdetail\.htm$/i.test(url.pathname)),
};

export const isRefundStart: Detector = {
  kind: 'refund-start',
  test: onPath(/^\/p\/reverse-pages\/start\.html$/i),
};

export const isDisputeList: Detector = {
  kind: 'dispute-list',
  test: onPath(/^\/p\/refund-dispute\/list\.html$/i),
};

export const isDisputeDetail: Detector = {
  kind: 'dispute-detail',
  test: onPath(/^\/issue\/fastissue\/detail\.htm$/i),
};

export const isRefundAmount: Detector = {
  kind: 'refund-amount',
  test: onPath(/^\/p\/refund-amount\/detail\.html$/i),
};

export const isLegacyOrderList: Detector = {
  kind: 'legacy-order-list',
  test: onPath(/^\/orderlist\.htm$/i),
};

export const isLegacyOrderDetail: Detector = {
  kind: 'legacy-order-detail',
  test: onPath(/^\/order_detail\.htm$/i),
};

export const isLegacyDisputeList: Detector = {
  kind: 'legacy-dispute-list',
  test: onPath(/^\/issue\/issue_list\.htm$/i),
};

export const detectors: readonly Detector[] = [
  isOrderList,
  isOrderDetail,
  isTracking,
  isRefundStart,
  isDisputeList,
  isDisputeDetail,
  isRefundAmount,
  isLegacyOrderList,
  isLegacyOrderDetail,
  isLegacyDisputeList,
];

export function detectPage(href: string | URL): PageKind {
  let url: URL;
  try {
    url = typeof href === 'string' ? new URL(href) : href;
  } catch {
    return 'other';
  }
  return detectors.find((d) => d.test(url))?.kind ?? 'other';
}
