/**
 * A group's rating on one indicator (or overall) with its reason, built when shown or exported:
 * the counts, aggregate and rating come from the roll-up arrays; the words from the roll-up
 * method and, for an aggregate, the clause walker over the group's sums.
 */
import { runClauses } from '../clause-reasons';
import { OVERALL_ID } from '../overall';
import { ROLLUP_METHODS, type RatingCounts, type RollupInput } from '../rollup-methods';
import { PHASES, type Phase, type Rating } from '../types';
import { illustrativeFlags } from '../table/school-table';
import { accumulateRows, newAccumulator, planAggregate, sumsOf } from './aggregate-rows';
import { ratingOfCode } from './codes';
import {
  aggregateClauses,
  countsAt,
  DEFAULT_RED_OR_AMBER_SHARE,
  DEFAULT_RED_SHARE,
  overallInput,
  type GroupArrays,
  type GroupLevel,
  type GroupTable,
} from './rollup-table';
import type { IndicatorRule } from '../rules/schema';

export interface GroupIndicatorRating {
  indicator: string;
  rating: Rating;
  reason: string;
  counts: RatingCounts;
  /** Aggregate value in the indicator's unit (undefined for overall or when no data). */
  aggregate: number | undefined;
  /** Schools contributing to the aggregate. */
  aggregateN: number;
  method: string;
}

export interface GroupRatings {
  level: GroupLevel;
  id: string;
  name: string;
  year: string;
  /** Member row numbers in the rated table. */
  members: number[];
  byIndicator: Readonly<Record<string, GroupIndicatorRating>>;
  overall: GroupIndicatorRating;
}

/** A group's overall rating: the share method on its schools' overall ratings, with why. */
function overallOfGroup(counts: RatingCounts, rating: Rating): GroupIndicatorRating {
  const r = ROLLUP_METHODS.share!.explain(overallInput(counts));
  return {
    indicator: OVERALL_ID,
    rating,
    reason: `Overall: ${r}`,
    counts,
    aggregate: undefined,
    aggregateN: 0,
    method: 'share',
  };
}

export function explainGroupIndicator(gt: GroupTable, g: number, k: number): GroupIndicatorRating {
  const tr = gt.ratings;
  const t = tr.table;
  const at = g * gt.width + k;
  const counts = countsAt(gt.counts, at);
  const rating = ratingOfCode(gt.rating[at] as number);
  if (k === tr.indicators.length) return overallOfGroup(counts, rating);
  const col = tr.indicators[k]!;
  const { ind } = col;
  const { rollup, label } = ind.rule;
  const name = gt.name[g] as string;
  const from = gt.memberOffsets[g] as number;
  const to = gt.memberOffsets[g + 1] as number;
  const aggValue = gt.aggregate[at] as number;
  const input: RollupInput = {
    counts,
    aggregate: Number.isNaN(aggValue) ? undefined : aggValue,
    rateAggregate: () => rating,
    explainAggregate: () => {
      if (Number.isNaN(aggValue)) return `${label}: no aggregate value for ${name}`;
      // The group's sums, accumulated over its members exactly as the roll-up did.
      const plan = planAggregate(t, col);
      const acc = newAccumulator(plan, 1, true);
      accumulateRows(t, plan, acc, undefined, undefined, { rows: gt.members, from, to });
      const clauses = aggregateClauses(plan, acc.phases[0] as number);
      if (!clauses.some((c) => c.when))
        return `${label}: no absolute trigger applies to the mix of phases in ${name}`;
      const sums = sumsOf(plan, acc, 0);
      const first = gt.members[from] as number;
      return runClauses(
        clauses,
        {
          phase: PHASES[t.phase[first] as number] as Phase,
          year: gt.year[g] as string,
          ind,
          value: aggValue,
          group: undefined,
          lookup: (c) => sums.get(c),
        },
        `${label} for ${name}`,
      ).reason;
    },
    redShare: rollup.redShare ?? DEFAULT_RED_SHARE,
    redOrAmberShare: rollup.redOrAmberShare ?? DEFAULT_RED_OR_AMBER_SHARE,
  };
  const said = ROLLUP_METHODS[rollup.method]!.explain(input);
  const named = said.startsWith(label) ? said : `${label}: ${said}`;
  // The flags looked up once per group (most data has none: no loop at all); per member they
  // were a Map lookup each, 18 ms for the authorities of a 100 MB file.
  const flags = illustrativeFlags(t, ind.inputs);
  let illustrative = false;
  for (let m = from; m < to && !illustrative && flags.length > 0; m++) {
    const row = gt.members[m] as number;
    illustrative = flags.some((f) => !!f[row]);
  }
  return {
    indicator: ind.id,
    rating,
    reason: illustrative
      ? `${named} (includes illustrative values, not the schools' own data)`
      : named,
    counts,
    aggregate: input.aggregate,
    aggregateN: gt.aggregateN[at] as number,
    method: rollup.method,
  };
}

/** One group with every indicator explained (a partnership page, an export). */
export function explainGroup(gt: GroupTable, g: number): GroupRatings {
  const tr = gt.ratings;
  const byIndicator: Record<string, GroupIndicatorRating> = {};
  tr.indicators.forEach((c, k) => (byIndicator[c.ind.id] = explainGroupIndicator(gt, g, k)));
  return {
    level: gt.level[g] as GroupLevel,
    id: gt.id[g] as string,
    name: gt.name[g] as string,
    year: gt.year[g] as string,
    members: Array.from(gt.members.subarray(gt.memberOffsets[g], gt.memberOffsets[g + 1])),
    byIndicator,
    overall: explainGroupIndicator(gt, g, tr.indicators.length),
  };
}

/**
 * A group explained for a view that holds no table (the data worker answers it): its schools
 * counted rather than listed by row number, which mean nothing off the worker.
 */
export type GroupFigures = Omit<GroupRatings, 'members'> & { schools: number };

export function groupFigures(gt: GroupTable, g: number): GroupFigures {
  const { members, ...rest } = explainGroup(gt, g);
  return { ...rest, schools: members.length };
}

/**
 * A group as the per-group arrays say it, without its indicators' reasons ('' until the data
 * worker, which has the rows they are worked out from, gives them): the page draws a new
 * filter's heatmap from these at once. `indicators` are the rules' indicators in rule order.
 */
export function groupFiguresOfArrays(
  gt: GroupArrays,
  indicators: readonly IndicatorRule[],
  g: number,
): GroupFigures {
  const byIndicator: Record<string, GroupIndicatorRating> = {};
  indicators.slice(0, gt.width - 1).forEach((ind, k) => {
    const at = g * gt.width + k;
    const aggregate = gt.aggregate[at] as number;
    byIndicator[ind.id] = {
      indicator: ind.id,
      rating: ratingOfCode(gt.rating[at] as number),
      reason: '',
      counts: countsAt(gt.counts, at),
      aggregate: Number.isNaN(aggregate) ? undefined : aggregate,
      aggregateN: gt.aggregateN[at] as number,
      method: ind.rollup.method,
    };
  });
  const at = g * gt.width + gt.width - 1;
  return {
    level: gt.level[g] as GroupLevel,
    id: gt.id[g] as string,
    name: gt.name[g] as string,
    year: gt.year[g] as string,
    schools: (gt.memberOffsets[g + 1] as number) - (gt.memberOffsets[g] as number),
    byIndicator,
    overall: overallOfGroup(countsAt(gt.counts, at), ratingOfCode(gt.rating[at] as number)),
  };
}
