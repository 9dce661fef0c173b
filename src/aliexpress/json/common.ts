import * as shape from '../shape.ts';
import type { Problem } from '../../model/index.ts';
import { idFromHref, problem } from '../dom/common.ts';

export { problem };

/** What one JSON reader produced; the same shape the DOM readers return. */
export interface Observations<O, D> {
  orders: O[];
  disputes: D[];
  problems: Problem[];
}

/** JSON fields are sometimes absent and sometimes null for the same thing. */
export const opt = shape.opt;

/** Ids arrive as strings, or as numbers when a component happened to be typed that way. */
export const IdLike = shape.union(shape.string(), shape.number());

/** The id in a link's query parameter (`detail.html?orderId=`), read as the DOM readers read links. */
export const paramId = (url: string | null | undefined, name: string): string | null =>
  url ? idFromHref(url, [name]) : null;

/**
 * An id as a string of digits. A number beyond 2^53 has already lost digits in JSON.parse, so it
 * is refused rather than recorded wrong.
 */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string') return /^\d{6,24}$/.test(value.trim()) ? value.trim() : null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 100000) return String(value);
  return null;
}

/** "data.orderLines[0].quantity": an issue path a maintainer can find in the saved answer. */
export function pathText(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out;
}

/** Validates and reports the first few mismatches as `json-invalid` problems with their paths. */
export function check<T>(
  schema: shape.Shape<T>,
  value: unknown,
  base: string,
  problems: Problem[],
  orderId: string | null = null,
): T | null {
  const result = shape.safeParse(schema, value);
  if (result.success) return result.data;
  for (const issue of result.error.issues.slice(0, 3)) {
    problems.push(problem('json-invalid', `${pathText(base, issue.path)}: ${issue.message}`, orderId));
  }
  return null;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What every JSON reader is told about the page it reads for. */
export interface JsonContext {
  url: string;
  /** The page's language when the caller knows it (document lang); otherwise the reader infers it. */
  locale: string | null;
  readAt: Date;
}
