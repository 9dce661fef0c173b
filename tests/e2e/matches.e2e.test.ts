import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteOrders } from '../site/data.ts';
import { disputePageUrl, escalatableOrder, MY_ORDERS_25 } from './checks.ts';
import { launch, type Harness } from './harness.ts';

type Context = { origin: string; auxData?: { type?: string } };

/**
 * Opens `url` and tells whether Chromium gave our content script its isolated world there. The
 * reader runs at document_idle; a second after the load it has long been injected where it goes.
 */
async function hasOurScript(h: Harness, url: string): Promise<boolean> {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const contexts: Context[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: Context }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await page.goto(url);
  const ours = () => contexts.some((c) => c.auxData?.type === 'isolated' && c.origin.includes(h.extensionId));
  for (const end = Date.now() + 1_000; !ours() && Date.now() < end;) await page.waitForTimeout(50);
  const found = ours();
  await cdp.detach();
  await page.close();
  return found;
}

describe('which AliExpress pages get the content scripts, in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('puts them on the order, tracking and dispute pages the readers know', async () => {
    const order = siteOrders()[0]!;
    for (const url of [
      MY_ORDERS_25,
      `http://www.aliexpress.com/p/order/detail.html?orderId=${order.orderId}`,
      `http://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${order.orderId}`,
      'http://m.aliexpress.com/p/refund-dispute/list.html',
      disputePageUrl(escalatableOrder()),
    ])
      expect(await hasOurScript(h, url), url).toBe(true);
  });

  it('puts none on the home, product and search pages, where there is nothing to read', async () => {
    // The stand-in answers the last two with its "page not found": which script goes where is decided by the address alone.
    for (const url of [
      'http://www.aliexpress.com/',
      'http://www.aliexpress.com/item/1005745176332016.html',
      'http://www.aliexpress.com/w/wholesale-phone-case.html?SearchText=phone+case',
    ])
      expect(await hasOurScript(h, url), url).toBe(false);
  });
});
