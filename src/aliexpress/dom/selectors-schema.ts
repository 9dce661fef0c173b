/**
 * The schema of rules/selectors.json and its check, for whoever holds the file: the background
 * (which checks it once and hands the result to the content script), tools and tests. The
 * content script imports only selectors.ts, so no page carries this checker.
 */
import * as shape from '../shape.ts';

const Alternative = shape.strictObject({
  css: shape.string({ min: 1 }),
  /** Why this alternative exists and when it matches. */
  note: shape.string({ min: 1 }),
});
const Alternatives = shape.array(Alternative, { min: 1 });

const targets = <K extends string>(keys: readonly K[]) =>
  shape.strictObject(Object.fromEntries(keys.map((k) => [k, Alternatives])) as Record<K, typeof Alternatives>);

export const SelectorsSchema = shape.strictObject({
  orderList: targets([
    'list',
    'card',
    'status',
    'info',
    'idLink',
    'store',
    'line',
    'lineTitle',
    'lineQuantity',
    'total',
    'button',
    'progress',
  ] as const),
  orderDetail: targets([
    'status',
    'statusTitle',
    'reminder',
    'countdown',
    'statusButton',
    'store',
    'item',
    'itemTitle',
    'itemQuantity',
    'itemButton',
    'lineLink',
    'idLink',
    'infoRow',
    'infoLabel',
    'infoValue',
    'total',
  ] as const),
  disputeDetail: targets(['status', 'awaiting', 'countdown', 'button', 'reason', 'solution', 'idLink'] as const),
  disputeList: targets(['card', 'status', 'caseLink', 'idLink'] as const),
  tracking: targets(['guarantee', 'idLink'] as const),
});
export type Selectors = shape.Infer<typeof SelectorsSchema>;
export type Target = shape.Infer<typeof Alternatives>;

export type SelectorsLoad = { ok: true; selectors: Selectors } | { ok: false; message: string };

export function loadSelectors(data: unknown): SelectorsLoad {
  const parsed = SelectorsSchema.safeParse(data);
  if (parsed.success) return { ok: true, selectors: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `rules/selectors.json ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}
