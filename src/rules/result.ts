import type * as z from 'zod/mini';

/** What a rules file or a setting got wrong, by its path in the data, e.g. "packs.guide.rules.sellerResponse.value". */
export interface RuleIssue {
  path: string;
  message: string;
}

/** Loading rules never throws: a broken file must not take the extension down with it. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: RuleIssue[] };

export function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/**
 * zod reports an unknown key on the object that holds it; a maintainer looking for a typo wants
 * the key itself in the path, so each unknown key becomes its own issue.
 */
export function issuesOf(error: { issues: z.core.$ZodIssue[] }, prefix: ReadonlyArray<PropertyKey> = []): RuleIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: pathOf([...base, key]), message: `unknown key "${key}"` }));
    }
    return [{ path: pathOf(base), message: issue.message }];
  });
}

export function parseWith<S extends z.ZodMiniType>(schema: S, data: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issuesOf(parsed.error) };
}
