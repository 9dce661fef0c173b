import { describe, expect, it } from 'vitest';
import bundled from '../../../../rules/selectors.json';
import { $all, $optional, $required, $union, SELECTORS } from '../../../../src/aliexpress/dom/selectors.ts';
import { loadSelectors } from '../../../../src/aliexpress/dom/selectors-schema.ts';
import { ALL_PAGES, loadFixture } from './fixtures.ts';

const docs = ALL_PAGES.filter((p) => p.lang === 'en' || p.lang === 'ru').map(loadFixture);

describe('rules/selectors.json', () => {
  it('validates', () => {
    expect(SELECTORS.ok).toBe(true);
  });

  const alternatives = Object.entries(bundled).flatMap(([page, targets]) =>
    Object.entries(targets).flatMap(([target, alts]) =>
      (alts as Array<{ css: string; note: string }>).map((alt) => [`${page}.${target}: ${alt.css}`, alt] as const),
    ),
  );

  it.each(alternatives)('%s matches something in a page fixture', (_, alt) => {
    expect(alt.note.length).toBeGreaterThan(10);
    expect(docs.some((f) => f.doc.querySelector(alt.css) !== null)).toBe(true);
  });

  it('never matches hashed class names exactly: CSS-module hashes change on every deploy', () => {
    for (const [name, alt] of alternatives) {
      expect(alt.css, name).not.toMatch(/\.[\w-]+--[\w]+--[\w]{5,}/);
    }
  });

  it('never uses positional selectors, which broke other tools at each redesign', () => {
    for (const [name, alt] of alternatives) expect(alt.css, name).not.toMatch(/nth-|:first|:last|>\s*div\s*>/);
  });

  it('says which file and key is wrong when the rules are broken', () => {
    const broken = structuredClone(bundled) as { orderList: Record<string, unknown> };
    delete broken.orderList.card;
    expect(loadSelectors(broken)).toEqual({ ok: false, message: expect.stringContaining('orderList.card') });
    expect(loadSelectors({ ...bundled, orderList: { ...bundled.orderList, card: [] } }).ok).toBe(false);
  });
});

describe('queries', () => {
  const doc = new DOMParser().parseFromString(
    '<div class="a"><span class="b">1</span><span class="c">2</span><span class="c">3</span></div>',
    'text/html',
  );
  const t = (...css: string[]) => css.map((c) => ({ css: c, note: 'test alternative' }));

  it('$optional tries the alternatives in order and gives undefined when none matches', () => {
    expect($optional(doc, t('.zzz', '.c'))?.textContent).toBe('2');
    expect($optional(doc, t('.zzz'))).toBeUndefined();
  });

  it('$required names what is missing instead of throwing', () => {
    expect($required(doc, t('.b'), 'x.b').el?.textContent).toBe('1');
    expect($required(doc, t('.zzz'), 'x.zzz', '123456')).toEqual({
      problem: { code: 'field-missing', detail: 'x.zzz', orderId: '123456' },
    });
  });

  it('$all takes the first alternative that finds any; $union merges them all', () => {
    expect($all(doc, t('.zzz', '.c', '.b')).map((e) => e.textContent)).toEqual(['2', '3']);
    expect($union(doc, t('.c', '.b', '.c')).map((e) => e.textContent)).toEqual(['2', '3', '1']);
  });

  it('treats a selector the engine rejects as no match', () => {
    expect($optional(doc, t('[[[', '.b'))?.textContent).toBe('1');
    expect($all(doc, t('[[['))).toEqual([]);
  });
});
