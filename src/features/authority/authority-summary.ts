/**
 * What the authority view says around its heatmap, worked out once per roll-up: the headline
 * counts, the indicators shown and not, what the overall ratings rest on this year and the year
 * before. Counts come from the roll-up's authority groups (a pass over groups, not rows); a
 * re-render (a column sorted) works out nothing again. What the year before was rated on, and
 * the schools causing concern, come from the data worker.
 */
import { RATING_CODE } from '../../domain/engine/codes';
import { anyRated, rowTotals } from '../../domain/engine/query';
import type { GroupArrays } from '../../domain/engine/rollup-table';
import type { Filter } from '../../domain/rated-view';
import type { IndicatorRule, RuleSet } from '../../domain/rules/schema';
import { RATINGS, type Rating } from '../../domain/types';
import { basisNote, priorYearOf } from '../../domain/year-on-year';

export interface AuthoritySummary {
  counts: Record<Rating, number>;
  /** Indicators some school in view is rated on, in rule order; and the others. */
  shown: IndicatorRule[];
  hidden: IndicatorRule[];
  /** Labels of the performance indicators this year's overall ratings rest on. */
  ratedOn: string[];
  priorYear: string | undefined;
  /** Why this year and the one before are not like for like, or "" (also until it is known). */
  yearsDiffer: string;
}

/**
 * `ratedBefore`: labels of the performance indicators rated in the prior year under the same
 * filter (ratedIndicators), or undefined while they are not known.
 */
export function authoritySummary(
  gt: GroupArrays,
  rules: RuleSet,
  filter: Filter,
  years: readonly string[],
  ratedBefore?: readonly string[],
): AuthoritySummary {
  const indicators = rules.indicators.slice(0, gt.width - 1);
  const totals = rowTotals(gt);
  const overall = gt.width - 1;
  const counts = Object.fromEntries(
    RATINGS.map((r) => [r, totals[overall * 4 + RATING_CODE[r]] as number]),
  ) as Record<Rating, number>;
  const shown: IndicatorRule[] = [];
  const hidden: IndicatorRule[] = [];
  rules.indicators.forEach((ind, k) =>
    (k < indicators.length && anyRated(totals, k) ? shown : hidden).push(ind),
  );
  const ratedOn = indicators.flatMap((ind, k) =>
    ind.kind === 'performance' && anyRated(totals, k) ? [ind.label] : [],
  );
  const priorYear = priorYearOf(filter, years);
  const yearsDiffer =
    priorYear && ratedBefore
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
