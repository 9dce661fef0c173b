// Input: none beyond happy-dom's own animation frames and timers; checks the order src/ui/frame.ts
// promises (after the frame's callbacks, never before) and that cancelling stops it.
import { describe, expect, it } from 'vitest';
import { afterPaint } from '../../../src/ui/frame.ts';

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

describe('afterPaint', () => {
  it('runs after the next frame, not before', async () => {
    const seen: string[] = [];
    afterPaint(() => seen.push('after paint'));
    requestAnimationFrame(() => seen.push('frame'));
    await Promise.resolve();
    expect(seen).toEqual([]);
    await frame();
    expect(seen).toEqual(['frame', 'after paint']);
  });

  it('does not run once cancelled, before or after the frame', async () => {
    const seen: string[] = [];
    afterPaint(() => seen.push('early'))();
    const late = afterPaint(() => seen.push('late'));
    requestAnimationFrame(() => late());
    await frame();
    await frame();
    expect(seen).toEqual([]);
  });
});
