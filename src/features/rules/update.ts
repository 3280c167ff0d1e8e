/** Immutable update of a draft rule set at a path such as ['indicators', 3, 'clauses', 0]. */
export type Path = readonly (string | number)[];

export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (!path.length) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const base = (root ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  const next = setIn(base[head], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy as T;
}

export function getIn(root: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (o, k) => (o as Record<string | number, unknown> | undefined)?.[k],
    root,
  );
}

/** The validation path string for a path, as validateRuleSet reports it. */
export function pathString(path: Path): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
