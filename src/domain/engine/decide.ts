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

export type Decider = (row: number) => Outcome;

export interface DecideContext {
  /** The indicator's own values (NaN missing). */
  value: Float64Array;
  /** Another column's values, or all NaN when the table has no such column. */
  column(name: string): Float64Array;
  /** A clause formula evaluated over every row. */
  expr(text: string): Float64Array;
  /** The comparison groups; present whenever a condition uses a quantile or the mean. */
  groups: GroupIndex | undefined;
}

export function compileCondition(c: Condition, ctx: DecideContext): Decider {
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const parts = (isAll ? c.all : c.any).map((p) => compileCondition(p, ctx));
    return (row) => {
      let matched = 0;
      for (const p of parts) {
        const r = p(row);
        if (r === UNBANDABLE) return UNBANDABLE;
        matched += r;
      }
      return (isAll ? matched === parts.length : matched > 0) ? MATCH : NO_MATCH;
    };
  }
  const subject =
    c.column !== undefined
      ? ctx.column(c.column)
      : c.expr !== undefined
        ? ctx.expr(c.expr)
        : ctx.value;
  const { op } = c;
  if (c.value !== undefined) return absoluteDecider(op, subject, c.value);
  const gi = ctx.groups;
  if (!gi) throw new Error('a group condition needs comparison groups');
  const { groupOf } = gi;
  // Per group: the cut-off, or NaN where the group cannot be banded (quantiles need 4 values).
  const cut =
    c.quantile !== undefined
      ? groupQuantiles(gi, c.quantile)
      : gi.mean.map((m) => m + (c.margin ?? 0));
  return (row) => {
    const s = subject[row] as number;
    if (Number.isNaN(s)) return NO_MATCH;
    const g = groupOf[row] as number;
    const t = g < 0 ? NaN : (cut[g] as number);
    if (Number.isNaN(t)) return UNBANDABLE;
    return compare(op, s, t) ? MATCH : NO_MATCH;
  };
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

/**
 * One closure per operator, so the hot loop does no string switch per row. NaN (missing)
 * compares false whichever way, which is "no match", as the explaining evaluator says.
 */
function absoluteDecider(op: ComparisonOp, subject: Float64Array, t: number): Decider {
  switch (op) {
    case '<':
      return (row) => ((subject[row] as number) < t ? MATCH : NO_MATCH);
    case '<=':
      return (row) => ((subject[row] as number) <= t ? MATCH : NO_MATCH);
    case '>':
      return (row) => ((subject[row] as number) > t ? MATCH : NO_MATCH);
    case '>=':
      return (row) => ((subject[row] as number) >= t ? MATCH : NO_MATCH);
  }
}
