/**
 * Says when an indicator combines values recorded at different dates (e.g. GIAS capacity of
 * April 2022 with census pupils of January 2019), from the dataset's provenance.
 */
import { formulaColumns, parseFormula } from './formula';
import type { IndicatorRule } from './rules/schema';
import type { ColumnSource } from './types';

export function mixedYearNote(
  ind: IndicatorRule,
  year: string,
  sources: readonly ColumnSource[],
): string | undefined {
  if (!ind.formula) return undefined;
  const columns = [...formulaColumns(parseFormula(ind.formula))];
  const parts = columns.flatMap((c) => {
    const s = sources.filter((x) => x.column === c && x.year === year);
    return s.length ? [`${c} as of ${[...new Set(s.map((x) => x.asOf))].join(' / ')}`] : [];
  });
  const dates = new Set(
    columns.flatMap((c) =>
      sources.filter((x) => x.column === c && x.year === year).map((x) => x.asOf),
    ),
  );
  return dates.size > 1 ? `Combines values of different dates: ${parts.join('; ')}.` : undefined;
}

/** Illustrative sources (not the school's own data) for the columns an indicator reads. */
export function illustrativeNote(
  ind: IndicatorRule,
  year: string,
  sources: readonly ColumnSource[],
): string | undefined {
  const columns = ind.formula
    ? [...formulaColumns(parseFormula(ind.formula))]
    : [ind.column as string];
  const s = sources.find((x) => x.illustrative && x.year === year && columns.includes(x.column));
  return s ? `Illustrative: ${s.source}.` : undefined;
}
