/**
 * The schools of a filter as the map draws them, worked out where the table lives: positions,
 * the rating and value of the indicator chosen, and each school's place (its partnership, or
 * district, trust...) as a code, all as typed arrays; names only for a map small enough to
 * draw every school as a link (a national map names the schools it shows on demand).
 */
import { explainIndicator, explainOverall } from './engine/explain';
import { partnershipsAt, UNASSIGNED } from './engine/group-structure';
import { indicatorIndex, rowsMatching } from './engine/query';
import type { TableRatings } from './engine/rate-table';
import type { Filter } from './rated-view';
import { textOf } from './table/text-column';

export interface SchoolLabels {
  urn: string[];
  name: string[];
}

export interface MapData {
  /** Table rows of the filter's schools, in table order; the arrays below are by position. */
  rows: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  /** RATING_CODE on the indicator chosen (overall when none), and its value (NaN missing). */
  rating: Uint8Array;
  value: Float64Array;
  /** Index into `places` ('' for schools in none). */
  placeOf: Int32Array;
  places: string[];
  /** Every school's URN and name, when there are at most `namedUpTo` schools. */
  labels?: SchoolLabels;
}

export function schoolLabels(tr: TableRatings, rows: readonly number[]): SchoolLabels {
  const t = tr.table;
  return { urn: rows.map((i) => textOf(t.urn, i)), name: rows.map((i) => textOf(t.name, i)) };
}

/** Each row's place under a grouping, as codes into the names used ('' for none). */
function placesOf(tr: TableRatings, rows: readonly number[], grouping: string) {
  const names = partnershipsAt(tr.table, rows, grouping);
  const places: string[] = [];
  const index = new Map<string, number>();
  const placeOf = Int32Array.from(names, (name) => {
    let k = index.get(name);
    if (k === undefined) {
      index.set(name, (k = places.length));
      // Schools in no group name no place.
      places.push(name === UNASSIGNED ? '' : name);
    }
    return k;
  });
  return { placeOf, places };
}

/** `indicator`: an indicator's id, or anything else for overall. */
export function mapData(
  tr: TableRatings,
  filter: Filter,
  indicator: string,
  namedUpTo: number,
): MapData {
  const t = tr.table;
  const list = rowsMatching(t, filter);
  const rows = Int32Array.from(list);
  const k = indicatorIndex(tr, indicator);
  const col = k >= 0 ? tr.indicators[k] : undefined;
  const ratings = col ? col.rating : tr.overall;
  const { placeOf, places } = placesOf(tr, list, filter.grouping ?? 'partnership');
  return {
    rows,
    lat: Float64Array.from(list, (i) => t.lat[i] as number),
    lon: Float64Array.from(list, (i) => t.lon[i] as number),
    rating: Uint8Array.from(list, (i) => ratings[i] as number),
    value: Float64Array.from(list, (i) => (col ? (col.value[i] as number) : NaN)),
    placeOf,
    places,
    ...(list.length <= namedUpTo ? { labels: schoolLabels(tr, list) } : {}),
  };
}

/** One school's reason on the indicator chosen (overall when `indicator` is none of them). */
export function pointReason(tr: TableRatings, row: number, indicator: string): string {
  const k = indicatorIndex(tr, indicator);
  return k >= 0 ? explainIndicator(tr, k, row).reason : explainOverall(tr, row).reason;
}
