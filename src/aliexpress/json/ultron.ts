import type { Problem } from '../../model/index.ts';
import { isRecord, problem } from './common.ts';

/**
 * The order list and detail answers are "Ultron" component graphs: business data in
 * `data[<key>].fields`, display order only in `hierarchy.structure` (the object's key order is
 * shuffled between answers). What a component is comes from its own `tag` (or `type`): keys have
 * been seen as `pc_om_list_order_<id>` and as `order_<id>`, and a "View orders" page-2 answer
 * (`renderType: "append"`) may come without a hierarchy or without the header and body.
 */
export interface UltronComponent {
  key: string;
  tag: string;
  fields: unknown;
}

/** An mtop envelope's `data` is the graph when it holds the components map or the hierarchy. */
const isGraph = (value: unknown) => isRecord(value) && ('hierarchy' in value || isRecord(value.data));

/** The graph may come as the whole mtop answer (`{api, data: {...}, ret}`) or as its `data`. */
export function unwrapGraph(json: unknown): { graph: unknown; base: string } {
  if (isRecord(json) && isGraph(json.data)) return { graph: json.data, base: 'data' };
  return { graph: json, base: '' };
}

const tagOfKey = (key: string) => key.replace(/_[^_]+$/, '');

/** A component's own `tag`, else its `type`; only a component with neither is known by its key. */
export function tagOf(key: string, component: unknown): string {
  const c = isRecord(component) ? component : {};
  return typeof c.tag === 'string' && c.tag ? c.tag : typeof c.type === 'string' && c.type ? c.type : tagOfKey(key);
}

/**
 * Keys in display order: a depth-first walk of `hierarchy.structure` from its root. Children that
 * are not strings are skipped; the structure only orders the cards, so a broken one costs the
 * order, never a component.
 */
function structureOrder(hierarchy: Record<string, unknown>): string[] {
  const structure = isRecord(hierarchy.structure) ? hierarchy.structure : {};
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string, depth: number) => {
    // A cycle or absurd depth in a hostile answer must not hang the page.
    if (seen.has(key) || depth > 64) return;
    seen.add(key);
    order.push(key);
    const children = Object.hasOwn(structure, key) ? structure[key] : null;
    if (Array.isArray(children)) for (const child of children) if (typeof child === 'string') visit(child, depth + 1);
  };
  const roots = typeof hierarchy.root === 'string' ? [hierarchy.root] : [];
  for (const root of [...roots, ...Object.keys(structure)]) visit(root, 0);
  return order;
}

/**
 * Components in display order: the hierarchy's when there is one, then every component it does not
 * reach in the `data` object's own order (all of them when the hierarchy is missing, which is no
 * problem: the components carry everything the readers need).
 */
export function orderedComponents(json: unknown, problems: Problem[]): UltronComponent[] | null {
  const { graph, base } = unwrapGraph(json);
  const at = (path: string) => (base ? `${base}.${path}` : path);
  if (!isRecord(graph) || !isRecord(graph.data)) {
    problems.push(problem('json-invalid', `${at('data')}: expected object`));
    return null;
  }
  const data = graph.data;
  const { hierarchy } = graph;
  if (hierarchy != null && !isRecord(hierarchy)) {
    problems.push(problem('json-invalid', `${at('hierarchy')}: expected object`));
  }
  const order = isRecord(hierarchy) ? structureOrder(hierarchy) : [];
  const reached = new Set(order);
  for (const key of Object.keys(data)) if (!reached.has(key)) order.push(key);

  const out: UltronComponent[] = [];
  for (const key of order) {
    if (!Object.hasOwn(data, key)) continue;
    const component = data[key];
    if (!isRecord(component)) {
      problems.push(problem('json-invalid', `${at('data')}.${key}: expected object`));
      continue;
    }
    out.push({ key, tag: tagOf(key, component), fields: unwrapFields(component.fields) });
  }
  return out;
}

/** Fields an answer wrapped one or two levels deeper (`fields.fields`, `fields.data`, `fields.props`). */
function unwrapFields(fields: unknown): unknown {
  for (let depth = 0; depth < 3 && isRecord(fields); depth++) {
    const keys = Object.keys(fields);
    const only = keys.length === 1 ? keys[0]! : null;
    if (only !== 'fields' && only !== 'data' && only !== 'props') break;
    if (!isRecord(fields[only])) break;
    fields = fields[only];
  }
  return fields;
}

export const byTag = (components: readonly UltronComponent[], tag: string) => components.filter((c) => c.tag === tag);
