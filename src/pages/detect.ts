import type { PageKind } from '../model/index.ts';

/**
 * Page kinds from the URL alone: the most stable signal AliExpress gives. Each detector lists the
 * URLs it must accept; tests run every detector against every other detector's examples.
 */
export interface Detector {
  kind: PageKind;
  test: (url: URL) => boolean;
  examples: string[];
}

const AE_HOST = /(^|\.)aliexpress\.(com|us)$/;

const isAe = (url: URL) => AE_HOST.test(url.hostname);

export const isOrderList: Detector = {
  kind: 'order-list',
  test: (url) => isAe(url) && /^\/p\/order\/index\.html$/.test(url.pathname),
  examples: [
    'https://www.aliexpress.com/p/order/index.html',
    'https://www.aliexpress.us/p/order/index.html?spm=a2g0o.home.0.0',
    'https://pt.aliexpress.com/p/order/index.html',
  ],
};

export const detectors: Detector[] = [isOrderList];

export function detectPage(href: string): PageKind {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'other';
  }
  return detectors.find((d) => d.test(url))?.kind ?? 'other';
}
