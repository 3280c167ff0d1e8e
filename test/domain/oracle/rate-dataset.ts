/**
 * Rates every school-year in a dataset on every indicator, plus its overall rating.
 * Ratings are derived on demand from data + rules and never stored.
 */
import { buildComparisonGroups, comparisonKeyOf, type ComparisonGroup } from './comparison-groups';
import { rateOverall } from '../../../src/domain/overall';
import { rateIndicator } from './rate-indicator';
import type { IndicatorRating } from '../../../src/domain/rating';
import type { CompiledRules } from '../../../src/domain/rules/compile';
import type { SchoolYear } from '../../../src/domain/types';

export interface SchoolRatings {
  school: SchoolYear;
  /** By indicator id, in rule order. */
  byIndicator: Readonly<Record<string, IndicatorRating>>;
  overall: IndicatorRating;
}

export interface DatasetRatings {
  rules: CompiledRules;
  schools: readonly SchoolRatings[];
  /** Comparison groups per indicator id (for distribution charts). */
  groups: ReadonlyMap<string, ReadonlyMap<string, ComparisonGroup>>;
}

export function rateDataset(schools: readonly SchoolYear[], rules: CompiledRules): DatasetRatings {
  const groups = new Map<string, Map<string, ComparisonGroup>>();
  for (const ind of rules.indicators)
    groups.set(ind.id, buildComparisonGroups(schools, ind, rules.england));
  const overallRule = rules.source.overall;
  const indicators = rules.indicators.map((ind) => ({
    ind,
    groups: groups.get(ind.id) as Map<string, ComparisonGroup>,
  }));
  const rated = schools.map((school): SchoolRatings => {
    const byIndicator: Record<string, IndicatorRating> = {};
    const performance: { label: string; rating: IndicatorRating }[] = [];
    for (const { ind, groups: g } of indicators) {
      const r = rateIndicator(school, ind, g, comparisonKeyOf(school, ind.rule));
      byIndicator[ind.id] = r;
      if (ind.rule.kind === 'performance') performance.push({ label: ind.rule.label, rating: r });
    }
    return { school, byIndicator, overall: rateOverall(performance, overallRule) };
  });
  return { rules, schools: rated, groups };
}
