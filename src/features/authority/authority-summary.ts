/**
 * What the authority view says around its heatmap, worked out once per roll-up: the headline
 * counts, the indicators shown and not, what the overall ratings rest on this year and the year
 * before. Counts come from the roll-up's authority groups (a pass over groups, not rows); a
 * re-render (a column sorted) works out nothing again. The schools causing concern come
 * ordered from the data worker.
 */
import { RATING_CODE } from '../../domain/engine/codes';
import { anyRated, rowsMatching, rowTotals } from '../../domain/engine/query';
import type { GroupTable } from '../../domain/engine/rollup-table';
import type { Filter } from '../../domain/rated-view';
import type { IndicatorRule, RuleSet } from '../../domain/rules/schema';
import { RATINGS, type Rating } from '../../domain/types';
import { basisNote, ratedIndicators } from '../../domain/year-on-year';

export interface AuthoritySummary {
  counts: Record<Rating, number>;
  /** Indicators some school in view is rated on, in rule order; and the others. */
  shown: IndicatorRule[];
  hidden: IndicatorRule[];
  /** Labels of the performance indicators this year's overall ratings rest on. */
  ratedOn: string[];
  priorYear: string | undefined;
  /** Why this year and the one before are not like for like, or "". */
  yearsDiffer: string;
}

export function authoritySummary(
  gt: GroupTable,
  rules: RuleSet,
  filter: Filter,
  years: readonly string[],
): AuthoritySummary {
  const tr = gt.ratings;
  const totals = rowTotals(gt);
  const overall = gt.width - 1;
  const counts = Object.fromEntries(
    RATINGS.map((r) => [r, totals[overall * 4 + RATING_CODE[r]] as number]),
  ) as Record<Rating, number>;
  const shown: IndicatorRule[] = [];
  const hidden: IndicatorRule[] = [];
  rules.indicators.forEach((ind, k) =>
    (k < tr.indicators.length && anyRated(totals, k) ? shown : hidden).push(ind),
  );
  const ratedOn = tr.indicators.flatMap((c, k) =>
    c.ind.rule.kind === 'performance' && anyRated(totals, k) ? [c.ind.rule.label] : [],
  );
  const priorYear = years.filter((y) => y < filter.year).at(-1);
  const ratedBefore = priorYear
    ? ratedIndicators(tr, rowsMatching(tr.table, { ...filter, year: priorYear }))
    : [];
  const yearsDiffer = priorYear
    ? basisNote(priorYear, filter.year, [
        ...ratedOn
          .filter((l) => !ratedBefore.includes(l))
          .map((label) => ({ label, missingIn: priorYear })),
        ...ratedBefore
          .filter((l) => !ratedOn.includes(l))
          .map((label) => ({ label, missingIn: filter.year })),
      ])
    : '';
  return { counts, shown, hidden, ratedOn, priorYear, yearsDiffer };
}
