import { z } from 'zod';
import { OrderAction, PageKind } from '../model/index.ts';
import bundled from '../../rules/steps.json';
import { parseWith, type Result } from './result.ts';

/**
 * Message keys become _locales message names, which Chrome limits to ASCII letters, digits and
 * "_"; a dot or dash in a key would stop the extension from loading.
 */
export const MessageKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be letters, digits and _ only');

const SourceRef = z.strictObject({
  /** A key of `sources` in the same file. */
  ref: z.string().min(1),
  quote: z.string().min(1, 'must quote the sentence'),
});

const SourceEntry = z.strictObject({
  title: z.string().min(1),
  where: z.string().min(1),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD'),
});

const Where = z.strictObject({
  page: z.union([PageKind, z.literal('any')]),
  url: z.url().optional(),
  /** Said to the shopper, so it names the button as AliExpress shows it. */
  click: z.string().min(1),
  /** Buttons the helper may highlight on the page, by what they do. */
  highlight: z.array(OrderAction).optional(),
});

export const Step = z.strictObject({
  id: z.string().min(1),
  key: MessageKey,
  /** English text; the UI translates by `key`. */
  text: z.string().min(1),
  where: Where,
  source: SourceRef,
});
export type Step = z.infer<typeof Step>;

const Text = z.strictObject({ key: MessageKey, text: z.string().min(1) });

export const ReasonId = z.enum([
  'not-received',
  'not-as-described',
  'defective',
  'wrong-size',
  'damaged',
  'missing-parts',
]);
export type ReasonId = z.infer<typeof ReasonId>;

export const Reason = z.strictObject({
  id: ReasonId,
  key: MessageKey,
  title: z.string().min(1),
  evidence: z.array(Text).min(1),
  advice: z.array(Text).min(1),
  source: SourceRef,
});
export type Reason = z.infer<typeof Reason>;

export const Pitfall = z.strictObject({
  id: z.string().min(1),
  key: MessageKey,
  text: z.string().min(1),
  source: SourceRef,
});
export type Pitfall = z.infer<typeof Pitfall>;

export const StepsFile = z
  .strictObject({
    version: z.literal(1),
    sources: z.record(z.string(), SourceEntry),
    openDispute: z.array(Step).min(1),
    duringDispute: z.array(Step).min(1),
    reasons: z.array(Reason),
    pitfalls: z.array(Pitfall),
  })
  .superRefine((file, ctx) => {
    const refs = (['openDispute', 'duringDispute', 'reasons', 'pitfalls'] as const).flatMap((list) =>
      file[list].map((item, i) => ({ path: [list, i, 'source', 'ref'], ref: item.source.ref })),
    );
    for (const { path, ref } of refs) {
      if (!Object.hasOwn(file.sources, ref)) ctx.addIssue({ code: 'custom', path, message: `unknown source "${ref}"` });
    }
    const keys = Object.keys(stepTexts(file)).length;
    const all = countKeys(file);
    if (keys !== all) ctx.addIssue({ code: 'custom', path: [], message: 'message keys must be unique' });
    const missing = ReasonId.options.filter((id) => !file.reasons.some((r) => r.id === id));
    if (missing.length > 0)
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: `missing reasons: ${missing.join(', ')}` });
  });
export type StepsFile = z.infer<typeof StepsFile>;

export function loadSteps(json: unknown): Result<StepsFile> {
  return parseWith(StepsFile, json);
}

let cached: Result<StepsFile> | undefined;

/** The steps shipped with the extension, validated once. */
export function bundledSteps(): Result<StepsFile> {
  cached ??= loadSteps(bundled);
  return cached;
}

function countKeys(file: { openDispute: unknown[]; duringDispute: unknown[]; reasons: Reason[]; pitfalls: unknown[] }) {
  const perReason = file.reasons.reduce((n, r) => n + 1 + r.evidence.length + r.advice.length, 0);
  return file.openDispute.length + file.duringDispute.length + perReason + file.pitfalls.length;
}

/** Every message key the steps use with its English text, for the locale catalog. */
export function stepTexts(file: Omit<StepsFile, 'version' | 'sources'>): Record<string, string> {
  const entries: Array<[string, string]> = [
    ...file.openDispute.map((s): [string, string] => [s.key, s.text]),
    ...file.duringDispute.map((s): [string, string] => [s.key, s.text]),
    ...file.reasons.flatMap((r): Array<[string, string]> => [
      [r.key, r.title],
      ...r.evidence.map((t): [string, string] => [t.key, t.text]),
      ...r.advice.map((t): [string, string] => [t.key, t.text]),
    ]),
    ...file.pitfalls.map((p): [string, string] => [p.key, p.text]),
  ];
  return Object.fromEntries(entries);
}
