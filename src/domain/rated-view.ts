/**
 * What the dashboard shows, derived from data + rules: the filter a view is looking at, as a
 * row mask over the table, and the roll-ups of the rows that pass it (so "primary only" rolls
 * up primaries only).
 */
import { explainGroup, type GroupRatings } from './engine/explain-group';
import { DEFAULT_GROUPING, filterMask, rollUpTable, type GroupTable } from './engine/rollup-table';
import type { TableRatings } from './engine/rate-table';
import type { DatasetRatings } from './rate-dataset';
import { PHASE_INDEX, type SchoolTable } from './table/school-table';
import type { Phase } from './types';

/** A group roll-up with its members named by row number in the rated table. */
export type GroupSummary = GroupRatings;

export interface Filter {
  year: string;
  phase?: Phase;
  laCode?: string;
  grouping?: string;
}

/** The rows a filter keeps, compared by dictionary code (no string per row). */
export function maskOf(t: SchoolTable, f: Filter): Uint8Array {
  const year = t.year.dict.indexOf(f.year);
  const la = f.laCode === undefined ? -1 : t.laCode.dict.indexOf(f.laCode);
  const phase = f.phase === undefined ? -1 : (PHASE_INDEX.get(f.phase) as number);
  if (year < 0 || (f.laCode !== undefined && la < 0)) return new Uint8Array(t.n);
  return filterMask(
    t,
    (i) =>
      t.year.codes[i] === year &&
      (phase < 0 || t.phase[i] === phase) &&
      (la < 0 || t.laCode.codes[i] === la),
  );
}

export function rollUpFilter(tr: TableRatings, f: Filter): GroupTable {
  return rollUpTable(tr, maskOf(tr.table, f), f.grouping ?? DEFAULT_GROUPING);
}

/** Every group of the filtered rows, explained (small data and tests; views page instead). */
export function groupSummaries(rated: DatasetRatings, f: Filter): GroupSummary[] {
  const gt = rollUpFilter(rated.engine, f);
  return Array.from({ length: gt.size }, (_, g) => explainGroup(gt, g));
}
