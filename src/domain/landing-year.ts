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
  const values = [...columns]
    .map((c) => t.numeric.get(c))
    .filter((v): v is Float64Array => v !== undefined);
  // Latest year first, stopping at its first row with a result: a large file's newest year
  // usually answers within its first rows (a pass over every row and column took 13 ms for
  // 500,000 rows on the page).
  const codes = t.year.codes;
  for (let k = years.length - 1; k >= 0; k--) {
    const code = t.year.dict.indexOf(years[k] as string);
    for (let i = 0; i < t.n; i++) {
      if (codes[i] !== code) continue;
      for (const v of values) if (!Number.isNaN(v[i] as number)) return years[k] as string;
    }
  }
  return latest;
}
