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
 * A condition's outcome for the selected rows (after DuckDB's selection vectors): out[j] is the
 * outcome for row rows[j], j < m. Each comparison is one tight loop over the selection writing
 * NO_MATCH, MATCH or UNBANDABLE; `all`/`any` combine their parts' arrays. Rating asks only about
 * rows no earlier clause has decided, so a clause list costs about one pass over the eligible rows.
 */
export function conditionOutcomes(
  c: Condition,
  ctx: DecideContext,
  rows: Int32Array,
  m: number,
): Uint8Array {
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const parts = (isAll ? c.all : c.any).map((p) => conditionOutcomes(p, ctx, rows, m));
    return isAll ? allOf(parts, m) : anyOf(parts, m);
  }
  const subject =
    c.column !== undefined
      ? ctx.column(c.column)
      : c.expr !== undefined
        ? ctx.expr(c.expr)
        : ctx.value;
  if (c.value !== undefined) return compareColumn(c.op, subject, c.value, rows, m);
  const gi = ctx.groups;
  if (!gi) throw new Error('a group condition needs comparison groups');
  // Per group: the cut-off, or NaN where the group cannot be banded (quantiles need 4 values).
  const cut =
    c.quantile !== undefined
      ? groupQuantiles(gi, c.quantile)
      : gi.mean.map((m) => m + (c.margin ?? 0));
  return compareToGroups(c.op, subject, gi.groupOf, cut, rows, m);
}

// All and any are combined a part at a time, each a plain loop over bytes (a loop over the
// rows with one over the parts inside, branching on each outcome, was most of a compound
// condition's time). A part's outcome r is 0, 1 or 2 (NO_MATCH, MATCH, UNBANDABLE): r >> 1 says
// it could not be banded, r & 1 that it matched.

/** MATCH where every part matched, UNBANDABLE where any could not be banded. */
function allOf(parts: readonly Uint8Array[], m: number): Uint8Array {
  const matched = new Uint8Array(m).fill(1);
  const unbandable = new Uint8Array(m);
  for (const p of parts)
    for (let j = 0; j < m; j++) {
      const r = p[j] as number;
      matched[j]! &= r;
      unbandable[j]! |= r >> 1;
    }
  return outcomes(matched, unbandable, m);
}

/** MATCH where some part matched, UNBANDABLE where any could not be banded. */
function anyOf(parts: readonly Uint8Array[], m: number): Uint8Array {
  const matched = new Uint8Array(m);
  const unbandable = new Uint8Array(m);
  for (const p of parts)
    for (let j = 0; j < m; j++) {
      const r = p[j] as number;
      matched[j]! |= r & 1;
      unbandable[j]! |= r >> 1;
    }
  return outcomes(matched, unbandable, m);
}

/** UNBANDABLE where unbandable, else MATCH or NO_MATCH as matched says (written into matched). */
function outcomes(matched: Uint8Array, unbandable: Uint8Array, m: number): Uint8Array {
  for (let j = 0; j < m; j++) {
    const u = unbandable[j] as number;
    matched[j] = (u << 1) | ((matched[j] as number) & 1 & (u ^ 1));
  }
  return matched;
}

/**
 * subject OP its group's cut-off for the selected rows, in one pass: a missing subject does not
 * match; a cut-off that cannot be set (no group, or one too small to band) stops the rating.
 * One loop per operator, chosen here: a loop that branched on the operator inside had
 * comparisons no earlier call had run, so the first call with another operator threw its
 * optimised code away (a deoptimisation) part-way through a national rating.
 */
function compareToGroups(
  op: ComparisonOp,
  subject: Float64Array,
  groupOf: Int32Array,
  cut: Float64Array,
  rows: Int32Array,
  m: number,
): Uint8Array {
  const out = new Uint8Array(m);
  // x > y is -x < -y: the greater-than operators are the less-than loops over negated values
  // (exact; NaN stays NaN). Each group's cut-off at g + 1, NaN at 0 for a row in no group
  // (g = -1): one load and no choice in the loop (choosing between a load and a NaN made the
  // optimiser box every value).
  const sign = op === '>' || op === '>=' ? -1 : 1;
  const cutAt = new Float64Array(cut.length + 1);
  cutAt[0] = NaN;
  for (let g = 0; g < cut.length; g++) cutAt[g + 1] = sign * (cut[g] as number);
  if (op === '<' || op === '>') belowCut(subject, sign, groupOf, cutAt, rows, m, out);
  else atMostCut(subject, sign, groupOf, cutAt, rows, m, out);
  return out;
}

// Each loop's outcome: NO_MATCH for a missing subject, UNBANDABLE for a missing cut-off, else
// the comparison of sign x subject with the (signed) cut-off. Every comparison in them runs for
// every row, so none is left without the type information the optimiser needs.

function belowCut(
  s: Float64Array,
  sign: number,
  groupOf: Int32Array,
  cutAt: Float64Array,
  rows: Int32Array,
  m: number,
  out: Uint8Array,
): void {
  for (let j = 0; j < m; j++) {
    const i = rows[j] as number;
    const x = sign * (s[i] as number);
    const y = cutAt[(groupOf[i] as number) + 1] as number;
    out[j] = x !== x ? NO_MATCH : y !== y ? UNBANDABLE : x < y ? MATCH : NO_MATCH;
  }
}

function atMostCut(
  s: Float64Array,
  sign: number,
  groupOf: Int32Array,
  cutAt: Float64Array,
  rows: Int32Array,
  m: number,
  out: Uint8Array,
): void {
  for (let j = 0; j < m; j++) {
    const i = rows[j] as number;
    const x = sign * (s[i] as number);
    const y = cutAt[(groupOf[i] as number) + 1] as number;
    out[j] = x !== x ? NO_MATCH : y !== y ? UNBANDABLE : x <= y ? MATCH : NO_MATCH;
  }
}

/** subject OP threshold for the selected rows, one loop per operator; NaN compares false. */
function compareColumn(
  op: ComparisonOp,
  subject: Float64Array,
  t: number,
  rows: Int32Array,
  m: number,
): Uint8Array {
  const out = new Uint8Array(m);
  switch (op) {
    case '<':
      for (let j = 0; j < m; j++) out[j] = (subject[rows[j] as number] as number) < t ? 1 : 0;
      break;
    case '<=':
      for (let j = 0; j < m; j++) out[j] = (subject[rows[j] as number] as number) <= t ? 1 : 0;
      break;
    case '>':
      for (let j = 0; j < m; j++) out[j] = (subject[rows[j] as number] as number) > t ? 1 : 0;
      break;
    case '>=':
      for (let j = 0; j < m; j++) out[j] = (subject[rows[j] as number] as number) >= t ? 1 : 0;
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
