/**
 * Roll-up over a filter mask: the rows that pass the filter are grouped by partnership (or
 * another grouping) and year, then by authority and year; each group gets its members (CSR),
 * counts per indicator x rating in one integer array, aggregates and the group rating by the
 * indicator's roll-up method. A filter change re-runs this, never the rating.
 */
import { isAbsolute } from '../conditions';
import { ROLLUP_METHODS, shareRating, type RollupInput } from '../rollup-methods';
import type { Clause } from '../rules/schema';
import { PHASES, type Rating } from '../types';
import type { SchoolTable } from '../table/school-table';
import { DEFAULT_GROUPING, groupStructure, type GroupStructure } from './group-structure';
import {
  accumulateRows,
  fillAggregates,
  newAccumulator,
  planAggregate,
  sumLookup,
  type Accumulator,
  type AggregatePlan,
} from './aggregate-rows';
import { RATING_CODE } from './codes';
import { decideScalar, MATCH, UNBANDABLE } from './decide';
import type { TableRatings } from './rate-table';

export { DEFAULT_GROUPING, UNASSIGNED, type GroupLevel } from './group-structure';
export const DEFAULT_RED_SHARE = 0.25;
export const DEFAULT_RED_OR_AMBER_SHARE = 0.5;

export interface GroupTable extends GroupStructure {
  ratings: TableRatings;
  /** Indicators plus one (overall, last). */
  width: number;
  /** counts[(g * width + k) * 4 + ratingCode]. */
  counts: Int32Array;
  /** rating[g * width + k], a RATING_CODE. */
  rating: Uint8Array;
  /** aggregate[g * width + k]; NaN when none (and always for overall). */
  aggregate: Float64Array;
  aggregateN: Int32Array;
}

/**
 * A roll-up as a view that holds no table has it (the data worker keeps the ratings and each
 * group's member rows): per group, never per row. Sorting, finding and counting groups need
 * no more.
 */
export type GroupArrays = Omit<
  GroupTable,
  'ratings' | 'table' | 'partnershipOf' | 'authorityOf' | 'members'
>;

/** Rows that pass a filter, as a mask. */
export function filterMask(t: SchoolTable, keep: (row: number) => boolean): Uint8Array {
  const m = new Uint8Array(t.n);
  for (let i = 0; i < t.n; i++) m[i] = keep(i) ? 1 : 0;
  return m;
}

/** The clause list a group's aggregate is rated on, and whether any of it is absolute. */
export function aggregateClauses(plan: AggregatePlan, phaseMask: number): readonly Clause[] {
  let list = plan.clausesByPhaseMask.get(phaseMask);
  if (list) return list;
  const ind = plan.col.ind;
  const phases = PHASES.filter((_, p) => phaseMask & (1 << p));
  // One phase: that phase's clauses; a mix: the indicator's general clauses.
  const clauses = (phases.length === 1 ? ind.clausesFor(phases[0]!) : ind.rule.clauses) ?? [];
  list = clauses.filter((c) => !c.when || isAbsolute(c.when));
  plan.clausesByPhaseMask.set(phaseMask, list);
  return list;
}

/** Rates an aggregate on absolute clauses, without words. */
export function decideAggregate(
  plan: AggregatePlan,
  clauses: readonly Clause[],
  value: number | undefined,
  acc: Accumulator,
  g: number,
): Rating {
  if (value === undefined || !clauses.some((c) => c.when)) return 'none';
  const look = sumLookup(plan, acc, g);
  const f = (text: string) => plan.col.ind.formula(text);
  for (const c of clauses) {
    if (!c.when) return c.rating;
    const r = decideScalar(c.when, value, look, f);
    if (r === UNBANDABLE) return 'none';
    if (r === MATCH) return c.rating;
  }
  return 'none';
}

export function rollUpTable(
  tr: TableRatings,
  mask: Uint8Array | undefined,
  grouping: string = DEFAULT_GROUPING,
): GroupTable {
  return rollUpStructure(groupStructure(tr.table, mask, grouping), tr);
}

/**
 * Counts, aggregates and group ratings of every indicator over a group structure. With
 * `reuse` (the roll-up of other ratings over the same structure, e.g. the saved rules in a
 * what-if), an indicator whose rating column is the very same array is copied, not recomputed.
 */
export function rollUpStructure(
  gs: GroupStructure,
  tr: TableRatings,
  reuse?: GroupTable,
): GroupTable {
  const { partnershipOf, authorityOf } = gs;
  const G = gs.size;
  const nInd = tr.indicators.length;
  const width = nInd + 1;
  const counts = new Int32Array(G * width * 4);
  const rating = new Uint8Array(G * width);
  const aggregate = new Float64Array(G * width).fill(NaN);
  const aggregateN = new Int32Array(G * width);
  const columns = [...tr.indicators.map((c) => c.rating), tr.overall];
  const tally = new Int32Array(G * 4);
  const reusable = reuse && reuse.members === gs.members ? reuse : undefined;
  const from = reusable
    ? [...reusable.ratings.indicators.map((c) => c.rating), reusable.ratings.overall]
    : [];
  // Of the same width (a what-if of a trigger), everything is copied at once (natively) and
  // only the slots that changed are worked out again over it.
  const copied = reusable !== undefined && reusable.width === width;
  if (copied) {
    counts.set(reusable.counts);
    rating.set(reusable.rating);
    aggregate.set(reusable.aggregate);
    aggregateN.set(reusable.aggregateN);
  }
  for (let k = 0; k < width; k++) {
    const r = columns[k] as Uint8Array;
    const j = reusable ? from.indexOf(r) : -1;
    if (reusable && j >= 0 && k < nInd === j < reusable.width - 1) {
      if (!(copied && j === k))
        copySlot(reusable, j, G, width, k, counts, rating, aggregate, aggregateN);
      continue;
    }
    countColumn(r, partnershipOf, authorityOf, counts, width, k, tally);
    if (k < nInd) rateIndicatorGroups(gs, tr, k, width, counts, rating, aggregate, aggregateN);
  }
  rateByShare(counts, rating, G, width, nInd, DEFAULT_RED_SHARE, DEFAULT_RED_OR_AMBER_SHARE);
  return { ...gs, ratings: tr, width, counts, rating, aggregate, aggregateN };
}

// The loops are small functions of typed arrays: the optimiser compiles each once and keeps it,
// where one large function with several loops was recompiled on every new path (a what-if's
// first run took several times its warm time).

/** One indicator's counts, rating and aggregate of every group, copied from another roll-up. */
function copySlot(
  from: GroupTable,
  j: number,
  G: number,
  width: number,
  k: number,
  counts: Int32Array,
  rating: Uint8Array,
  aggregate: Float64Array,
  aggregateN: Int32Array,
): void {
  const w = from.width;
  const fc = from.counts;
  for (let g = 0; g < G; g++) {
    const a = g * width + k;
    const b = g * w + j;
    for (let c = 0; c < 4; c++) counts[a * 4 + c] = fc[b * 4 + c] as number;
    rating[a] = from.rating[b] as number;
    aggregate[a] = from.aggregate[b] as number;
    aggregateN[a] = from.aggregateN[b] as number;
  }
}

/** Counts one rating column into its partnership and authority slots. */
/**
 * One rating column's counts per group, tallied in `tally` (4 per group: small enough to stay
 * in cache, where striding the whole counts array missed it on most rows), then copied into
 * the indicator's slots.
 */
function countColumn(
  r: Uint8Array,
  partnershipOf: Int32Array,
  authorityOf: Int32Array,
  counts: Int32Array,
  width: number,
  k: number,
  tally: Int32Array,
): void {
  tally.fill(0);
  for (let i = 0; i < r.length; i++) {
    const pg = partnershipOf[i] as number;
    if (pg < 0) continue;
    const code = r[i] as number;
    tally[pg * 4 + code]!++;
    tally[(authorityOf[i] as number) * 4 + code]!++;
  }
  const G = tally.length >> 2;
  for (let g = 0; g < G; g++) {
    const to = (g * width + k) * 4;
    counts[to] = tally[g * 4] as number;
    counts[to + 1] = tally[g * 4 + 1] as number;
    counts[to + 2] = tally[g * 4 + 2] as number;
    counts[to + 3] = tally[g * 4 + 3] as number;
  }
}

function rateIndicatorGroups(
  gs: GroupStructure,
  tr: TableRatings,
  k: number,
  width: number,
  counts: Int32Array,
  rating: Uint8Array,
  aggregate: Float64Array,
  aggregateN: Int32Array,
): void {
  const t = tr.table;
  const { partnershipOf, authorityOf } = gs;
  const col = tr.indicators[k]!;
  const { rollup } = col.ind.rule;
  const method = ROLLUP_METHODS[rollup.method];
  if (!method) throw new Error(`unknown roll-up method ${rollup.method}`);
  const plan = planAggregate(t, col);
  const acc = newAccumulator(plan, gs.size, rollup.method === 'aggregate');
  accumulateRows(t, plan, acc, partnershipOf, authorityOf);
  fillAggregates(plan, acc, gs.size, width, k, aggregate, aggregateN);
  if (method === ROLLUP_METHODS.share) {
    const { redShare, redOrAmberShare } = rollup;
    const shares = [redShare ?? DEFAULT_RED_SHARE, redOrAmberShare ?? DEFAULT_RED_OR_AMBER_SHARE];
    rateByShare(counts, rating, gs.size, width, k, shares[0]!, shares[1]!);
    return;
  }
  // One input object per indicator, pointed at each group in turn (no closure per group).
  let g = 0;
  const input: RollupInput = {
    counts: { red: 0, amber: 0, green: 0, none: 0 },
    aggregate: undefined,
    rateAggregate: () =>
      decideAggregate(
        plan,
        aggregateClauses(plan, acc.phases[g] as number),
        input.aggregate,
        acc,
        g,
      ),
    explainAggregate: () => '',
    redShare: rollup.redShare ?? DEFAULT_RED_SHARE,
    redOrAmberShare: rollup.redOrAmberShare ?? DEFAULT_RED_OR_AMBER_SHARE,
  };
  for (g = 0; g < gs.size; g++) {
    const at = g * width + k;
    const value = aggregate[at] as number;
    setCounts(input.counts, counts, at);
    input.aggregate = Number.isNaN(value) ? undefined : value;
    rating[at] = RATING_CODE[method.rate(input)];
  }
}

/** Every group's rating at slot k by the share method, read straight from the counts. */
function rateByShare(
  counts: Int32Array,
  rating: Uint8Array,
  G: number,
  width: number,
  k: number,
  redShare: number,
  redOrAmberShare: number,
): void {
  const { red, amber, green } = RATING_CODE;
  for (let g = 0; g < G; g++) {
    const b = (g * width + k) * 4;
    rating[g * width + k] =
      RATING_CODE[
        shareRating(
          counts[b + red] as number,
          counts[b + amber] as number,
          counts[b + green] as number,
          redShare,
          redOrAmberShare,
        )
      ];
  }
}

/** Points `into` at the counts of one (group, indicator) slot (no object per group). */
function setCounts(into: RollupInput['counts'], counts: Int32Array, at: number): void {
  const b = at * 4;
  into.red = counts[b + RATING_CODE.red] as number;
  into.amber = counts[b + RATING_CODE.amber] as number;
  into.green = counts[b + RATING_CODE.green] as number;
  into.none = counts[b + RATING_CODE.none] as number;
}

/** The red/amber/green/none counts at one (group, indicator) slot. */
export function countsAt(counts: Int32Array, at: number) {
  const b = at * 4;
  return {
    red: counts[b + RATING_CODE.red] as number,
    amber: counts[b + RATING_CODE.amber] as number,
    green: counts[b + RATING_CODE.green] as number,
    none: counts[b + RATING_CODE.none] as number,
  };
}

/** A group's overall rating: the share method on its schools' overall ratings. */
export function overallInput(counts: RollupInput['counts']): RollupInput {
  return {
    counts,
    aggregate: undefined,
    rateAggregate: () => 'none',
    explainAggregate: () => '',
    redShare: DEFAULT_RED_SHARE,
    redOrAmberShare: DEFAULT_RED_OR_AMBER_SHARE,
  };
}
