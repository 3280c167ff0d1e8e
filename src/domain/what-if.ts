/**
 * What changes colour if a draft rule set replaced the saved one: the engine rates both, and
 * this lists every school, partnership and authority whose rating moves on any indicator.
 */
import { OVERALL_ID } from './overall';
import { groupSummaries, matchesFilter, type Filter, type GroupSummary } from './rated-view';

import { rateDataset, type SchoolRatings } from './rate-dataset';
import { compileRules } from './rules/compile';
import type { RuleSet } from './rules/schema';
import type { Rating, SchoolYear } from './types';

export interface RatingChange {
  level: 'school' | 'partnership' | 'authority';
  id: string;
  name: string;
  indicator: string;
  from: Rating;
  to: Rating;
}

export interface WhatIf {
  changes: RatingChange[];
  /** Distinct things that change colour on at least one indicator. */
  schools: number;
  partnerships: number;
  authorities: number;
}

function ratingsOf(s: SchoolRatings): Map<string, Rating> {
  const m = new Map<string, Rating>(Object.entries(s.byIndicator).map(([k, r]) => [k, r.rating]));
  m.set(OVERALL_ID, s.overall.rating);
  return m;
}

function groupRatingsOf(g: GroupSummary): Map<string, Rating> {
  const m = new Map<string, Rating>(Object.entries(g.byIndicator).map(([k, r]) => [k, r.rating]));
  m.set(OVERALL_ID, g.overall.rating);
  return m;
}

function diff(
  level: RatingChange['level'],
  id: string,
  name: string,
  a: Map<string, Rating>,
  b: Map<string, Rating>,
  out: RatingChange[],
) {
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const from = a.get(key) ?? 'none';
    const to = b.get(key) ?? 'none';
    if (from !== to) out.push({ level, id, name, indicator: key, from, to });
  }
}

export function whatIf(
  schools: readonly SchoolYear[],
  saved: RuleSet,
  draft: RuleSet,
  filter: Filter,
): WhatIf {
  const inYear = schools.filter((s) => s.year === filter.year);
  const before = rateDataset(inYear, compileRules(saved));
  const after = rateDataset(inYear, compileRules(draft));
  const changes: RatingChange[] = [];
  before.schools.forEach((s, i) => {
    if (!matchesFilter(s.school, filter)) return;
    const t = after.schools[i] as SchoolRatings;
    diff('school', s.school.urn, s.school.name, ratingsOf(s), ratingsOf(t), changes);
  });
  const gb = groupSummaries(before, filter);
  const ga = new Map(groupSummaries(after, filter).map((g) => [`${g.level}|${g.id}`, g]));
  for (const g of gb) {
    const t = ga.get(`${g.level}|${g.id}`);
    if (t) diff(g.level, g.id, g.name, groupRatingsOf(g), groupRatingsOf(t), changes);
  }
  const count = (level: RatingChange['level']) =>
    new Set(changes.filter((c) => c.level === level).map((c) => c.id)).size;
  return {
    changes,
    schools: count('school'),
    partnerships: count('partnership'),
    authorities: count('authority'),
  };
}
