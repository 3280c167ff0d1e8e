/**
 * Object identity stands for a rule set or a loaded dataset in query keys and worker requests:
 * both are immutable once loaded or saved, so a number per object names them exactly.
 */
const ids = new WeakMap<object, number>();
let counter = 0;

export const idOf = (o: object) => {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++counter));
  return id;
};

/** What names a dataset and a rule set in a query key: the data's key and both identities. */
export const keyOf = (data: { key: string } | undefined, rules: object | undefined) =>
  [data?.key ?? '', data ? idOf(data) : 0, rules ? idOf(rules) : 0] as const;
