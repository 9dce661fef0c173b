/**
 * Checks for what reaches the page's script: AliExpress's answers, the tap's messages and the
 * bundled rules files. The same few building blocks as zod/mini, which the background keeps for
 * messages and files: zod's core alone would be about a third of the content script. Values pass
 * through unchanged (no copies): the readers only read them.
 */

export interface Issue {
  /** Where in the value, e.g. ["data", "orderLines", 0, "quantity"]. */
  path: PropertyKey[];
  message: string;
}

export type Result<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

export interface Shape<T> {
  /** Adds an issue for each mismatch; `path` is where `value` sits. */
  check(value: unknown, path: PropertyKey[], issues: Issue[]): void;
  /** Only for type inference. */
  readonly _type?: T;
  /** Lets an object shape leave the key out. */
  readonly optional?: boolean;
  safeParse(value: unknown): Result<T>;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function shape<T>(check: Shape<T>['check'], optional = false): Shape<T> {
  const self: Shape<T> = { check, optional, safeParse: (value) => safeParse(self, value) };
  return self;
}

function typed<T>(name: string, test: (v: unknown) => boolean, min = 0, max = Infinity): Shape<T> {
  return shape((v, path, issues) => {
    if (!test(v)) issues.push({ path, message: `expected ${name}, got ${kindOf(v)}` });
    else if (typeof v === 'string' && (v.length < min || v.length > max))
      issues.push({ path, message: `expected ${min}-${max} characters, got ${v.length}` });
  });
}

export const string = (limits: { min?: number; max?: number } = {}): Shape<string> =>
  typed('string', (v) => typeof v === 'string', limits.min, limits.max);
export const number = (): Shape<number> => typed('number', (v) => typeof v === 'number' && Number.isFinite(v));
// Like zod's, it accepts a missing key too.
export const unknown = (): Shape<unknown> => shape(() => undefined, true);

export function literal<const T extends string>(value: T): Shape<T> {
  return shape((v, path, issues) => {
    if (v !== value) issues.push({ path, message: `expected "${value}"` });
  });
}

export function enumOf<const T extends string>(values: readonly T[]): Shape<T> {
  return shape((v, path, issues) => {
    if (!values.includes(v as T)) issues.push({ path, message: `expected one of ${values.join(', ')}` });
  });
}

/** Absent, undefined or null: AliExpress sends all three for the same missing thing. */
export function opt<T>(inner: Shape<T>): Shape<T | null | undefined> {
  return shape((v, path, issues) => {
    if (v !== undefined && v !== null) inner.check(v, path, issues);
  }, true);
}

export function union<A, B>(a: Shape<A>, b: Shape<B>): Shape<A | B> {
  return shape((v, path, issues) => {
    const first: Issue[] = [];
    a.check(v, path, first);
    if (first.length === 0) return;
    const second: Issue[] = [];
    b.check(v, path, second);
    if (second.length > 0) issues.push({ path, message: `matches neither alternative: ${first[0]!.message}` });
  });
}

export function array<T>(item: Shape<T>, limits: { min?: number; length?: number } = {}): Shape<T[]> {
  return shape((v, path, issues) => {
    if (!Array.isArray(v)) return void issues.push({ path, message: `expected array, got ${kindOf(v)}` });
    const min = limits.length ?? limits.min ?? 0;
    const max = limits.length ?? Infinity;
    if (v.length < min || v.length > max)
      issues.push({ path, message: `expected ${min === max ? min : `at least ${min}`} items, got ${v.length}` });
    v.forEach((x, i) => item.check(x, [...path, i], issues));
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** String keys to values of one shape. */
export function record<T>(value: Shape<T>): Shape<Record<string, T>> {
  return shape((v, path, issues) => {
    if (!isRecord(v)) return void issues.push({ path, message: `expected object, got ${kindOf(v)}` });
    for (const key of Object.keys(v)) value.check(v[key], [...path, key], issues);
  });
}

type ObjectOf<P extends Record<string, Shape<unknown>>> = {
  [K in keyof P as undefined extends Infer<P[K]> ? never : K]: Infer<P[K]>;
} & { [K in keyof P as undefined extends Infer<P[K]> ? K : never]?: Infer<P[K]> };

/**
 * An object with these keys. `loose` (the default, for AliExpress's answers, which add fields
 * freely) ignores other keys; `strict` (for our own files, where an unknown key is a typo) names them.
 */
export function object<P extends Record<string, Shape<unknown>>>(
  props: P,
  mode: 'loose' | 'strict' = 'loose',
): Shape<ObjectOf<P>> {
  return shape((v, path, issues) => {
    if (!isRecord(v)) return void issues.push({ path, message: `expected object, got ${kindOf(v)}` });
    for (const [key, prop] of Object.entries(props)) {
      const has = Object.hasOwn(v, key);
      if (!has && !prop.optional) issues.push({ path: [...path, key], message: 'missing' });
      else if (has) prop.check(v[key], [...path, key], issues);
    }
    if (mode === 'strict')
      for (const key of Object.keys(v))
        if (!Object.hasOwn(props, key)) issues.push({ path: [...path, key], message: 'unknown key' });
  });
}

export const strictObject = <P extends Record<string, Shape<unknown>>>(props: P) => object(props, 'strict');

export function safeParse<T>(schema: Shape<T>, value: unknown): Result<T> {
  const issues: Issue[] = [];
  schema.check(value, [], issues);
  return issues.length === 0 ? { success: true, data: value as T } : { success: false, error: { issues } };
}
