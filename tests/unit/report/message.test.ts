/**
 * The `pageReport` message through the real router, sender rules and handlers: only the content
 * script on an AliExpress page may have a page redacted; a skeleton that is not one is refused by
 * name; the answer is a report with the page's ids replaced. Inputs written here by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_LOCALE_FILES } from '../../../src/aliexpress/bundled-rules.ts';
import type { PageReport } from '../../../src/report/redact.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { freshDb } from '../store/fixtures.ts';
import { backgroundFor, SENDERS, type BackgroundUnderTest } from '../messages/background-under-test.ts';

let db: RadarDb;
let bg: BackgroundUnderTest;
beforeEach(() => {
  db = freshDb();
  bg = backgroundFor(db, undefined, { version: '9.8.7' });
});
afterEach(() => db.close());

const request = {
  page: [
    'html',
    ['lang', 'en'],
    ['body', [], ['a', ['href', '/p/order/detail.html?orderId=8100012345678901'], 'John Smith, US $12.34']],
  ],
  cut: false,
  url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8100012345678901',
  kind: 'order-detail',
  locale: 'en',
  problems: [{ code: 'unknown-status', detail: 'Waiting for John', orderId: '8100012345678901' }],
};

describe('pageReport', () => {
  it('answers the content script with the redacted report and the extension version', async () => {
    const answer = await bg.send('pageReport', request, SENDERS.contentScript);
    expect(answer.ok).toBe(true);
    const report = (answer as { data: PageReport }).data;
    expect(report).toMatchObject({ format: 'refund-radar-page-report', version: 1, extension: '9.8.7' });
    const text = JSON.stringify(report);
    for (const secret of ['8100012345678901', 'John', 'Smith', '12.34']) expect(text).not.toContain(secret);
    expect(report.page).toEqual([
      'html',
      ['lang', 'en'],
      ['body', [], ['a', ['href', '/p/order/detail.html?orderId=1000000000000001'], 'Xxxx Xxxxx, XX $00.00']],
    ]);
    expect(report.url).toBe('https://www.aliexpress.com/p/order/detail.html?orderId=1000000000000001');
    expect(report.problems).toEqual([
      { code: 'unknown-status', detail: 'Xxxxxxx xxx Xxxx', orderId: '1000000000000001' },
    ]);
  });

  it('is refused to extension pages and other senders, and refuses a skeleton that is not one', async () => {
    for (const sender of [SENDERS.popup, SENDERS.otherExtensionOnAliExpress, SENDERS.contentScriptElsewhere]) {
      const answer = await bg.send('pageReport', request, sender);
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const page of [['body', []], ['html', [], ['a b', []]], ['html', ['x'], 'y'], 'html']) {
      const answer = await bg.send('pageReport', { ...request, page }, SENDERS.contentScript);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });

  it("keeps every language's labels from the background's own files: a page cannot send it others", async () => {
    // A German label on a page said to be English is still kept: the background has every language.
    const page = ['html', ['lang', 'en'], ['body', [], ['span', [], 'Zustellung ausstehend'], ['b', [], 'Hans Meier']]];
    const report = (await bg.send('pageReport', { ...request, page }, SENDERS.contentScript)) as { data: PageReport };
    expect(report.data.page).toEqual([
      'html',
      ['lang', 'en'],
      ['body', [], ['span', [], 'Zustellung ausstehend'], ['b', [], 'Xxxx Xxxxx']],
    ]);
    const labels = { en: { ...(BUNDLED_LOCALE_FILES.en as object), orderStatus: { shipped: ['Hans Meier'] } } };
    expect(await bg.send('pageReport', { ...request, page, labels }, SENDERS.contentScript)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
