// Input: generated trace events shaped like Chromium's (a `Profile` and its `ProfileChunk`s on
// one renderer main thread, with `RunTask` and script events), to check how scripts/bench/samples.ts
// counts an extension's CPU samples, including those the trace method cannot see.
import { describe, expect, it } from 'vitest';
import { sampleCost } from '../../../scripts/bench/samples.ts';
import type { TraceEvent } from '../../../scripts/bench/trace.ts';

const EXT = 'chrome-extension://abcdefghijklmnop/';
const PID = 7;
const TID = 7;

const nodes = [
  { id: 1, callFrame: { functionName: '(root)', scriptId: 0 } },
  { id: 2, parent: 1, callFrame: { functionName: '(idle)', scriptId: 0 } },
  // The content script, named by URL.
  { id: 3, parent: 1, callFrame: { functionName: 'read', scriptId: 11, url: `${EXT}content-scripts/aliexpress.js` } },
  // The page's own code, and a MAIN-world hook it calls, named only by script id.
  {
    id: 4,
    parent: 1,
    callFrame: { functionName: 'render', scriptId: 4, url: 'http://www.aliexpress.com/p/order/index.html' },
  },
  { id: 5, parent: 4, callFrame: { functionName: 'fetch', scriptId: 12 } },
  { id: 6, parent: 5, callFrame: { functionName: 'parse', scriptId: 0 } },
];

function trace(cpu: number): TraceEvent[] {
  const event = (e: Partial<TraceEvent> & { name: string }): TraceEvent => ({
    cat: 'x',
    ph: 'X',
    pid: PID,
    tid: TID,
    ts: 0,
    ...e,
  });
  return [
    { ...event({ name: 'Profile', ph: 'P', ts: 1000 }), id: '0x1', args: { data: { startTime: 1000 } } } as TraceEvent,
    {
      ...event({ name: 'ProfileChunk', ph: 'P', ts: 1100, tid: 99 }),
      id: '0x1',
      // Samples at 1000, 1100, ..., 1700 µs: read, read, idle, render, fetch, parse (inside fetch), render, idle.
      args: {
        data: {
          cpuProfile: { nodes, samples: [3, 3, 2, 4, 5, 6, 4, 2] },
          timeDeltas: [0, 100, 100, 100, 100, 100, 100, 100],
        },
      },
    } as unknown as TraceEvent,
    // Compile events name the hook's script: that is how its id maps to the extension.
    event({
      name: 'v8.compile',
      ts: 500,
      dur: 10,
      args: { data: { url: `${EXT}content-scripts/aliexpress-tap.js`, scriptId: 12 } as never },
    }),
    // One task around everything, running `cpu` of its wall time; the trace method saw the first call only.
    event({ name: 'RunTask', ts: 1000, dur: 800, tdur: 800 * cpu }),
    event({
      name: 'FunctionCall',
      ts: 1000,
      dur: 200,
      tdur: 200,
      args: { data: { url: `${EXT}content-scripts/aliexpress.js` } },
    }),
    // Another thread's samples are not this page's.
    { ...event({ name: 'Profile', ph: 'P', ts: 1000, tid: 8 }), id: '0x2' } as TraceEvent,
  ];
}

describe('CPU-sample attribution', () => {
  it('counts every sample with the extension anywhere on the stack, hooks called by the page included', () => {
    const cost = sampleCost(trace(1), PID, TID, EXT, [trace(1)[4]!]);
    // read ×2, fetch, parse-inside-fetch: four samples of 100 µs.
    expect(cost.extensionSamples).toBe(4);
    expect(cost.extensionMs).toBeCloseTo(0.4, 6);
    // The hook's two samples fall outside the script event the trace method counted.
    expect(cost.outsideTraceMs).toBeCloseTo(0.2, 6);
    expect(cost.intervalUs).toBe(100);
  });

  it("weighs each sample by its task's thread time, so waiting for a core is not counted", () => {
    const cost = sampleCost(trace(0.5), PID, TID, EXT);
    expect(cost.extensionMs).toBeCloseTo(0.2, 6);
  });

  it('counts nothing for a page without the extension', () => {
    expect(sampleCost(trace(1), PID, TID, '').extensionMs).toBe(0);
  });
});
