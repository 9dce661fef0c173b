import * as z from 'zod/mini';
import { OrderAction, PageKind } from '../model/index.ts';
import bundled from '../../rules/steps.json';
import { parseWith, type Result, type RuleIssue } from './result.ts';

/**
 * Message keys become _locales message names, which Chrome limits to ASCII letters, digits and
 * "_"; a dot or dash in a key would stop the extension from loading.
 */
export const MessageKey = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be letters, digits and _ only'));
const Text = z.string().check(z.minLength(1, 'must not be empty'));

const SourceRef = z.strictObject({
  /** A key of `sources` in the same file. */
  ref: Text,
  quote: z.string().check(z.minLength(1, 'must quote the sentence')),
});

const SourceEntry = z.strictObject({
  title: Text,
  where: Text,
  date: z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD')),
});

const Where = z.strictObject({
  page: z.union([PageKind, z.literal('any')]),
  url: z.optional(z.url()),
  /** Said to the shopper, so it names the button as AliExpress shows it. */
  click: Text,
  /** Buttons the helper may highlight on the page, by what they do. */
  highlight: z.optional(z.array(OrderAction)),
});

export const Step = z.strictObject({
  id: Text,
  key: MessageKey,
  /** English text; the UI translates by `key`. */
  text: Text,
  where: Where,
  source: SourceRef,
});
export type Step = z.output<typeof Step>;

const KeyedText = z.strictObject({ key: MessageKey, text: Text });

export const ReasonId = z.enum([
  'not-received',
  'not-as-described',
  'defective',
  'wrong-size',
  'damaged',
  'missing-parts',
]);
export type ReasonId = z.output<typeof ReasonId>;

export const Reason = z.strictObject({
  id: ReasonId,
  key: MessageKey,
  title: Text,
  evidence: z.array(KeyedText).check(z.minLength(1)),
  advice: z.array(KeyedText).check(z.minLength(1)),
  source: SourceRef,
});
export type Reason = z.output<typeof Reason>;

export const Pitfall = z.strictObject({
  id: Text,
  key: MessageKey,
  text: Text,
  source: SourceRef,
});
export type Pitfall = z.output<typeof Pitfall>;

const StepsShape = z.strictObject({
  version: z.literal(1),
  sources: z.record(z.string(), SourceEntry),
  openDispute: z.array(Step).check(z.minLength(1)),
  duringDispute: z.array(Step).check(z.minLength(1)),
  reasons: z.array(Reason),
  pitfalls: z.array(Pitfall),
});

/** What one item cannot say about itself: its source exists, keys are unique, every reason is there. */
function crossCheck(file: z.output<typeof StepsShape>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const list of ['openDispute', 'duringDispute', 'reasons', 'pitfalls'] as const) {
    file[list].forEach((item, i) => {
      if (!Object.hasOwn(file.sources, item.source.ref)) {
        issues.push({ path: `${list}.${i}.source.ref`, message: `unknown source "${item.source.ref}"` });
      }
    });
  }
  const seen = new Set<string>();
  for (const [key] of textEntries(file)) {
    if (seen.has(key)) issues.push({ path: key, message: `message key "${key}" is used twice` });
    seen.add(key);
  }
  const missing = ReasonId.options.filter((id) => !file.reasons.some((r) => r.id === id));
  if (missing.length > 0) issues.push({ path: 'reasons', message: `missing reasons: ${missing.join(', ')}` });
  return issues;
}

export type StepsFile = z.output<typeof StepsShape>;

export function loadSteps(json: unknown): Result<StepsFile> {
  const parsed = parseWith(StepsShape, json);
  if (!parsed.ok) return parsed;
  const issues = crossCheck(parsed.value);
  return issues.length === 0 ? parsed : { ok: false, errors: issues };
}

let cached: Result<StepsFile> | undefined;

/** The steps shipped with the extension, validated once. */
export function bundledSteps(): Result<StepsFile> {
  cached ??= loadSteps(bundled);
  return cached;
}

function textEntries(file: StepsFile): Array<[string, string]> {
  return [
    ...file.openDispute.map((s): [string, string] => [s.key, s.text]),
    ...file.duringDispute.map((s): [string, string] => [s.key, s.text]),
    ...file.reasons.flatMap((r): Array<[string, string]> => [
      [r.key, r.title],
      ...r.evidence.map((t): [string, string] => [t.key, t.text]),
      ...r.advice.map((t): [string, string] => [t.key, t.text]),
    ]),
    ...file.pitfalls.map((p): [string, string] => [p.key, p.text]),
  ];
}

/** Every message key the steps use with its English text, for the locale catalog. */
export function stepTexts(file: StepsFile): Record<string, string> {
  return Object.fromEntries(textEntries(file));
}
