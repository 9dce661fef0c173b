// Input: promises made in the test (resolved, rejected, late) under vitest's fake timers; checks
// how long the popup's first opening waits for the background before drawing its placeholder.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { within } from '../../../src/ui/within.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('within', () => {
  it('gives the answer when it comes in time', async () => {
    const result = within(new Promise((r) => setTimeout(() => r('answer'), 100)), 150);
    await vi.advanceTimersByTimeAsync(100);
    await expect(result).resolves.toBe('answer');
  });

  it('gives null when the answer is late, without waiting for it', async () => {
    const result = within(new Promise((r) => setTimeout(() => r('late'), 400)), 150);
    await vi.advanceTimersByTimeAsync(150);
    await expect(result).resolves.toBeNull();
  });

  it('gives null, not a rejection, when the answer fails', async () => {
    await expect(within(Promise.reject(new Error('no background')), 150)).resolves.toBeNull();
  });
});
