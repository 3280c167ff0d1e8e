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
  const defined = inputColumns(ind).flatMap((c) => definitionOf(sources, c, year) ?? []);
  const said = [...new Set(defined)];
  return said.length ? `${ind.label}: ${said.join('; ')}.` : undefined;
}

/** The definition a column's values of a year were read with, when not the usual one. */
function definitionOf(
  sources: readonly ColumnSource[],
  column: string,
  year: string,
): string | undefined {
  return sources.find(
    (x) => x.column === column && x.year === year && x.definition && !x.illustrative,
  )?.definition;
}

/**
 * Why an indicator's values of two years cannot be compared as like for like: a column it reads
 * was of another definition in one year than the other (FSM eligible now in 2022/23, ever in
 * the last 6 years before). Undefined when the definitions match.
 */
export function definitionChange(
  ind: IndicatorRule,
  fromYear: string,
  toYear: string,
  sources: readonly ColumnSource[],
): string | undefined {
  for (const column of inputColumns(ind)) {
    const a = definitionOf(sources, column, fromYear);
    const b = definitionOf(sources, column, toYear);
    if (a !== b)
      return [
        b ? `${toYear}: ${b}` : `${toYear}: the usual definition`,
        a ? `${fromYear}: ${a}` : `${fromYear}: the usual definition`,
      ].join('; ');
  }
  return undefined;
}
