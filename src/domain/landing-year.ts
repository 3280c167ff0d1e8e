/**
 * The year a screen opens on when none is chosen: the latest year with results to rate. A
 * batch whose newest file is a census (January 2023, say) beside older results would otherwise
 * open on a year where every school's overall rating is "no data".
 */
import { inputColumns } from './mixed-years';
import type { RuleSet } from './rules/schema';
import type { SchoolTable } from './table/school-table';

export function landingYear(t: SchoolTable, rules: RuleSet | undefined): string {
  const years = [...t.year.dict].sort();
  const latest = years[years.length - 1] ?? '';
  if (!rules) return latest;
  const columns = new Set(
    rules.indicators.filter((i) => i.kind === 'performance').flatMap((i) => inputColumns(i)),
  );
  const withResults = new Uint8Array(t.year.dict.length);
  for (const c of columns) {
    const values = t.numeric.get(c);
    if (!values) continue;
    for (let i = 0; i < t.n; i++)
      if (!Number.isNaN(values[i] as number)) withResults[t.year.codes[i] as number] = 1;
  }
  for (let k = years.length - 1; k >= 0; k--)
    if (withResults[t.year.dict.indexOf(years[k] as string)]) return years[k] as string;
  return latest;
}
