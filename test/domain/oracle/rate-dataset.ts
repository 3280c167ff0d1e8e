/**
 * Rates every school-year in a dataset on every indicator, plus its overall rating.
 * Ratings are derived on demand from data + rules and never stored.
 */
import { buildComparisonGroups, type ComparisonGroup } from './comparison-groups';
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
  for (const ind of rules.indicators) groups.set(ind.id, buildComparisonGroups(schools, ind));
  const overallRule = rules.source.overall;
  const indicators = rules.indicators.map((ind) => ({
    ind,
    groups: groups.get(ind.id) as Map<string, ComparisonGroup>,
    laScope: ind.rule.comparison?.scope === 'la',
  }));
  const rated = schools.map((school): SchoolRatings => {
    const byIndicator: Record<string, IndicatorRating> = {};
    const performance: { label: string; rating: IndicatorRating }[] = [];
    // Group keys are built once per row, not once per row and indicator.
    const key = `${school.phase}|${school.year}`;
    const laKey = `${key}|${school.laCode}`;
    for (const { ind, groups: g, laScope } of indicators) {
      const r = rateIndicator(school, ind, g, laScope ? laKey : key);
      byIndicator[ind.id] = r;
      if (ind.rule.kind === 'performance') performance.push({ label: ind.rule.label, rating: r });
    }
    return { school, byIndicator, overall: rateOverall(performance, overallRule) };
  });
  return { rules, schools: rated, groups };
}
