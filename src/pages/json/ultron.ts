import * as z from '../shape.ts';
import type { Problem } from '../../model/index.ts';
import { check, isRecord } from './common.ts';

/**
 * The order list and detail answers are "Ultron" component graphs: business data in
 * `data[<tag>_<id>].fields`, display order only in `hierarchy.structure` (the object's key order
 * is shuffled between answers).
 */
const Graph = z.object({
  data: z.record(z.unknown()),
  hierarchy: z.object({
    root: z.opt(z.string()),
    structure: z.record(z.array(z.string())),
  }),
});

const Component = z.object({
  tag: z.opt(z.string()),
  fields: z.opt(z.unknown()),
});

export interface UltronComponent {
  key: string;
  tag: string;
  fields: unknown;
}

/** The graph may come as the whole mtop answer (`{api, data: {...}, ret}`) or as its `data`. */
export function unwrapGraph(json: unknown): { graph: unknown; base: string } {
  if (isRecord(json) && isRecord(json.data) && 'hierarchy' in json.data) return { graph: json.data, base: 'data' };
  return { graph: json, base: '' };
}

const tagOfKey = (key: string) => key.replace(/_[^_]+$/, '');

/** Components in display order: a depth-first walk of `hierarchy.structure`, unreached ones after. */
export function orderedComponents(json: unknown, problems: Problem[]): UltronComponent[] | null {
  const { graph, base } = unwrapGraph(json);
  const parsed = check(Graph, graph, base, problems);
  if (!parsed) return null;
  const { structure } = parsed.hierarchy;
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string, depth: number) => {
    // A cycle or absurd depth in a hostile answer must not hang the page.
    if (seen.has(key) || depth > 64) return;
    seen.add(key);
    order.push(key);
    for (const child of Object.hasOwn(structure, key) ? (structure[key] ?? []) : []) visit(child, depth + 1);
  };
  const roots = parsed.hierarchy.root ? [parsed.hierarchy.root] : [];
  for (const root of [...roots, ...Object.keys(structure)]) visit(root, 0);
  for (const key of Object.keys(parsed.data)) if (!seen.has(key)) order.push(key);

  const out: UltronComponent[] = [];
  for (const key of order) {
    if (!Object.hasOwn(parsed.data, key)) continue;
    const c = check(Component, parsed.data[key], `${base ? base + '.' : ''}data.${key}`, problems);
    if (c) out.push({ key, tag: c.tag ?? tagOfKey(key), fields: c.fields });
  }
  return out;
}

export const byTag = (components: readonly UltronComponent[], tag: string) => components.filter((c) => c.tag === tag);
