/**
 * What changes colour if a draft rule set replaced the saved one. Only the indicators the draft
 * changes are re-rated (the rest reuse the saved rating arrays); overall and the roll-ups of the
 * filtered rows are recomputed; then every school, partnership and authority whose rating moves
 * on any indicator is listed, with the net effect on the headline counts.
 */
import { clauseUse, type ClauseUse } from './engine/clause-use';
import { RATING_CODE, ratingOfCode } from './engine/codes';
import {
  rateIndicatorColumn,
  rateOverallColumn,
  rateTable,
  type TableRatings,
} from './engine/rate-table';
import { rollUpStructure, type GroupTable } from './engine/rollup-table';
import { OVERALL_ID } from './overall';
import { rollUpFilter, type Filter } from './rated-view';
import { compileRules, type CompiledRules } from './rules/compile';
import type { RuleSet } from './rules/schema';
import { tableFromSchoolYears } from './table/from-school-years';
import { RATINGS, type Rating, type SchoolYear } from './types';

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
  /** Schools of the filter by overall rating, before and after (the net effect). */
  overallBefore: Record<Rating, number>;
  overallAfter: Record<Rating, number>;
  /** How often each clause of the draft fires on the filter's schools. */
  draftUse: ClauseUse;
}

/** Rates a draft over the same table, reusing every indicator whose rule is unchanged. */
export function rerate(saved: TableRatings, draft: CompiledRules): TableRatings {
  const byId = new Map(saved.indicators.map((c) => [c.ind.id, c]));
  const indicators = draft.indicators.map((ind) => {
    const prev = byId.get(ind.id);
    return prev && JSON.stringify(prev.ind.rule) === JSON.stringify(ind.rule)
      ? prev
      : rateIndicatorColumn(saved.table, ind);
  });
  return {
    table: saved.table,
    rules: draft,
    indicators,
    overall: rateOverallColumn(saved.table.n, indicators, draft.source.overall),
  };
}

/** Keys in the order a reader expects: the saved rule order, overall, then indicators the draft adds. */
function keysOf(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

const idsOf = (tr: TableRatings) => [...tr.indicators.map((c) => c.ind.id), OVERALL_ID];
const columnsOf = (tr: TableRatings) => [...tr.indicators.map((c) => c.rating), tr.overall];

/** Pairs of rating columns to compare, by key; columns the draft reuses (same array) are skipped. */
function differing(before: TableRatings, after: TableRatings) {
  const a = idsOf(before);
  const b = idsOf(after);
  const ca = columnsOf(before);
  const cb = columnsOf(after);
  return keysOf(a, b)
    .map((key) => ({ key, from: ca[a.indexOf(key)], to: cb[b.indexOf(key)] }))
    .filter(({ from, to }) => from !== to);
}

function countsByRating(byCode: Int32Array): Record<Rating, number> {
  const counts = { red: 0, amber: 0, green: 0, none: 0 };
  byCode.forEach((c, code) => (counts[ratingOfCode(code)] += c));
  return counts;
}

export function whatIfTable(
  before: TableRatings,
  after: TableRatings,
  filter: Filter,
  /** The saved rules' roll-up of the filter, when the caller has it already. */
  saved: GroupTable = rollUpFilter(before, filter),
): WhatIf {
  const t = before.table;
  const changes: RatingChange[] = [];
  const pairs = differing(before, after);
  const none = RATING_CODE.none;
  const before4 = new Int32Array(4);
  const after4 = new Int32Array(4);
  // The filter's rows are exactly the rows the saved roll-up grouped.
  const rows = saved.partnershipOf;
  const filterMask = new Uint8Array(t.n);
  for (let i = 0; i < t.n; i++) {
    if (rows[i]! < 0) continue;
    filterMask[i] = 1;
    before4[before.overall[i] as number]!++;
    after4[after.overall[i] as number]!++;
    for (const { key, from, to } of pairs) {
      const x = from ? (from[i] as number) : none;
      const y = to ? (to[i] as number) : none;
      if (x !== y)
        changes.push({
          level: 'school',
          id: t.urn[i] as string,
          name: t.name[i] as string,
          indicator: key,
          from: RATINGS[x] as Rating,
          to: RATINGS[y] as Rating,
        });
    }
  }
  const ga = rollUpStructure(saved, after, saved);
  const ka = idsOf(before);
  const kb = idsOf(after);
  const keys = keysOf(ka, kb).map((key) => ({ key, j: ka.indexOf(key), k: kb.indexOf(key) }));
  for (let g = 0; g < saved.size; g++) {
    for (const { key, j, k } of keys) {
      const x = j < 0 ? none : (saved.rating[g * saved.width + j] as number);
      const y = k < 0 ? none : (ga.rating[g * ga.width + k] as number);
      if (x !== y)
        changes.push({
          level: saved.level[g] as 'partnership' | 'authority',
          id: saved.id[g] as string,
          name: saved.name[g] as string,
          indicator: key,
          from: RATINGS[x] as Rating,
          to: RATINGS[y] as Rating,
        });
    }
  }
  const count = (level: RatingChange['level']) =>
    new Set(changes.filter((c) => c.level === level).map((c) => c.id)).size;
  return {
    changes,
    schools: count('school'),
    partnerships: count('partnership'),
    authorities: count('authority'),
    overallBefore: countsByRating(before4),
    overallAfter: countsByRating(after4),
    draftUse: clauseUse(after, filterMask),
  };
}

/** The what-if for a list of school-years (small data and tests). */
export function whatIf(
  schools: readonly SchoolYear[],
  saved: RuleSet,
  draft: RuleSet,
  filter: Filter,
): WhatIf {
  const before = rateTable(
    tableFromSchoolYears(schools.filter((s) => s.year === filter.year)),
    compileRules(saved),
  );
  return whatIfTable(before, rerate(before, compileRules(draft)), filter);
}
