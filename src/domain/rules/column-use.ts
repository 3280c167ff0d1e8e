/**
 * Which columns a rule set reads, and which of them no school in a table has a value for: a rule
 * on such a column (a typo, or a file without that measure) rates every school "no data", which
 * must be said, not left silent.
 */
import { formulaColumns } from '../formula';
import type { SchoolTable } from '../table/school-table';
import type { CompiledRules } from './compile';
import type { Condition } from './schema';

function conditionColumns(
  c: Condition,
  into: Set<string>,
  formula: (t: string) => Parameters<typeof formulaColumns>[0],
) {
  if ('all' in c) c.all.forEach((p) => conditionColumns(p, into, formula));
  else if ('any' in c) c.any.forEach((p) => conditionColumns(p, into, formula));
  else {
    if (c.column !== undefined) into.add(c.column);
    if (c.expr !== undefined) formulaColumns(formula(c.expr), into);
  }
}

/** "indicator popularity (Popularity) reads first_prefs_per_place, which no school has a value for". */
export function emptyColumnWarnings(t: SchoolTable, rules: CompiledRules): string[] {
  const hasValue = (c: string) => t.numeric.get(c)?.some((v) => !Number.isNaN(v)) ?? false;
  const out: string[] = [];
  for (const ind of rules.indicators) {
    const cols = new Set(ind.inputs);
    const lists = [ind.rule.clauses ?? [], ...Object.values(ind.rule.byPhase ?? {})];
    for (const list of lists)
      for (const cl of list) if (cl.when) conditionColumns(cl.when, cols, (x) => ind.formula(x));
    const empty = [...cols].filter((c) => !hasValue(c));
    if (empty.length)
      out.push(
        `indicator ${ind.id} (${ind.rule.label}) reads ${empty.join(', ')}, which no school in the file has a value for: it will be "no data" for every school`,
      );
  }
  return out;
}
