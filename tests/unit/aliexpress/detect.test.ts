import { describe, expect, it } from 'vitest';
import { PageKind } from '../../../src/model/index.ts';
import { detectPage, detectors } from '../../../src/aliexpress/detect.ts';
import { DETECTOR_EXAMPLES, otherExamples } from '../../../src/aliexpress/detect-examples.ts';

describe('detectPage', () => {
  const all = detectors.flatMap((d) => DETECTOR_EXAMPLES[d.kind].map((url) => ({ owner: d.kind, url })));

  it('has a detector with examples for every page kind but other', () => {
    const kinds = new Set(detectors.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(PageKind.options.filter((k) => k !== 'other').sort());
    for (const d of detectors) expect(DETECTOR_EXAMPLES[d.kind].length, d.kind).toBeGreaterThanOrEqual(2);
  });

  for (const d of detectors) {
    it(`${d.kind} accepts its own examples and no other detector's`, () => {
      for (const { owner, url } of all) {
        expect(d.test(new URL(url)), `${d.kind} on ${url}`).toBe(owner === d.kind);
      }
    });
  }

  it('gives each example exactly one kind', () => {
    for (const { owner, url } of all) {
      const matching = detectors.filter((d) => d.test(new URL(url))).map((d) => d.kind);
      expect(matching, url).toEqual([owner]);
      expect(detectPage(url)).toBe(owner);
    }
  });

  it('gives other for non-AliExpress, aliexpress.ru, look-alike hosts and garbage', () => {
    for (const url of otherExamples) {
      expect(detectPage(url), url).toBe('other');
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        // Unparseable strings only go through detectPage.
      }
      if (parsed) for (const d of detectors) expect(d.test(parsed), `${d.kind} on ${url}`).toBe(false);
    }
  });

  it('accepts a URL object as well as a string', () => {
    expect(detectPage(new URL('https://pt.aliexpress.com/p/order/index.html'))).toBe('order-list');
  });
});
