/**
 * Says when an indicator combines values recorded at different dates for one school (e.g. GIAS
 * capacity of April 2022 with census pupils of 2018/19), from the values' own dates.
 */
import { formulaColumns, parseFormula } from './formula';
import type { IndicatorRule } from './rules/schema';
import type { ColumnSource, SchoolYear } from './types';

/** The columns an indicator reads: its column, or those of its formula. */
export function inputColumns(ind: IndicatorRule): string[] {
  return ind.formula ? [...formulaColumns(parseFormula(ind.formula))] : [ind.column as string];
}

export function mixedYearNote(ind: IndicatorRule, school: SchoolYear): string | undefined {
  const columns = inputColumns(ind).filter((c) => school.values[c] !== undefined);
  if (columns.length < 2) return undefined;
  const dateOf = (c: string) => school.valueDates?.[c] ?? school.year;
  if (new Set(columns.map(dateOf)).size < 2) return undefined;
  return `Combines values of different dates: ${columns.map((c) => `${c.replace(/_/g, ' ')} of ${dateOf(c)}`).join(', ')}.`;
}

/** Illustrative sources (not the school's own data) for the columns an indicator reads. */
export function illustrativeNote(
  ind: IndicatorRule,
  year: string,
  sources: readonly ColumnSource[],
): string | undefined {
  const columns = inputColumns(ind);
  const s = sources.find((x) => x.illustrative && x.year === year && columns.includes(x.column));
  return s ? `${s.source}.` : undefined;
}

/**
 * Values of another definition than the column's usual one (derived, or FSM "eligible now") for
 * the columns an indicator reads in a year: said beside the value, so it is never read as the
 * usual figure.
 */
export function definitionNote(
  ind: IndicatorRule,
  year: string,
  sources: readonly ColumnSource[],
): string | undefined {
  const columns = inputColumns(ind);
  const defined = sources.filter(
    (x) => x.definition && !x.illustrative && x.year === year && columns.includes(x.column),
  );
  const said = [...new Set(defined.map((x) => x.definition as string))];
  return said.length ? `${ind.label}: ${said.join('; ')}.` : undefined;
}
