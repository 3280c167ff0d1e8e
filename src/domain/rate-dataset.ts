/**
 * The engine through row objects, for small data (one school's years, a test, a what-if of a
 * handful of schools): rate the columnar table, then explain every row. Large data goes through
 * the columns directly (engine/*), explaining only what is shown or exported.
 */
import { explainGroup, type GroupRatings as EngineGroup } from './engine/explain-group';
import { explainIndicator, explainOverall } from './engine/explain';
import { rateTable, type TableRatings } from './engine/rate-table';
import { DEFAULT_GROUPING, rollUpTable } from './engine/rollup-table';
import type { IndicatorRating } from './rating';
import type { CompiledRules } from './rules/compile';
import { schoolYearAt, tableFromSchoolYears } from './table/from-school-years';
import type { SchoolYear } from './types';

export interface SchoolRatings {
  school: SchoolYear;
  /** By indicator id, in rule order. */
  byIndicator: Readonly<Record<string, IndicatorRating>>;
  overall: IndicatorRating;
}

export interface DatasetRatings {
  rules: CompiledRules;
  engine: TableRatings;
  schools: readonly SchoolRatings[];
}

/** One row of a rated table as an object, every indicator explained. */
export function schoolRatingsAt(tr: TableRatings, row: number, school?: SchoolYear): SchoolRatings {
  const byIndicator: Record<string, IndicatorRating> = {};
  tr.indicators.forEach((c, k) => (byIndicator[c.ind.id] = explainIndicator(tr, k, row)));
  return {
    school: school ?? schoolYearAt(tr.table, row),
    byIndicator,
    overall: explainOverall(tr, row),
  };
}

export function rateDataset(schools: readonly SchoolYear[], rules: CompiledRules): DatasetRatings {
  const engine = rateTable(tableFromSchoolYears(schools), rules);
  return {
    rules,
    engine,
    schools: schools.map((s, i) => schoolRatingsAt(engine, i, s)),
  };
}

export type GroupRatings = Omit<EngineGroup, 'members'> & { schools: readonly SchoolRatings[] };

/** Every partnership (by a grouping) and authority of the rated schools, explained. */
export function rollUp(
  ratings: DatasetRatings,
  grouping: string = DEFAULT_GROUPING,
): GroupRatings[] {
  const gt = rollUpTable(ratings.engine, undefined, grouping);
  return Array.from({ length: gt.size }, (_, g) => {
    const { members, ...rest } = explainGroup(gt, g);
    return { ...rest, schools: members.map((i) => ratings.schools[i] as SchoolRatings) };
  });
}
