/**
 * One school's detail, as plain data: what the school page shows, worked out where the table
 * and ratings live (the data worker) so the page holds no table. Every year of the school
 * explained in full, the year shown, its partnership and authority under the filter, and each
 * indicator's comparison group (the values the strip and its table twin place it among).
 */
import { groupFigures, type GroupFigures } from './engine/explain-group';
import { comparisonGroupAt } from './engine/explain';
import { partnershipAt } from './engine/group-structure';
import { findGroup, rowsOfSchool } from './engine/query';
import type { GroupTable } from './engine/rollup-table';
import { schoolRatingsAt, type SchoolRatings } from './rate-dataset';
import { textAt } from './table/school-table';

export interface SchoolDetail {
  /** Every year of the school, oldest first, each indicator explained. */
  years: SchoolRatings[];
  /** The year shown: the filter's year, else the school's latest. Index into `years`. */
  current: number;
  /** Its group under the filter's grouping (a partnership, trust, ...). */
  partnershipName: string;
  partnership?: GroupFigures;
  authority?: GroupFigures;
  /** Each indicator's comparison group values, ascending, by indicator id (copies). */
  distributions: Record<string, Float64Array>;
}

const figuresOf = (gt: GroupTable, g: number): GroupFigures | undefined =>
  g < 0 ? undefined : groupFigures(gt, g);

/**
 * The school with this URN, shown for `year` (its latest year when it has none then), with the
 * groups of the roll-up `gt` (the filter on screen) it belongs to; undefined when no such school.
 */
export function schoolDetail(
  gt: GroupTable,
  urn: string,
  year: string,
  grouping: string,
): SchoolDetail | undefined {
  const tr = gt.ratings;
  const t = tr.table;
  const yearRows = rowsOfSchool(t, urn);
  if (yearRows.length === 0) return undefined;
  const at = yearRows.findIndex((i) => textAt(t.year, i) === year);
  const current = at >= 0 ? at : yearRows.length - 1;
  const row = yearRows[current] as number;
  const years = yearRows.map((i) => schoolRatingsAt(tr, i));
  const s = (years[current] as SchoolRatings).school;
  const partnershipName = partnershipAt(t, row, grouping);
  const partnership = figuresOf(gt, findGroup(gt, 'partnership', partnershipName, s.year));
  const authority = figuresOf(gt, findGroup(gt, 'authority', s.laCode, s.year));
  const distributions: Record<string, Float64Array> = {};
  for (const col of tr.indicators) {
    const g = comparisonGroupAt(tr, col, row);
    // A copy: the group's values are a view of every group's, which must stay in the worker.
    const values = g?.sorted;
    distributions[col.ind.id] =
      values instanceof Float64Array ? values.slice() : Float64Array.from(values ?? []);
  }
  return {
    years,
    current,
    partnershipName,
    ...(partnership ? { partnership } : {}),
    ...(authority ? { authority } : {}),
    distributions,
  };
}
