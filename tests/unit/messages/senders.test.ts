import { describe, expect, it } from 'vitest';
import { isAliExpressUrl, senderPolicy } from '../../../src/messages/senders.ts';

describe('AliExpress hosts', () => {
  it.each([
    'https://www.aliexpress.com/p/order/index.html',
    'https://aliexpress.com/',
    'https://m.aliexpress.com/p/refund-dispute/list.html',
    'https://trade.aliexpress.com/issue/fastissue/Detail.htm?x=1',
    'https://aliexpress.us/p/order/index.html',
    'https://www.aliexpress.us/',
    'http://www.aliexpress.com/p/order/index.html',
  ])('accepts %s', (url) => expect(isAliExpressUrl(url)).toBe(true));

  it.each([
    'https://aliexpress.com.evil.example/',
    'https://evilaliexpress.com/',
    'https://www.aliexpress.ru/',
    'ftp://aliexpress.com/',
    'chrome-extension://abc/popup.html',
    'not a url',
    '',
    undefined,
  ])('refuses %s', (url) => expect(isAliExpressUrl(url)).toBe(false));
});

describe('sender policy', () => {
  const allowed = senderPolicy('ours', 'chrome-extension://ours/');

  it('tells a content script from an extension page by where it runs', () => {
    const content = { id: 'ours', url: 'https://www.aliexpress.com/', tab: { url: 'https://www.aliexpress.com/' } };
    const page = { id: 'ours', url: 'chrome-extension://ours/popup.html' };
    expect(allowed('snapshot', content)).toBe(true);
    expect(allowed('snapshot', page)).toBe(false);
    expect(allowed('wipe', content)).toBe(false);
    expect(allowed('wipe', page)).toBe(true);
  });

  it('refuses an extension page url claimed by another id, and our origin as a prefix of another', () => {
    expect(allowed('wipe', { id: 'theirs', url: 'chrome-extension://ours/popup.html' })).toBe(false);
    const lookalike = senderPolicy('ours', 'chrome-extension://ours/');
    expect(lookalike('wipe', { id: 'ours', url: 'chrome-extension://oursx/popup.html' })).toBe(false);
  });

  it('refuses a content script whose frame and tab disagree about being on AliExpress', () => {
    expect(
      allowed('snapshot', { id: 'ours', url: 'https://evil.example/', tab: { url: 'https://www.aliexpress.com/' } }),
    ).toBe(false);
  });
});
