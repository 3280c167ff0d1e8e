/**
 * ORACLE (test only): the long table as the row-at-a-time engine wrote it.
 * Flattens ratings and roll-ups into one long table (level, id, indicator, year, value,
 * rating, reason, counts): the shape the CLI writes and the app exports.
 */
import { OVERALL_ID } from '../../../src/domain/overall';
import { roundValue, type RatingsRow } from '../../../src/domain/ratings-table';
import type { DatasetRatings } from './rate-dataset';
import type { GroupRatings } from './rollup';

export function ratingsRows(
  ratings: DatasetRatings,
  groups: readonly GroupRatings[],
): RatingsRow[] {
  const out: RatingsRow[] = [];
  const ids = ratings.rules.indicators.map((i) => i.id);
  for (const s of ratings.schools) {
    const { urn, year } = s.school;
    for (const id of ids) {
      const r = s.byIndicator[id];
      if (r)
        out.push([
          'school',
          urn,
          id,
          year,
          roundValue(r.value),
          r.rating,
          r.reason,
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
    }
    out.push([
      'school',
      urn,
      OVERALL_ID,
      year,
      undefined,
      s.overall.rating,
      s.overall.reason,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  }
  for (const g of groups) {
    for (const r of [...ids.map((id) => g.byIndicator[id]), g.overall]) {
      if (!r) continue;
      const { red, amber, green, none } = r.counts;
      out.push([
        g.level,
        g.id,
        r.indicator,
        g.year,
        roundValue(r.aggregate),
        r.rating,
        r.reason,
        red,
        amber,
        green,
        none,
      ]);
    }
  }
  return out;
}
