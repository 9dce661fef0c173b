/**
 * The extension's main-thread time counted from V8's CPU samples in the same trace
 * (`ProfileChunk` events of `disabled-by-default-v8.cpu_profiler`): every sample whose stack
 * holds one of the extension's functions, at any depth, counts. So time in the extension's
 * MAIN-world hooks called by the page (the tap's `fetch` and JSON wrappers: their frames carry
 * the extension's script URL, `…/content-scripts/aliexpress-tap.js`), in promise callbacks and
 * in microtasks counts too, where the trace method (`trace.ts`) sees only the top-level script
 * events that name the extension's script.
 *
 * A sample stands for the time until the next one, but on a loaded machine the sampler itself
 * waits for a core, so that gap is wall time and can be long. Each sample's gap is therefore
 * cut at the end of the task it fell in and scaled by that task's thread time / wall time
 * (`tdur / dur`): the same thread time the trace method counts. Samples outside any task are idle.
 */
import type { TraceEvent } from './trace.ts';

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; scriptId?: number | string; functionName?: string };
}
interface ChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}
type Event = TraceEvent & { id?: string; tts?: number };

export interface SampleCost {
  /** Thread time of samples with one of the extension's frames on the stack, ms. */
  extensionMs: number;
  /** The part of it outside the script events the trace method counts (hooks, callbacks the trace does not name), ms. */
  outsideTraceMs: number;
  /** Samples with the extension on the stack. */
  extensionSamples: number;
  /** Median gap between samples, µs: the count's resolution. */
  intervalUs: number;
}

/**
 * The samples of the `pid`/`tid` thread (the page's renderer main thread). `traced` are the
 * extension's script events the trace method counted, to tell which samples it missed.
 */
export function sampleCost(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  urlPrefix: string,
  traced: readonly TraceEvent[] = [],
): SampleCost {
  const all = events as readonly Event[];
  // A profile is announced by a `Profile` event on the thread it samples; its chunks share its id.
  const profiles = all.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const ids = new Set(profiles.map((e) => e.id));
  const chunks = all
    .filter((e) => e.name === 'ProfileChunk' && e.pid === pid && ids.has(e.id))
    .sort((a, b) => a.ts - b.ts);
  // Nodes name their script by id, and by URL only sometimes: the trace's compile events map ids to URLs.
  const ownScripts = new Set<string>();
  for (const e of all) {
    const data = e.args?.data as { scriptId?: number | string; url?: string } | undefined;
    // Script id 0 is no script (V8's own nodes: root, program, idle, GC); some events carry it.
    const id = String(data?.scriptId ?? 0);
    if (e.pid === pid && id !== '0' && urlPrefix && (data?.url ?? '').startsWith(urlPrefix)) ownScripts.add(id);
  }
  const parent = new Map<number, number | undefined>();
  const own = new Map<number, boolean>();
  const times: number[] = [];
  const nodes: number[] = [];
  let t = (profiles[0]?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0;
  for (const chunk of chunks) {
    const data = (chunk.args as { data?: ChunkData } | undefined)?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) {
      parent.set(n.id, n.parent);
      const url = n.callFrame.url ?? '';
      own.set(
        n.id,
        Boolean(urlPrefix) &&
          (url.startsWith(urlPrefix) ||
            (n.callFrame.scriptId !== undefined && ownScripts.has(String(n.callFrame.scriptId)))),
      );
    }
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    samples.forEach((node, i) => {
      t += deltas[i] ?? 0;
      times.push(t);
      nodes.push(node);
    });
  }
  const memo = new Map<number, boolean>();
  const onStack = (id: number): boolean => {
    const path: number[] = [];
    let at: number | undefined = id;
    let found = false;
    while (at !== undefined) {
      const known = memo.get(at);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(at);
      if (own.get(at)) {
        found = true;
        break;
      }
      at = parent.get(at);
    }
    for (const p of path) memo.set(p, found);
    return found;
  };

  const tasks = all
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid)
    .sort((a, b) => a.ts - b.ts);
  const spans = [...traced].sort((a, b) => a.ts - b.ts);
  let task = 0;
  let span = 0;
  let extensionUs = 0;
  let outsideUs = 0;
  let extensionSamples = 0;
  const gaps: number[] = [];
  for (let i = 0; i + 1 < times.length; i++) {
    const at = times[i]!;
    gaps.push(times[i + 1]! - at);
    if (!onStack(nodes[i]!)) continue;
    while (task < tasks.length && tasks[task]!.ts + (tasks[task]!.dur ?? 0) <= at) task++;
    const within = tasks[task];
    if (!within || within.ts > at) continue;
    const wall = within.dur ?? 0;
    const cpu = wall > 0 ? Math.min(1, (within.tdur ?? wall) / wall) : 0;
    const weight = (Math.min(times[i + 1]!, within.ts + wall) - at) * cpu;
    extensionSamples++;
    extensionUs += weight;
    while (span < spans.length && spans[span]!.ts + (spans[span]!.dur ?? 0) <= at) span++;
    const s = spans[span];
    if (!s || s.ts > at) outsideUs += weight;
  }
  gaps.sort((a, b) => a - b);
  return {
    extensionMs: extensionUs / 1000,
    outsideTraceMs: outsideUs / 1000,
    extensionSamples,
    intervalUs: gaps.length ? gaps[Math.floor(gaps.length / 2)]! : 0,
  };
}
