// Input: generated trace events shaped like Chromium's (script events of an extension and the
// page's tasks on one thread), to check the sign scripts/bench.ts waits for before it keeps a
// page load: the extension quiet for a while when the trace ended; and the popup's events cut at
// its probe's mark.
import { describe, expect, it } from 'vitest';
import { quietAtEndMs, until, type TraceEvent } from '../../../scripts/bench/trace.ts';

const event = (name: string, ts: number, dur: number, ph = 'X'): TraceEvent => ({
  name,
  cat: 'x',
  ph,
  pid: 1,
  tid: 1,
  ts,
  dur,
});

describe('quietAtEndMs', () => {
  const extension = [event('FunctionCall', 1_000, 2_000), event('FunctionCall', 10_000, 5_000)];

  it('measures from the end of the last extension event to the end of the trace', () => {
    const events = [...extension, event('RunTask', 0, 20_000), event('RunTask', 400_000, 15_000)];
    // Last extension event ends at 15,000 µs; the trace's last event at 415,000 µs.
    expect(quietAtEndMs(events, extension)).toBe(400);
  });

  it('counts instant events as the end of the trace too', () => {
    const events = [...extension, event('TracingStartedInBrowser', 0, 0, 'I'), event('mark', 115_000, 0, 'I')];
    expect(quietAtEndMs(events, extension)).toBe(100);
  });

  it('is zero when the extension ran until the trace ended', () => {
    const events = [...extension, event('RunTask', 9_000, 6_000)];
    expect(quietAtEndMs(events, extension)).toBe(0);
  });

  it('is infinite when the extension ran nothing (no extension, or nothing to wait for)', () => {
    expect(quietAtEndMs([event('RunTask', 0, 5_000)], [])).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('until', () => {
  const mark = { ...event('rr-bench-painted', 50_000, 0, 'R'), cat: 'blink.user_timing' };
  const events = [event('RunTask', 0, 10_000), event('RunTask', 40_000, 20_000), mark, event('RunTask', 60_000, 9_000)];

  it('keeps the events that started before the mark, a task it falls in whole', () => {
    expect(until(events, 'rr-bench-painted').map((e) => e.ts)).toEqual([0, 40_000, 50_000]);
  });

  it('keeps everything when the page set no such mark', () => {
    expect(until(events, 'another-mark')).toHaveLength(4);
  });

  it('takes only the page’s marks, not another event of the same name', () => {
    const other = [event('rr-bench-painted', 5_000, 1_000), ...events];
    expect(until(other, 'rr-bench-painted')).toHaveLength(4);
  });
});
