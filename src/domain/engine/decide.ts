/**
 * Decide, without words: a trigger condition compiled to a function of a row number that reads
 * typed arrays and allocates nothing. The outcome codes mirror the explaining evaluator in
 * conditions.ts exactly, including its edges: a missing subject (another column or a formula)
 * does not match; a quantile of a group too small to band stops the clause list ("unbandable");
 * `all`/`any` evaluate every part, so an unbandable part anywhere stops rating.
 */
import { compare } from '../conditions';
import { evaluateFormula } from '../formula';
import type { ComparisonOp, Condition } from '../rules/schema';
import { groupQuantiles, type GroupIndex } from './group-index';

export const NO_MATCH = 0;
export const MATCH = 1;
export const UNBANDABLE = 2;
export type Outcome = typeof NO_MATCH | typeof MATCH | typeof UNBANDABLE;

export interface DecideContext {
  /** Number of rows. */
  n: number;
  /** The indicator's own values (NaN missing). */
  value: Float64Array;
  /** Another column's values, or all NaN when the table has no such column. */
  column(name: string): Float64Array;
  /** A clause formula evaluated over every row. */
  expr(text: string): Float64Array;
  /** The comparison groups; present whenever a condition uses a quantile or the mean. */
  groups: GroupIndex | undefined;
}

/**
 * A condition's outcome for every row at once (vectorised, after DuckDB and arquero): each
 * comparison is one tight loop over a column writing NO_MATCH, MATCH or UNBANDABLE per row;
 * `all`/`any` combine their parts' arrays.
 */
export function conditionOutcomes(c: Condition, ctx: DecideContext): Uint8Array {
  const n = ctx.n;
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const parts = (isAll ? c.all : c.any).map((p) => conditionOutcomes(p, ctx));
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let matched = 0;
      let unbandable = false;
      for (const p of parts) {
        const r = p[i] as number;
        if (r === UNBANDABLE) unbandable = true;
        else matched += r;
      }
      out[i] = unbandable
        ? UNBANDABLE
        : (isAll ? matched === parts.length : matched > 0)
          ? MATCH
          : NO_MATCH;
    }
    return out;
  }
  const subject =
    c.column !== undefined
      ? ctx.column(c.column)
      : c.expr !== undefined
        ? ctx.expr(c.expr)
        : ctx.value;
  if (c.value !== undefined) return compareColumn(c.op, subject, c.value, n);
  const gi = ctx.groups;
  if (!gi) throw new Error('a group condition needs comparison groups');
  // Per group: the cut-off, or NaN where the group cannot be banded (quantiles need 4 values).
  const cut =
    c.quantile !== undefined
      ? groupQuantiles(gi, c.quantile)
      : gi.mean.map((m) => m + (c.margin ?? 0));
  return compareToGroups(c.op, subject, gi.groupOf, cut);
}

/**
 * subject OP its group's cut-off for every row, in one pass: a missing subject does not match; a
 * cut-off that cannot be set (no group, or one too small to band) stops the rating. (It was
 * three passes: the cut-offs spread to a column per row, compared, then checked for NaN.)
 */
function compareToGroups(
  op: ComparisonOp,
  subject: Float64Array,
  groupOf: Int32Array,
  cut: Float64Array,
): Uint8Array {
  const n = subject.length;
  const out = new Uint8Array(n);
  // x > y is y < x: with the operands swapped for > and >=, one comparison serves all four.
  const swap = op === '>' || op === '>=';
  const strict = op === '<' || op === '>';
  for (let i = 0; i < n; i++) {
    const x = subject[i] as number;
    const g = groupOf[i] as number;
    const y = g < 0 ? NaN : (cut[g] as number);
    const a = swap ? y : x;
    const b = swap ? x : y;
    out[i] = Number.isNaN(x)
      ? NO_MATCH
      : Number.isNaN(y)
        ? UNBANDABLE
        : (strict ? a < b : a <= b)
          ? MATCH
          : NO_MATCH;
  }
  return out;
}

/** subject OP threshold for every row, one loop per operator; NaN compares false (no match). */
function compareColumn(op: ComparisonOp, subject: Float64Array, t: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  switch (op) {
    case '<':
      for (let i = 0; i < n; i++) out[i] = (subject[i] as number) < t ? 1 : 0;
      break;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = (subject[i] as number) <= t ? 1 : 0;
      break;
    case '>':
      for (let i = 0; i < n; i++) out[i] = (subject[i] as number) > t ? 1 : 0;
      break;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = (subject[i] as number) >= t ? 1 : 0;
      break;
  }
  return out;
}

/** The same decision for one scalar (a group's aggregate), on absolute conditions only. */
export function decideScalar(
  c: Condition,
  value: number,
  lookup: (column: string) => number | undefined,
  formula: (text: string) => Parameters<typeof evaluateFormula>[0],
): Outcome {
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const parts = isAll ? c.all : c.any;
    let matched = 0;
    for (const p of parts) {
      const r = decideScalar(p, value, lookup, formula);
      if (r === UNBANDABLE) return UNBANDABLE;
      matched += r;
    }
    return (isAll ? matched === parts.length : matched > 0) ? MATCH : NO_MATCH;
  }
  const subject =
    c.column !== undefined
      ? lookup(c.column)
      : c.expr !== undefined
        ? evaluateFormula(formula(c.expr), lookup)
        : value;
  if (subject === undefined) return NO_MATCH;
  // A group aggregate has no comparison group: a quantile or mean cannot be set.
  if (c.value === undefined) return UNBANDABLE;
  return compare(c.op, subject, c.value) ? MATCH : NO_MATCH;
}
