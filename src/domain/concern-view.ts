/**
 * The schools causing concern as the authority view lists them, worked out where the table
 * lives: the order (most serious first) with each school's group as a code, so the page can
 * count and pick groups without the rows; each listed school's red reasons and its overall the
 * year before; and the list as a table to download.
 */
import { mostSeriousFirst, performanceColumns, tally } from './concern-order';
import { RATING_CODE } from './engine/codes';
import { explainIndicator, explainOverall } from './engine/explain';
import { partnershipAt, partnershipsAt } from './engine/group-structure';
import { previousRow, ratingAt, rowsRatedIn } from './engine/query';
import type { TableRatings } from './engine/rate-table';
import type { GroupTable } from './engine/rollup-table';
import { RATING_LABEL } from './rating';
import { phaseAt, textAt, type SchoolTable } from './table/school-table';
import { textOf } from './table/text-column';
import type { Rating } from './types';
import { basisBetween, basisNote } from './year-on-year';

const byName = new Intl.Collator('en-GB');

export interface ConcernOrder {
  /** Rows causing concern (overall red) under the roll-up's filter, most serious first. */
  rows: Int32Array;
  /** Each one's group under the roll-up's grouping, as an index into `groups`. */
  groupOf: Int32Array;
  /** The groups that have any, A to Z. */
  groups: string[];
}

/** The group names of rows under a grouping, as codes into a sorted list of the names used. */
function groupCodes(t: SchoolTable, rows: Int32Array, grouping: string) {
  const names = partnershipsAt(t, Array.from(rows), grouping);
  const groups = [...new Set(names)].sort(byName.compare);
  const index = new Map(groups.map((g, k) => [g, k]));
  return { groupOf: Int32Array.from(names, (g) => index.get(g) as number), groups };
}

export function concernOrder(gt: GroupTable): ConcernOrder {
  const tr = gt.ratings;
  const red = rowsRatedIn(gt, gt.width - 1, RATING_CODE.red);
  const rows = Int32Array.from(mostSeriousFirst(tr, red, performanceColumns(tr)));
  return { rows, ...groupCodes(tr.table, rows, gt.grouping) };
}

export interface Previous {
  rating: Rating;
  year: string;
  /** Why the two years are not like for like ("2017/18 has no Absence data"), or "". */
  basis: string;
}

// A board asks whether a concern is new or persisting: last year's overall beside this year's.
export function previousOverall(tr: TableRatings, row: number): Previous | undefined {
  const t = tr.table;
  const p = previousRow(t, row);
  if (p === undefined) return undefined;
  const then = textAt(t.year, p);
  return {
    rating: ratingAt(tr, -1, p),
    year: then,
    basis: basisNote(then, textAt(t.year, row), basisBetween(tr, p, row)),
  };
}

export interface ConcernItem {
  row: number;
  urn: string;
  name: string;
  group: string;
  /** The reason of each red performance indicator, in rule order. */
  reds: string[];
  previous?: Previous;
}

export function concernItems(
  tr: TableRatings,
  rows: readonly number[],
  grouping: string,
): ConcernItem[] {
  const t = tr.table;
  const performance = performanceColumns(tr);
  return rows.map((i) => {
    const previous = previousOverall(tr, i);
    return {
      row: i,
      urn: textOf(t.urn, i),
      name: textOf(t.name, i),
      group: partnershipAt(t, i, grouping),
      reds: performance.flatMap((k) =>
        ratingAt(tr, k, i) === 'red' ? [explainIndicator(tr, k, i).reason] : [],
      ),
      ...(previous ? { previous } : {}),
    };
  });
}

/** "2017/18: amber", with why the years are not comparable when they are not; "" when none. */
export function previousText(p: Previous | undefined): string {
  if (!p) return '';
  const then = `${p.year}: ${RATING_LABEL[p.rating].toLowerCase()}`;
  return p.basis ? `${then} (not comparable: ${p.basis})` : then;
}

/**
 * The list as a table to download: a header (the grouping's name heads the group column, as the
 * list names it), then a row per school.
 */
export function concernTable(
  tr: TableRatings,
  rows: readonly number[],
  grouping: string,
): (string | number)[][] {
  const t = tr.table;
  const performance = performanceColumns(tr);
  const groups = partnershipsAt(t, rows, grouping);
  const header = ['urn', 'name', grouping, 'phase', 'reds', 'ambers', 'reason', 'previous_overall'];
  const body = rows.map((i, p) => {
    const { reds, ambers } = tally(tr, performance, i);
    return [
      textOf(t.urn, i),
      textOf(t.name, i),
      groups[p] as string,
      phaseAt(t, i),
      reds,
      ambers,
      explainOverall(tr, i).reason,
      previousText(previousOverall(tr, i)),
    ];
  });
  return [header, ...body];
}
