import type { Problem } from '../../model/index.ts';
import { isDisputeApi } from '../tap-protocol.ts';
import { isRecord, problem, type JsonContext } from './common.ts';
import { readDisputeAnswer } from './dispute.ts';
import { LOGISTICS_API, readLogistics } from './logistics.ts';
import { ORDER_DETAIL_API, readOrderDetail } from './order-detail.ts';
import { ORDER_LIST_API, readOrderList, type JsonRead } from './order-list.ts';
import { readRefundList, REFUND_LIST_API } from './refund-list.ts';
import { tagOf, unwrapGraph } from './ultron.ts';

export type { JsonContext } from './common.ts';
export type { JsonRead } from './order-list.ts';
export { LOGISTICS_API, ORDER_DETAIL_API, ORDER_LIST_API, REFUND_LIST_API };
export { answerBelongsTo } from './belongs.ts';

/** The mtop APIs whose answers we read, keyed by their lower-case name. */
export const READERS: Readonly<Record<string, (json: unknown, ctx: JsonContext) => JsonRead>> = {
  [ORDER_LIST_API]: readOrderList,
  [ORDER_DETAIL_API]: readOrderDetail,
  [REFUND_LIST_API]: readRefundList,
  [LOGISTICS_API]: readLogistics,
};

export const READ_APIS: readonly string[] = Object.keys(READERS);

/** The API an answer came from: its own `api` field, else its shape (a saved answer may lack the envelope). */
export function guessApi(json: unknown): string | null {
  if (isRecord(json) && typeof json.api === 'string' && json.api.trim()) return json.api.trim().toLowerCase();
  const { graph } = unwrapGraph(json);
  // By the components' own tags: keys are spelled differently between answers and a "View
  // orders" page may come without a hierarchy.
  if (isRecord(graph) && isRecord(graph.data)) {
    const data = graph.data;
    const tags = Object.keys(data).map((k) => tagOf(k, data[k]));
    if (tags.some((t) => t.startsWith('pc_om_list_'))) return ORDER_LIST_API;
    if (tags.some((t) => t.startsWith('detail_'))) return ORDER_DETAIL_API;
  }
  const body = isRecord(json) && isRecord(json.data) ? json.data : json;
  if (isRecord(body) && isRecord(body.module) && Array.isArray(body.module.items)) return REFUND_LIST_API;
  if (isRecord(body) && isRecord(body.module) && 'trackingDetailLineList' in body.module) return LOGISTICS_API;
  return null;
}

/**
 * Reads one mtop answer: a known API by its reader, one named for disputes, refunds or returns by
 * the reader that finds dispute fields by name. Any other answer is left unread with one
 * `unknown-answer` problem naming its API. Never throws.
 */
export function readJson(json: unknown, api: string | undefined | null, ctx: JsonContext): JsonRead {
  const name = (api ?? guessApi(json))?.trim().toLowerCase() ?? null;
  const known = name && Object.hasOwn(READERS, name) ? READERS[name]! : null;
  const reader =
    known ?? (name && isDisputeApi(name) ? (j: unknown, c: JsonContext) => readDisputeAnswer(j, c, name) : null);
  if (!reader) {
    // A saved answer's own `api` field can be any length; a name is never this long.
    const problems: Problem[] = [problem('unknown-answer', name?.slice(0, 120) ?? '(unknown)', null)];
    return { orders: [], disputes: [], problems, locale: ctx.locale };
  }
  try {
    return reader(json, ctx);
  } catch (error) {
    // A reader bug must not cost the page its snapshot; say where it happened instead.
    const detail = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    return { orders: [], disputes: [], problems: [problem('json-invalid', detail, null)], locale: ctx.locale };
  }
}
