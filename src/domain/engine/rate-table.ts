/**
 * Rates a columnar table: each indicator's clause lists compiled to deciders, one loop over the
 * rows per indicator writing a rating code, the matched clause and a status into small typed
 * arrays. No reason is written here: `explain.ts` builds one when it is shown or exported.
 * Comparison groups are built only for indicators whose triggers use a quantile or the mean.
 */
import type { CompiledIndicator, CompiledRules } from '../rules/compile';
import type { Clause, Condition } from '../rules/schema';
import { PHASES } from '../types';
import { columnValues, type SchoolTable } from '../table/school-table';
import { conditionOutcomes, type DecideContext } from './decide';
import { evaluateFormulaColumn } from './formula-column';
import { buildGroupIndex, scopeOf, type GroupIndex } from './group-index';
import { RATING_CODE, STATUS } from './codes';

export interface IndicatorColumn {
  ind: CompiledIndicator;
  /** RATING_CODE per row. */
  rating: Uint8Array;
  /** Index of the matched clause in the list used for the row's phase; -1 when none. */
  clause: Int16Array;
  /** STATUS per row: why a row is or is not rated. */
  status: Uint8Array;
  /** The indicator's value per row (NaN missing; kept for rows below the pupil minimum). */
  value: Float64Array;
  /** Comparison groups: built while rating when triggers need them, else on first request. */
  groups(): GroupIndex;
}

export interface TableRatings {
  table: SchoolTable;
  rules: CompiledRules;
  indicators: IndicatorColumn[];
  /** Overall rating code per row, from performance indicators only. */
  overall: Uint8Array;
}

function usesGroup(c: Condition): boolean {
  if ('all' in c) return c.all.some(usesGroup);
  if ('any' in c) return c.any.some(usesGroup);
  return c.value === undefined;
}

function clauseLists(ind: CompiledIndicator): (readonly Clause[] | undefined)[] {
  return PHASES.map((p) => ind.clausesFor(p));
}

/** The indicator's value column: a column of the table, or its formula over the columns. */
export function indicatorValues(t: SchoolTable, ind: CompiledIndicator): Float64Array {
  const col = (c: string) => columnValues(t, c);
  return ind.rule.formula !== undefined
    ? evaluateFormulaColumn(ind.formula(ind.rule.formula), col, t.n)
    : col(ind.rule.column as string);
}

/**
 * Applies one clause's outcomes to the rows no earlier clause decided: a match takes its rating
 * and clause, a condition that could not be banded stops the row (STATUS.unbandable), and the
 * rest are kept in order in rows[0, left) for the next clause; returns left. Without branches,
 * in integer arithmetic (outcome r: 0 no match, 1 match, 2 could not band), since outcomes vary
 * row to row: a row left undecided is written its undecided values (none, -1, rated).
 */
function applyClause(
  o: Uint8Array,
  rows: Int32Array,
  m: number,
  code: number,
  k: number,
  rating: Uint8Array,
  clause: Int16Array,
  status: Uint8Array,
): number {
  const none = RATING_CODE.none;
  let left = 0;
  for (let j = 0; j < m; j++) {
    const i = rows[j] as number;
    const r = o[j] as number;
    const match = r & 1;
    rating[i] = none + match * (code - none);
    clause[i] = match * (k + 1) - 1;
    status[i] = (r >> 1) * STATUS.unbandable;
    rows[left] = i;
    left += (r - 1) >>> 31;
  }
  return left;
}

export function rateIndicatorColumn(t: SchoolTable, ind: CompiledIndicator): IndicatorColumn {
  const n = t.n;
  const lists = clauseLists(ind);
  // A copy: rows that are not rated get NaN here, never in the table's own column.
  const value = indicatorValues(t, ind).slice();
  const min = ind.rule.minPupils;
  const pupils = min === undefined ? undefined : columnValues(t, ind.rule.pupilsColumn ?? 'pupils');
  const status = new Uint8Array(n);
  const eligible = new Uint8Array(n);
  // Phases usually share one clause list: each distinct list gets the eligible rows of its
  // phases, in row order, and is decided over them alone.
  const distinct = [...new Set(lists.filter((l) => l !== undefined))];
  const listOf = Int8Array.from(lists, (l) => (l ? distinct.indexOf(l) : -1));
  const selected = distinct.map(() => new Int32Array(n));
  const count = new Int32Array(distinct.length);
  const phase = t.phase;
  const minimum = min ?? -Infinity;
  const rateUnknown = ind.rule.unknownPupils === 'rated';
  // Missing values are reported as missing, whatever a formula produced: NaN from here on (only
  // eligible rows are decided or grouped, so nothing below reads the value of the others).
  for (let i = 0; i < n; i++) {
    const l = listOf[phase[i] as number] as number;
    if (l < 0) {
      status[i] = STATUS.notApplicable;
      value[i] = NaN;
    } else if (
      pupils &&
      !((pupils[i] as number) >= minimum) &&
      !(rateUnknown && Number.isNaN(pupils[i] as number))
    )
      status[i] = STATUS.belowMinPupils;
    else if (!Number.isFinite(value[i] as number)) {
      status[i] = STATUS.missing;
      value[i] = NaN;
    } else {
      eligible[i] = 1;
      (selected[l] as Int32Array)[count[l]!++] = i;
    }
  }
  let groups: GroupIndex | undefined;
  const getGroups = () =>
    (groups ??= buildGroupIndex(t, value, eligible, scopeOf(ind.rule), ind.reference));
  const needGroups = distinct.some((l) => l.some((c) => c.when && usesGroup(c.when)));

  const exprs = new Map<string, Float64Array>();
  const ctx: DecideContext = {
    n,
    value,
    column: (c: string) => columnValues(t, c),
    expr: (text: string) => {
      let v = exprs.get(text);
      if (!v) exprs.set(text, (v = evaluateFormulaColumn(ind.formula(text), ctx.column, n)));
      return v;
    },
    groups: needGroups ? getGroups() : undefined,
  };
  const rating = new Uint8Array(n).fill(RATING_CODE.none);
  const clause = new Int16Array(n).fill(-1);
  // Clause by clause, each over the rows no earlier clause decided: a row takes the first
  // clause that matches, or stops at one that cannot be banded; what is left matched none.
  distinct.forEach((list, l) => {
    const rows = selected[l] as Int32Array;
    let m = count[l] as number;
    for (let k = 0; k < list.length && m > 0; k++) {
      const c = list[k] as Clause;
      const code = RATING_CODE[c.rating];
      if (!c.when) {
        // No condition: every row left takes it.
        for (let j = 0; j < m; j++) {
          const i = rows[j] as number;
          rating[i] = code;
          clause[i] = k;
        }
        m = 0;
      } else
        m = applyClause(
          conditionOutcomes(c.when, ctx, rows, m),
          rows,
          m,
          code,
          k,
          rating,
          clause,
          status,
        );
    }
    for (let j = 0; j < m; j++) status[rows[j] as number] = STATUS.noMatch;
  });
  return { ind, rating, clause, status, value, groups: getGroups };
}

/** Per row, how many performance indicators are red, amber and rated (the overall rule's inputs). */
export interface OverallCounts {
  reds: Uint8Array;
  ambers: Uint8Array;
  rated: Uint8Array;
}

const performanceRatings = (indicators: readonly IndicatorColumn[]) =>
  indicators.filter((c) => c.ind.rule.kind === 'performance').map((c) => c.rating);

/** Adds (sign 1) or takes away (sign -1) rating columns' reds, ambers and rated rows. */
function addCounts(into: OverallCounts, columns: readonly Uint8Array[], sign: 1 | -1): void {
  const { reds, ambers, rated } = into;
  // Without branches (ratings vary row to row, and mispredicted branches were most of this
  // loop's time): each test is the sign bit of a difference, 1 or 0. Codes run worst first
  // (red 0, amber 1, green 2, none 3): rated is below none, red below amber.
  const { amber, none } = RATING_CODE;
  for (const r of columns)
    for (let i = 0; i < r.length; i++) {
      const code = r[i] as number;
      rated[i]! += sign * ((code - none) >>> 31);
      reds[i]! += sign * ((code - amber) >>> 31);
      ambers[i]! += sign * (((code ^ amber) - 1) >>> 31);
    }
}

export function overallCounts(n: number, indicators: readonly IndicatorColumn[]): OverallCounts {
  const counts = { reds: new Uint8Array(n), ambers: new Uint8Array(n), rated: new Uint8Array(n) };
  addCounts(counts, performanceRatings(indicators), 1);
  return counts;
}

/**
 * The counts of a draft from the saved ones: only the rating columns that differ are taken away
 * and added (a one-trigger what-if touches one column, not every indicator). Counts stay within
 * 0..indicators, and RULE_LIMITS keeps indicators far below 256.
 */
export function overallCountsAfter(
  saved: OverallCounts,
  before: readonly IndicatorColumn[],
  after: readonly IndicatorColumn[],
): OverallCounts {
  const was = new Set(performanceRatings(before));
  const now = new Set(performanceRatings(after));
  const counts = {
    reds: saved.reds.slice(),
    ambers: saved.ambers.slice(),
    rated: saved.rated.slice(),
  };
  addCounts(
    counts,
    [...was].filter((r) => !now.has(r)),
    -1,
  );
  addCounts(
    counts,
    [...now].filter((r) => !was.has(r)),
    1,
  );
  return counts;
}

/** Overall per row: red at N reds, amber at M reds or K ambers, among performance indicators. */
export function overallFromCounts(
  { reds, ambers, rated }: OverallCounts,
  rule: CompiledRules['source']['overall'],
): Uint8Array {
  const n = reds.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = reds[i] as number;
    out[i] =
      rated[i] === 0
        ? RATING_CODE.none
        : r >= rule.redWhenRedCount
          ? RATING_CODE.red
          : r >= rule.amberWhenRedCount || (ambers[i] as number) >= rule.amberWhenAmberCount
            ? RATING_CODE.amber
            : RATING_CODE.green;
  }
  return out;
}

export function rateOverallColumn(
  n: number,
  indicators: readonly IndicatorColumn[],
  rule: CompiledRules['source']['overall'],
): Uint8Array {
  return overallFromCounts(overallCounts(n, indicators), rule);
}

export function rateTable(t: SchoolTable, rules: CompiledRules): TableRatings {
  const indicators = rules.indicators.map((ind) => rateIndicatorColumn(t, ind));
  return {
    table: t,
    rules,
    indicators,
    overall: rateOverallColumn(t.n, indicators, rules.source.overall),
  };
}
