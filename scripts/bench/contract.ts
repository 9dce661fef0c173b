/**
 * The contract of bench-results.json (issue 17), kept stable for the tools that read it. The bench
 * checks its own output against it before writing; tests/unit/bench/contract.test.ts checks the
 * schema and the targets on a small sample. Fields beyond these may be added; these never change
 * meaning or move.
 */
import { z } from 'zod';

/** Every figure is a spread over the runs (scripts/bench/stats.ts). */
export const SummarySchema = z.object({
  median: z.number(),
  min: z.number(),
  max: z.number(),
  q1: z.number(),
  q3: z.number(),
  n: z.number().int().positive(),
});

const orders = z.number().int().positive();

export const OverheadSchema = z.looseObject({
  orders,
  /** Refund Radar's main-thread time per My orders load, from CPU samples. */
  extensionMs: SummarySchema,
  /** The floor reference extension's, in the same run. */
  floorMs: SummarySchema,
  /** The trace method alone and the CPU-sample count alone, for both (README "Reproduce"). */
  extensionTraceMs: SummarySchema,
  floorTraceMs: SummarySchema,
  extensionSampleMs: SummarySchema,
  floorSampleMs: SummarySchema,
  heapAddedBytes: z.number(),
  longTasksByExtension: SummarySchema,
  /**
   * The features' floor (the floor with Refund Radar's tap and Start buttons, reading no more than
   * the floor), in the same run; absent from runs before it was measured.
   */
  featuresFloorMs: SummarySchema.optional(),
  featuresFloorHeapAddedBytes: z.number().optional(),
});

export const ReadSchema = z.looseObject({ orders, coldMs: SummarySchema, warmMs: SummarySchema });

const IngestRunSchema = z.looseObject({ orders, newMs: SummarySchema, unchangedMs: SummarySchema });
export const IngestSchema = z.looseObject({
  orders,
  newMs: SummarySchema,
  unchangedMs: SummarySchema,
  sizes: z.array(IngestRunSchema).min(1),
});

export const PopupSchema = z.looseObject({
  orders,
  /** Whether the popup had its last opening's first screen to draw from. */
  cached: z.boolean(),
  paintMs: SummarySchema,
  /** The empty popup (one line), opened the same way in the same run. */
  emptyPaintMs: SummarySchema,
});

/** How a figure grows from a small size to a large one (`large / small`, medians). */
export const GrowthSchema = z.object({
  figure: z.string(),
  from: orders,
  to: orders,
  /** Refund Radar's figure at each size, and how many times larger at `to`. */
  small: z.number(),
  large: z.number(),
  factor: z.number(),
  /** The floor's growth of the same figure, where there is a floor. */
  floorFactor: z.number().nullable(),
});

export const TargetSchema = z.object({
  target: z.string(),
  /** The measured figure: a ratio, ms, bytes or a count, as `unit` says. */
  value: z.number(),
  limit: z.number(),
  unit: z.enum(['ratio', 'ms', 'bytes', 'count']),
  pass: z.boolean(),
});

export const BenchResultsSchema = z.looseObject({
  date: z.string(),
  commit: z.string().nullable(),
  chromium: z.string().nullable(),
  runs: z.number().int().positive(),
  seconds: z.number(),
  overhead: z.array(OverheadSchema).optional(),
  read: z.array(ReadSchema).optional(),
  ingest: IngestSchema.optional(),
  popup: z.array(PopupSchema).optional(),
  growth: z.array(GrowthSchema),
  targets: z.array(TargetSchema),
});
export type BenchResults = z.infer<typeof BenchResultsSchema>;

/** A full run (no `--only`) carries every section. */
export const CompleteResultsSchema = BenchResultsSchema.extend({
  overhead: z.array(OverheadSchema).min(1),
  read: z.array(ReadSchema).min(1),
  ingest: IngestSchema,
  popup: z.array(PopupSchema).min(1),
});

/** Throws, naming every field that breaks the contract. */
export function checkResults(results: unknown, complete: boolean): BenchResults {
  const parsed = (complete ? CompleteResultsSchema : BenchResultsSchema).safeParse(results);
  if (!parsed.success)
    throw new Error(
      `bench-results.json would break its contract: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
