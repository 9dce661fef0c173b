/**
 * Drifts of a real mtop answer: the changes AliExpress makes to its JSON without notice (keys
 * renamed, the hierarchy left out, fields nested one level deeper, ids typed as numbers, optional
 * parts gone). Each kind is a fast-check arbitrary; a run applies several, always in one order.
 */
import fc from 'fast-check';
import { seeded, shuffled } from './tally.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

export type JsonDrift =
  | { kind: 'ids-as-numbers' }
  | { kind: 'drop-optional'; parts: OptionalPart[] }
  | { kind: 'unknown-fields'; seed: number; names: string[]; values: Json[] }
  | { kind: 'wrap-fields'; under: 'fields' | 'data' | 'props' }
  | { kind: 'rename-key'; style: 'order-id' | 'random'; name: string }
  | { kind: 'render-type'; type: 'init' | 'append' }
  | { kind: 'drop-hierarchy'; how: 'delete' | 'null' }
  | { kind: 'unwrap-envelope' }
  | { kind: 'shuffle-keys'; seed: number };

export type JsonDriftKind = JsonDrift['kind'];

/** The order drifts are applied in: ids and parts first, the graph's shape next, the envelope last. */
export const JSON_DRIFT_KINDS: readonly JsonDriftKind[] = [
  'ids-as-numbers',
  'drop-optional',
  'unknown-fields',
  'wrap-fields',
  'rename-key',
  'render-type',
  'drop-hierarchy',
  'unwrap-envelope',
  'shuffle-keys',
];

const OPTIONAL_PARTS = {
  formatPriceInfo: ['formatPriceInfo'],
  totalPriceText: ['totalPriceText'],
  buttons: ['buttons', 'buttonVOList', 'buttonVOS', 'buttonDTOList'],
  orderLines: ['orderLines', 'productVOList'],
} as const;
type OptionalPart = keyof typeof OPTIONAL_PARTS;

const ID_KEYS = /^(?:orderId|tradeOrderId|tradeOrderLineId|reverseOrderLineId|reverseOrderId|orderLineId)$/;

/** Component tags that are page furniture: an appended page of orders comes without them. */
const CHROME_TAG = /_(?:header|header_action|footer_recommend|page|root_container|tail_container)$/;

const name = fc.stringMatching(/^[a-z][a-zA-Z]{0,11}$/);

const arbitraries: Record<JsonDriftKind, fc.Arbitrary<JsonDrift>> = {
  'ids-as-numbers': fc.constant({ kind: 'ids-as-numbers' }),
  'drop-optional': fc.record({
    kind: fc.constant('drop-optional' as const),
    parts: fc.subarray(Object.keys(OPTIONAL_PARTS) as OptionalPart[], { minLength: 1 }),
  }),
  'unknown-fields': fc.record({
    kind: fc.constant('unknown-fields' as const),
    seed: fc.nat(),
    names: fc.array(name, { minLength: 1, maxLength: 4 }),
    values: fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { minLength: 1, maxLength: 4 }),
  }),
  'wrap-fields': fc.record({
    kind: fc.constant('wrap-fields' as const),
    under: fc.constantFrom('fields' as const, 'data' as const, 'props' as const),
  }),
  'rename-key': fc.record({
    kind: fc.constant('rename-key' as const),
    style: fc.constantFrom('order-id' as const, 'random' as const),
    name: fc.stringMatching(/^[a-z][a-z]{0,9}$/),
  }),
  'render-type': fc.record({
    kind: fc.constant('render-type' as const),
    type: fc.constantFrom('init' as const, 'append' as const),
  }),
  'drop-hierarchy': fc.record({
    kind: fc.constant('drop-hierarchy' as const),
    how: fc.constantFrom('delete' as const, 'null' as const),
  }),
  'unwrap-envelope': fc.constant({ kind: 'unwrap-envelope' }),
  'shuffle-keys': fc.record({ kind: fc.constant('shuffle-keys' as const), seed: fc.nat() }),
};

/** One or more drifts of the given kinds, at most one of each, in the order they are applied. */
export function jsonDrifts(kinds: readonly JsonDriftKind[]): fc.Arbitrary<JsonDrift[]> {
  const usable = JSON_DRIFT_KINDS.filter((k) => kinds.includes(k));
  if (usable.length === 0) return fc.constant([]);
  return fc
    .subarray(usable, { minLength: 1 })
    .chain((picked) => fc.tuple(...picked.map((k) => arbitraries[k])))
    .map((drifts) => [...drifts]);
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(value: Json, visit: (o: Obj) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (isObj(value)) {
    visit(value);
    for (const v of Object.values(value)) walk(v, visit);
  }
}

/** Every key the answer already has: an "unknown" field must not be one the readers know. */
export function keysOf(json: unknown): Set<string> {
  const keys = new Set<string>();
  walk(json as Json, (o) => Object.keys(o).forEach((k) => keys.add(k)));
  return keys;
}

/** The component graph (`data.data` + `data.hierarchy`), wherever the envelope left it. */
function graphOf(json: Json): Obj | null {
  if (isObj(json) && isObj(json.data) && isObj(json.data.data)) return json.data;
  if (isObj(json) && isObj(json.data) && 'hierarchy' in json) return json;
  return null;
}

function renameKeys(graph: Obj, rename: (key: string, tag: string, i: number) => string): void {
  const data = graph.data as Obj;
  const map = new Map<string, string>();
  const renamed: Obj = {};
  Object.entries(data).forEach(([key, component], i) => {
    const tag = isObj(component) && typeof component.tag === 'string' ? component.tag : key;
    const next = rename(key, tag, i);
    map.set(key, next);
    renamed[next] = component;
  });
  graph.data = renamed;
  const h = graph.hierarchy;
  if (!isObj(h)) return;
  const to = (k: Json) => (typeof k === 'string' ? (map.get(k) ?? k) : k);
  if (typeof h.root === 'string') h.root = to(h.root);
  if (isObj(h.structure)) {
    const s: Obj = {};
    for (const [k, kids] of Object.entries(h.structure)) s[to(k) as string] = Array.isArray(kids) ? kids.map(to) : kids;
    h.structure = s;
  }
}

function dropComponents(graph: Obj, drop: (tag: string) => boolean): void {
  const data = graph.data as Obj;
  const gone = new Set<string>();
  for (const [key, c] of Object.entries(data)) {
    if (isObj(c) && typeof c.tag === 'string' && drop(c.tag)) {
      gone.add(key);
      delete data[key];
    }
  }
  const h = graph.hierarchy;
  if (!isObj(h) || !isObj(h.structure)) return;
  for (const key of Object.keys(h.structure)) {
    if (gone.has(key)) delete h.structure[key];
    else {
      const kids = h.structure[key];
      if (Array.isArray(kids)) h.structure[key] = kids.filter((k) => !(typeof k === 'string' && gone.has(k)));
    }
  }
}

function shuffleDeep(value: Json, rand: () => number): Json {
  if (Array.isArray(value)) return value.map((v) => shuffleDeep(v, rand));
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const k of shuffled(Object.keys(value), rand)) out[k] = shuffleDeep(value[k]!, rand);
  return out;
}

function applyOne(json: Json, d: JsonDrift, known: ReadonlySet<string>): Json {
  const graph = graphOf(json);
  switch (d.kind) {
    case 'ids-as-numbers':
      walk(json, (o) => {
        for (const [k, v] of Object.entries(o)) {
          // Only where JSON.parse would keep every digit: a larger id typed as a number loses digits.
          if (ID_KEYS.test(k) && typeof v === 'string' && /^\d+$/.test(v) && Number.isSafeInteger(Number(v))) {
            o[k] = Number(v);
          }
        }
      });
      return json;
    case 'drop-optional': {
      const names = new Set<string>(d.parts.flatMap((p) => OPTIONAL_PARTS[p]));
      walk(json, (o) => Object.keys(o).forEach((k) => names.has(k) && delete o[k]));
      return json;
    }
    case 'unknown-fields': {
      const rand = seeded(d.seed);
      const fresh = d.names.filter((n) => !known.has(n));
      const value = () => structuredClone(d.values[Math.floor(rand() * d.values.length)]!);
      // The component map and the structure are keyed by component, not fields: a new entry there
      // is a new component, added whole below, not a field of unknown type.
      const maps = new Set<unknown>([graph?.data, isObj(graph?.hierarchy) ? graph.hierarchy.structure : null]);
      // Collected first: the walk must not descend into the values it adds.
      const objects: Obj[] = [];
      walk(json, (o) => objects.push(o));
      objects.forEach((o) => {
        if (rand() < 0.3 || maps.has(o)) return;
        const n = fresh[Math.floor(rand() * fresh.length)];
        if (n && !(n in o)) o[n] = value();
      });
      const tag = fresh[0];
      if (graph && tag && isObj(graph.data)) graph.data[`${tag}_drift`] = { tag, fields: value() };
      return json;
    }
    case 'wrap-fields':
      if (graph)
        for (const c of Object.values(graph.data as Obj))
          if (isObj(c) && 'fields' in c) c.fields = { [d.under]: c.fields! };
      return json;
    case 'rename-key':
      if (graph)
        renameKeys(graph, (key, tag, i) => {
          const id = /_(\d{6,})$/.exec(key)?.[1];
          if (d.style === 'order-id') return id ? `order_${id}` : `${tag.split('_').pop()}_${i}`;
          return `${d.name}_${i}`;
        });
      return json;
    case 'render-type':
      if (graph) {
        graph.renderType = d.type;
        if (d.type === 'append') dropComponents(graph, (tag) => CHROME_TAG.test(tag));
      }
      return json;
    case 'drop-hierarchy':
      if (graph) {
        if (d.how === 'delete') delete graph.hierarchy;
        else graph.hierarchy = null;
      }
      return json;
    case 'unwrap-envelope':
      return isObj(json) && isObj(json.data) ? json.data : json;
    case 'shuffle-keys':
      return shuffleDeep(json, seeded(d.seed));
  }
}

/** The answer `text` (its JSON source, parsed afresh for each run) with the drifts applied. */
export function applyJsonDrifts(text: string, drifts: readonly JsonDrift[], known: ReadonlySet<string>): unknown {
  let out = JSON.parse(text) as Json;
  for (const d of drifts) out = applyOne(out, d, known);
  return out;
}
