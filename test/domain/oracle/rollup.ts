/**
 * Rolls school ratings up to partnerships (or another grouping) and to local authorities:
 * counts of red/amber/green/none, the aggregate value, and the group rating by the indicator's
 * declared roll-up method (a named registry, see rollup-methods.ts).
 */
import { aggregateIndicator } from './aggregate';
import type { GroupIndicatorRating } from '../../../src/domain/engine/explain-group';
import { isAbsolute } from '../../../src/domain/conditions';
import { OVERALL_ID } from '../../../src/domain/overall';
import type { DatasetRatings, SchoolRatings } from './rate-dataset';
import { runClauses } from '../../../src/domain/clause-reasons';
import type { IndicatorRating } from '../../../src/domain/rating';
import { ROLLUP_METHODS, type RatingCounts } from './rollup-methods';
import type { CompiledIndicator, CompiledRules } from '../../../src/domain/rules/compile';

export type GroupLevel = 'partnership' | 'authority';

export interface GroupRatings {
  level: GroupLevel;
  /** Partnership name or LA code. */
  id: string;
  name: string;
  year: string;
  schools: readonly SchoolRatings[];
  byIndicator: Readonly<Record<string, GroupIndicatorRating>>;
  overall: GroupIndicatorRating;
}

/** The partnership grouping used when none is named: the dataset's `partnership` column. */
export const DEFAULT_GROUPING = 'partnership';
export const UNASSIGNED = '(no partnership)';

export function countRatings(ratings: Iterable<IndicatorRating>): RatingCounts {
  let red = 0;
  let amber = 0;
  let green = 0;
  let none = 0;
  for (const r of ratings) {
    switch (r.rating) {
      case 'red':
        red++;
        break;
      case 'amber':
        amber++;
        break;
      case 'green':
        green++;
        break;
      case 'none':
        none++;
        break;
    }
  }
  return { red, amber, green, none };
}

const DEFAULT_RED_SHARE = 0.25;
const DEFAULT_RED_OR_AMBER_SHARE = 0.5;

function rateGroupIndicator(
  members: readonly SchoolRatings[],
  ind: CompiledIndicator,
  name: string,
): GroupIndicatorRating {
  const counts = countRatings(members.map((m) => m.byIndicator[ind.id] as IndicatorRating));
  const agg = aggregateIndicator(
    members.map((m) => m.school),
    ind,
  );
  const { rollup, label } = ind.rule;
  const method = ROLLUP_METHODS[rollup.method];
  if (!method) throw new Error(`unknown roll-up method ${rollup.method}`);
  const rateAggregate = () => {
    if (agg.value === undefined)
      return { rating: 'none' as const, reason: `${label}: no aggregate value for ${name}` };
    const phases = new Set(
      members.filter((m) => ind.clausesFor(m.school.phase)).map((m) => m.school.phase),
    );
    const [only] = phases;
    const clauses = (phases.size === 1 && only ? ind.clausesFor(only) : ind.rule.clauses) ?? [];
    const absolute = clauses.filter((c) => !c.when || isAbsolute(c.when));
    if (!absolute.some((c) => c.when))
      return {
        rating: 'none' as const,
        reason: `${label}: no absolute trigger applies to the mix of phases in ${name}`,
      };
    const row = (members[0] as SchoolRatings).school;
    return runClauses(
      absolute,
      {
        phase: row.phase,
        year: row.year,
        ind,
        value: agg.value,
        group: undefined,
        lookup: (c) => agg.sums.get(c),
      },
      `${label} for ${name}`,
    );
  };
  const result = method({
    counts,
    aggregate: agg.value,
    rateAggregate,
    redShare: rollup.redShare ?? DEFAULT_RED_SHARE,
    redOrAmberShare: rollup.redOrAmberShare ?? DEFAULT_RED_OR_AMBER_SHARE,
  });
  const named = result.reason.startsWith(label) ? result.reason : `${label}: ${result.reason}`;
  const illustrative = members.some((m) => m.school.illustrative?.some((c) => ind.inputs.has(c)));
  const reason = illustrative
    ? `${named} (includes illustrative values, not the schools' own data)`
    : named;

  return {
    indicator: ind.id,
    rating: result.rating,
    reason,
    counts,
    aggregate: agg.value,
    aggregateN: agg.n,
    method: rollup.method,
  };
}

function rateGroupOverall(members: readonly SchoolRatings[]): GroupIndicatorRating {
  const counts = countRatings(members.map((m) => m.overall));
  const share = ROLLUP_METHODS.share as NonNullable<(typeof ROLLUP_METHODS)['share']>;
  const r = share({
    counts,
    aggregate: undefined,
    rateAggregate: () => ({ rating: 'none', reason: '' }),
    redShare: DEFAULT_RED_SHARE,
    redOrAmberShare: DEFAULT_RED_OR_AMBER_SHARE,
  });
  return {
    indicator: OVERALL_ID,
    rating: r.rating,
    reason: `Overall: ${r.reason}`,
    counts,
    aggregate: undefined,
    aggregateN: 0,
    method: 'share',
  };
}

/** Rates one group of school-years (all of one year) on every indicator. */
export function rollUpGroup(
  level: GroupLevel,
  id: string,
  name: string,
  year: string,
  members: readonly SchoolRatings[],
  rules: CompiledRules,
): GroupRatings {
  const byIndicator: Record<string, GroupIndicatorRating> = {};
  for (const ind of rules.indicators) byIndicator[ind.id] = rateGroupIndicator(members, ind, name);
  return {
    level,
    id,
    name,
    year,
    schools: members,
    byIndicator,
    overall: rateGroupOverall(members),
  };
}

/** The partnership a school belongs to under a grouping ("partnership", "trust", ...). */
export function partnershipOf(
  s: SchoolRatings['school'],
  grouping: string = DEFAULT_GROUPING,
): string {
  const name = grouping === DEFAULT_GROUPING ? s.partnership : s.groupings?.[grouping];
  return name?.trim() ? name : UNASSIGNED;
}

function groupBy(
  rated: readonly SchoolRatings[],
  key: (s: SchoolRatings) => string,
): Map<string, SchoolRatings[]> {
  const out = new Map<string, SchoolRatings[]>();
  for (const s of rated) {
    const k = key(s);
    const list = out.get(k);
    if (list) list.push(s);
    else out.set(k, [s]);
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Partnership groups then authority groups, each sorted by year then name. */
export function rollUp(
  ratings: DatasetRatings,
  grouping: string = DEFAULT_GROUPING,
): GroupRatings[] {
  return rollUpSchools(ratings.schools, ratings.rules, grouping);
}

/** Rolls up any subset of rated schools (e.g. one phase) the same way. */
export function rollUpSchools(
  schools: readonly SchoolRatings[],
  rules: CompiledRules,
  grouping: string = DEFAULT_GROUPING,
): GroupRatings[] {
  const out: GroupRatings[] = [];
  const sep = '\u0000';
  for (const [key, members] of groupBy(
    schools,
    (s) => partnershipOf(s.school, grouping) + sep + s.school.year,
  )) {
    const [name, year] = key.split(sep) as [string, string];
    out.push(rollUpGroup('partnership', name, name, year, members, rules));
  }
  for (const [key, members] of groupBy(schools, (s) => s.school.laCode + sep + s.school.year)) {
    const [code, year] = key.split(sep) as [string, string];
    const name = members[0]?.school.laName || code;
    out.push(rollUpGroup('authority', code, name, year, members, rules));
  }
  const levelOrder = { partnership: 0, authority: 1 } as const;
  return out.sort(
    (a, b) =>
      levelOrder[a.level] - levelOrder[b.level] || cmp(a.year, b.year) || cmp(a.name, b.name),
  );
}
