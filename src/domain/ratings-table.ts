/**
 * Flattens ratings and roll-ups into one long table (level, id, indicator, year, value,
 * rating, reason, counts): the shape the CLI writes and the app exports.
 */
import { explainIndicator, explainOverall } from './engine/explain';
import { explainGroupIndicator } from './engine/explain-group';
import type { TableRatings } from './engine/rate-table';
import type { GroupTable } from './engine/rollup-table';
import { OVERALL_ID } from './overall';
import { textAt } from './table/school-table';
import { textOf } from './table/text-column';

export const RATINGS_HEADER = [
  'level',
  'id',
  'indicator',
  'year',
  'value',
  'rating',
  'reason',
  'red',
  'amber',
  'green',
  'none',
] as const;

export type RatingsRow = [
  string,
  string,
  string,
  string,
  number | undefined,
  string,
  string,
  number | undefined,
  number | undefined,
  number | undefined,
  number | undefined,
];

/** Rounds away floating-point noise (e.g. 12.500000000000002) without losing real precision. */
export function roundValue(v: number | undefined): number | undefined {
  return v === undefined ? undefined : Math.round(v * 1e6) / 1e6;
}

/**
 * Every row of the long table, school rows then group rows, each reason built as its row is
 * reached (a generator, so an export of all England never holds every reason at once).
 */
export function* ratingsRows(tr: TableRatings, gt: GroupTable): Generator<RatingsRow> {
  const t = tr.table;
  const nInd = tr.indicators.length;
  for (let i = 0; i < t.n; i++) {
    const urn = textOf(t.urn, i);
    const year = textAt(t.year, i);
    for (let k = 0; k < nInd; k++) {
      const r = explainIndicator(tr, k, i);
      yield [
        'school',
        urn,
        r.indicator,
        year,
        roundValue(r.value),
        r.rating,
        r.reason,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    }
    const o = explainOverall(tr, i);
    yield [
      'school',
      urn,
      OVERALL_ID,
      year,
      undefined,
      o.rating,
      o.reason,
      undefined,
      undefined,
      undefined,
      undefined,
    ];
  }
  for (let g = 0; g < gt.size; g++) {
    for (let k = 0; k <= nInd; k++) {
      const r = explainGroupIndicator(gt, g, k);
      const { red, amber, green, none } = r.counts;
      yield [
        gt.level[g] as string,
        gt.id[g] as string,
        r.indicator,
        gt.year[g] as string,
        roundValue(r.aggregate),
        r.rating,
        r.reason,
        red,
        amber,
        green,
        none,
      ];
    }
  }
}
