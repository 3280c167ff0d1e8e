/**
 * A group's aggregate value for an indicator, as the indicator declares: pupil-weighted mean
 * (default), plain mean, or a ratio of sums (e.g. surplus = (sum capacity - sum pupils) /
 * sum capacity * 100, over the schools that have both values).
 *
 * Accumulated row by row into per-group arrays, so a roll-up of every group is one pass over the
 * rows; each group's sums run in row order, so a figure is the same to the last bit whether all
 * groups or one are aggregated. A value or sum that is not finite is never rated: the aggregate
 * is then missing.
 */
import { evaluateFormula, formulaColumns } from '../formula';
import type { Aggregate, Clause } from '../rules/schema';
import { columnValues, type SchoolTable } from '../table/school-table';
import { PHASES } from '../types';
import type { IndicatorColumn } from './rate-table';

/** Columns, parsed formulas and flags an indicator's aggregate needs, prepared once. */
export interface AggregatePlan {
  col: IndicatorColumn;
  agg: Aggregate;
  /** Per phase index: does the indicator apply. */
  applies: boolean[];
  /** Columns summed, by name: the ratio's inputs, or the value columns (and weight). */
  sumColumns: [string, Float64Array][];
  /** Each summed column's place in sumColumns (and in an accumulator's sums). */
  sumIndex: Map<string, number>;
  weight: Float64Array | undefined;
  /** The absolute clauses a group's aggregate is rated on, by the phases in the group. */
  clausesByPhaseMask: Map<number, readonly Clause[]>;
}

export function planAggregate(t: SchoolTable, col: IndicatorColumn): AggregatePlan {
  const ind = col.ind;
  const agg: Aggregate = ind.rule.rollup.aggregate ?? { kind: 'weighted_mean' };
  const applies = PHASES.map((p) => ind.clausesFor(p) !== undefined);
  // The columns the indicator's value is computed from, as compiled.
  const valueColumns = ind.inputs;
  const base = { col, agg, applies, clausesByPhaseMask: new Map<number, readonly Clause[]>() };
  const summing = (names: Iterable<string>) => {
    const sumColumns = [...names].map((c): [string, Float64Array] => [c, columnValues(t, c)]);
    return { sumColumns, sumIndex: new Map(sumColumns.map(([c], k) => [c, k])) };
  };
  switch (agg.kind) {
    case 'ratio': {
      const cols = formulaColumns(
        ind.formula(agg.denominator),
        formulaColumns(ind.formula(agg.numerator)),
      );
      return { ...base, ...summing(cols), weight: undefined };
    }
    case 'mean':
      return { ...base, ...summing(valueColumns), weight: undefined };
    case 'weighted_mean': {
      const w = agg.weight ?? 'pupils';
      return {
        ...base,
        ...summing(new Set([...valueColumns, w])),
        weight: columnValues(t, w),
      };
    }
  }
}

/** Per-group running totals. */
export interface Accumulator {
  /** Contributing rows. */
  n: Int32Array;
  /** weighted mean: sum of weights; mean: sum of values. */
  a: Float64Array;
  /** weighted mean: sum of weight x value. */
  b: Float64Array;
  /** Sums of plan.sumColumns, when asked for (always for a ratio). */
  sums: Float64Array[] | undefined;
  /** Bit per phase index of the applicable members. */
  phases: Int32Array;
}

export function newAccumulator(
  plan: AggregatePlan,
  groups: number,
  withSums: boolean,
): Accumulator {
  const sums = withSums || plan.agg.kind === 'ratio';
  return {
    n: new Int32Array(groups),
    a: new Float64Array(groups),
    b: new Float64Array(groups),
    sums: sums ? plan.sumColumns.map(() => new Float64Array(groups)) : undefined,
    phases: new Int32Array(groups),
  };
}

/**
 * Adds every row to its group(s): `groupOf` and, when given, `alsoOf` (a row counts in its
 * partnership and its authority). One loop per aggregate kind, so the row loop has no switch.
 */
export function accumulateRows(
  t: SchoolTable,
  plan: AggregatePlan,
  acc: Accumulator,
  groupOf: Int32Array | undefined,
  alsoOf?: Int32Array,
  /** Instead of every row: only these rows (rows[from..to)), all into group 0. */
  only?: { rows: Int32Array; from: number; to: number },
): void {
  const start = only ? only.from : 0;
  const end = only ? only.to : (groupOf as Int32Array).length;
  const { applies } = plan;
  const ok = Uint8Array.from(applies, (x) => (x ? 1 : 0));
  const phase = t.phase;
  const value = plan.col.value;
  const cols = plan.sumColumns.map(([, v]) => v);
  const sums = acc.sums;
  const { a, b, phases } = acc;
  const count = acc.n;
  const kind = plan.agg.kind;
  const w = plan.weight;
  for (let k = start; k < end; k++) {
    const i = only ? (only.rows[k] as number) : k;
    const g = only ? 0 : ((groupOf as Int32Array)[i] as number);
    if (g < 0) continue;
    const p = phase[i] as number;
    if (!ok[p]) continue;
    const h = alsoOf ? (alsoOf[i] as number) : -1;
    phases[g]! |= 1 << p;
    if (h >= 0) phases[h]! |= 1 << p;
    if (kind === 'ratio') {
      let all = true;
      for (let c = 0; c < cols.length; c++) if (Number.isNaN(cols[c]![i] as number)) all = false;
      if (!all) continue;
    } else {
      const v = value[i] as number;
      if (!Number.isFinite(v)) continue;
      if (kind === 'mean') {
        a[g]! += v;
        if (h >= 0) a[h]! += v;
      } else {
        const wi = (w as Float64Array)[i] as number;
        if (!(wi > 0)) continue;
        a[g]! += wi;
        b[g]! += wi * v;
        if (h >= 0) {
          a[h]! += wi;
          b[h]! += wi * v;
        }
      }
    }
    count[g]!++;
    if (h >= 0) count[h]!++;
    if (sums)
      for (let c = 0; c < cols.length; c++) {
        const x = cols[c]![i] as number;
        const y = Number.isNaN(x) ? 0 : x;
        sums[c]![g]! += y;
        if (h >= 0) sums[c]![h]! += y;
      }
  }
}

/** The sums of group g by column name (for an aggregate's own triggers). */
export function sumsOf(plan: AggregatePlan, acc: Accumulator, g: number): Map<string, number> {
  return new Map(plan.sumColumns.map(([c], k) => [c, acc.sums?.[k]?.[g] ?? 0]));
}

/**
 * Group g's sum of a column, as sumsOf has it (0 when the accumulator keeps no sums, undefined
 * for a column not summed), without a map per group.
 */
export function sumLookup(
  plan: AggregatePlan,
  acc: Accumulator,
  g: number,
): (column: string) => number | undefined {
  return (c) => {
    const k = plan.sumIndex.get(c);
    return k === undefined ? undefined : (acc.sums?.[k]?.[g] ?? 0);
  };
}

/** Group g's aggregate value, or undefined when there is none (or it is not finite). */
export function aggregateValue(
  plan: AggregatePlan,
  acc: Accumulator,
  g: number,
): number | undefined {
  const n = acc.n[g] as number;
  if (n === 0) return undefined;
  let v: number | undefined;
  const agg = plan.agg;
  switch (agg.kind) {
    case 'ratio': {
      const look = (c: string) => {
        const k = plan.sumIndex.get(c);
        return k === undefined ? undefined : (acc.sums?.[k]?.[g] as number);
      };
      const a = evaluateFormula(plan.col.ind.formula(agg.numerator), look);
      const b = evaluateFormula(plan.col.ind.formula(agg.denominator), look);
      v = a === undefined || b === undefined || b === 0 ? undefined : (a / b) * (agg.scale ?? 1);
      break;
    }
    case 'mean':
      v = (acc.a[g] as number) / n;
      break;
    case 'weighted_mean': {
      const sw = acc.a[g] as number;
      v = sw > 0 ? (acc.b[g] as number) / sw : undefined;
      break;
    }
  }
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

/**
 * Every group's aggregate (NaN where aggregateValue has none) and contributing rows, into slot
 * k of each group's `width`. The means in loops of their own: a call per group returned each
 * value boxed, a few hundred kilobytes of garbage per roll-up.
 */
export function fillAggregates(
  plan: AggregatePlan,
  acc: Accumulator,
  G: number,
  width: number,
  k: number,
  aggregate: Float64Array,
  aggregateN: Int32Array,
): void {
  const { n, a, b } = acc;
  for (let g = 0; g < G; g++) aggregateN[g * width + k] = n[g] as number;
  switch (plan.agg.kind) {
    case 'weighted_mean':
      weightedMeans(n, a, b, G, width, k, aggregate);
      break;
    case 'mean':
      plainMeans(n, a, G, width, k, aggregate);
      break;
    case 'ratio':
      for (let g = 0; g < G; g++) aggregate[g * width + k] = aggregateValue(plan, acc, g) ?? NaN;
  }
}

/** sum(w x v) / sum(w) where some row counted and the weights sum above 0, and it is finite. */
function weightedMeans(
  n: Int32Array,
  sw: Float64Array,
  swv: Float64Array,
  G: number,
  width: number,
  k: number,
  out: Float64Array,
): void {
  for (let g = 0; g < G; g++) {
    const w = sw[g] as number;
    const v = (swv[g] as number) / w;
    out[g * width + k] = (n[g] as number) > 0 && w > 0 && v - v === 0 ? v : NaN;
  }
}

/** sum(v) / n where some row counted, and it is finite. */
function plainMeans(
  n: Int32Array,
  sum: Float64Array,
  G: number,
  width: number,
  k: number,
  out: Float64Array,
): void {
  for (let g = 0; g < G; g++) {
    const c = n[g] as number;
    const v = (sum[g] as number) / c;
    out[g * width + k] = c > 0 && v - v === 0 ? v : NaN;
  }
}
