/**
 * Main-thread cost of a page load from a Chromium trace, and how much of it is the extension's.
 *
 * Time is thread time (`tdur`) wherever the trace has it: the bench shares two cores with other
 * work, and wall time would charge the page with time it spent waiting for a core.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; frame?: string }; beginData?: { frame?: string }; fileName?: string; name?: string };
}

// blink.user_timing: performance.mark() calls, for `until`.
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  '__metadata',
];
/**
 * V8's CPU samples (ProfileChunk), for the count in samples.ts that also sees hooks and callbacks.
 * Starting the profiler costs every new context 50-80 ms of main thread (`CpuProfiler::StartProfiling`),
 * so only the page loads that need the count ask for it, and that time is in no one's share.
 */
const SAMPLES = 'disabled-by-default-v8.cpu_profiler';

export async function startTrace(
  cdp: CDPSession,
  options: { samples?: boolean } = {},
): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: options.samples ? [...CATEGORIES, SAMPLES] : CATEGORIES,
      recordMode: 'recordAsMuchAsPossible',
    },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

export interface MainThreadCost {
  /** Every top-level task on the page's main thread, ms. */
  busyMs: number;
  /** The part spent in the extension's scripts (compile, evaluate, callbacks), ms. */
  extensionMs: number;
  /** Tasks over 50 ms. */
  longTasks: number;
  /** Long tasks that would have stayed under 50 ms without the extension's part of them. */
  longTasksByExtension: number;
  /** Long tasks the extension's code ran in at all. */
  longTasksWithExtension: number;
  /** The longest of the extension's own stretches inside one task, ms. */
  longestExtensionMs: number;
  /** The extension's outermost script events counted in `extensionMs` (for samples.ts). */
  extensionEvents: TraceEvent[];
}

const LONG_TASK_MS = 50;
// Events that carry the script they run: evaluating a content script, calling into it, compiling it.
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run', 'v8.callFunction']);

const ms = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
const scriptUrl = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';

/** The renderer main thread that parsed `frameId`'s document. */
export function mainThreadOf(events: TraceEvent[], frameId: string): { pid: number; tid: number } {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.frame === frameId);
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const any = events.find((e) => e.args?.data?.frame === frameId);
  if (any) return { pid: any.pid, tid: any.tid };
  throw new Error(`the trace has no event for frame ${frameId}`);
}

export function mainThreadCost(events: TraceEvent[], frameId: string, extensionId: string): MainThreadCost {
  const { pid, tid } = mainThreadOf(events, frameId);
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const prefix = `chrome-extension://${extensionId}/`;

  // Outermost only: a FunctionCall inside the extension's EvaluateScript is already counted.
  const tasks: TraceEvent[] = [];
  const ext: TraceEvent[] = [];
  for (const e of onMain) {
    if (e.name === 'RunTask') {
      const last = tasks.at(-1);
      if (!last || e.ts >= end(last)) tasks.push(e);
    } else if (extensionId && SCRIPT_EVENTS.has(e.name) && scriptUrl(e).startsWith(prefix)) {
      const last = ext.at(-1);
      if (!last || e.ts >= end(last)) ext.push(e);
    }
  }

  const profilerMs = onMain.filter((e) => e.name === 'CpuProfiler::StartProfiling').reduce((sum, e) => sum + ms(e), 0);
  let longTasks = 0;
  let longTasksByExtension = 0;
  let longTasksWithExtension = 0;
  let longestExtensionMs = 0;
  let i = 0;
  for (const task of tasks) {
    let inside = 0;
    while (i < ext.length && ext[i]!.ts < task.ts) i++;
    for (let j = i; j < ext.length && ext[j]!.ts < end(task); j++) inside += ms(ext[j]!);
    longestExtensionMs = Math.max(longestExtensionMs, inside);
    if (ms(task) <= LONG_TASK_MS) continue;
    longTasks++;
    if (inside > 0) longTasksWithExtension++;
    if (inside > 0 && ms(task) - inside <= LONG_TASK_MS) longTasksByExtension++;
  }
  return {
    // Starting the sampler (when the trace asked for samples) is the bench's own cost, not the page's.
    busyMs: tasks.reduce((sum, t) => sum + ms(t), 0) - profilerMs,
    extensionMs: ext.reduce((sum, e) => sum + ms(e), 0),
    longTasks,
    longTasksByExtension,
    longTasksWithExtension,
    longestExtensionMs,
    extensionEvents: ext,
  };
}

/** Thread time of each call into `url` from a task (timers, events) in `frameId`, in order, ms. */
export function scriptCallTimes(events: TraceEvent[], frameId: string, url: string): number[] {
  return events
    .filter((e) => e.name === 'FunctionCall' && e.args?.data?.url === url && e.args.data.frame === frameId)
    .sort((a, b) => a.ts - b.ts)
    .map(ms);
}

/**
 * How long the extension had been quiet when the trace ended: from the end of its last script
 * event to the trace's last event, ms (Infinity when it ran nothing). The bench's sign that a
 * load's trace holds all the extension's work, rather than a fixed wait long enough for a loaded machine.
 */
export function quietAtEndMs(events: readonly TraceEvent[], extensionEvents: readonly TraceEvent[]): number {
  if (!extensionEvents.length) return Number.POSITIVE_INFINITY;
  let traceEnd = 0;
  for (const e of events) if (e.ph === 'X' || e.ph === 'I' || e.ph === 'i') traceEnd = Math.max(traceEnd, end(e));
  const lastExtension = Math.max(...extensionEvents.map(end));
  return (traceEnd - lastExtension) / 1000;
}

/**
 * The events that started before the page's first `performance.mark(name)`: the popup's main-thread
 * time up to its painted list, not the work it does after (the rest of its cards, its reminders),
 * which the trace also holds because it is stopped later. All of them when there is no such mark.
 */
export function until(events: TraceEvent[], name: string): TraceEvent[] {
  const mark = events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  return mark ? events.filter((e) => e.ts <= mark.ts) : events;
}
