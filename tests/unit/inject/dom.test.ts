import { describe, expect, it, vi } from 'vitest';
import { el } from '../../../src/inject/dom.ts';
import { untrusted } from '../setup/trusted-events.ts';

describe('el: the helper builds its elements directly', () => {
  it('puts text in as text, never as markup', () => {
    const p = el('p', { title: '"><b>x</b>' }, '<img src=x onerror="alert(1)">', ' and more');
    expect(p.children).toHaveLength(0);
    expect(p.textContent).toBe('<img src=x onerror="alert(1)"> and more');
    expect(p.getAttribute('title')).toBe('"><b>x</b>');
  });

  it('sets attributes, skips absent ones, wires handlers and sets value as a property', () => {
    const onClick = vi.fn();
    const b = el('button', { type: 'button', 'aria-expanded': 'false', hidden: false, disabled: true, onClick });
    b.dispatchEvent(new Event('click'));
    expect(onClick).toHaveBeenCalledOnce();
    expect(b.getAttribute('aria-expanded')).toBe('false');
    expect(b.hasAttribute('hidden')).toBe(false);
    expect(b.getAttribute('disabled')).toBe('');
    const area = el('textarea', { value: 'draft' });
    expect(area.value).toBe('draft');
  });

  it('ignores events a page script dispatches: only the shopper’s own input calls a handler', () => {
    const onClick = vi.fn();
    const onKeyDown = vi.fn();
    const b = el('button', { type: 'button', onClick, onKeyDown });
    b.dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true })));
    b.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(onClick).not.toHaveBeenCalled();
    expect(onKeyDown).not.toHaveBeenCalled();
    b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('leaves out null, undefined and false children', () => {
    const d = el('div', {}, null, 'a', undefined, false, el('span', {}, 'b'));
    expect(d.childNodes).toHaveLength(2);
    expect(d.textContent).toBe('ab');
  });
});
