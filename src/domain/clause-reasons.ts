/**
 * The words of a rating: walks a clause list for one value, evaluating each condition with its
 * explanation, and says which clause matched and why the earlier ones did not. Used to explain
 * one school or group on demand; the engine decides ratings without words (engine/decide.ts).
 */
import type { ComparisonGroup } from './comparison-groups';
import {
  evaluateCondition,
  groupPhrase,
  type Bound,
  type ConditionResult,
  type EvalContext,
  type Threshold,
} from './conditions';
import { formatValue, OP_WORDS } from './format';
import { RATING_WORD, type IndicatorRating } from './rating';
import type { CompiledIndicator } from './rules/compile';
import type { Clause } from './rules/schema';

const MISSING_CODE_WORDS: Record<string, string> = {
  SUPP: 'suppressed',
  NE: 'no entries',
  NP: 'not published',
  LOWCOV: 'low coverage',
  NA: 'not applicable',
  x: 'not available',
  ':': 'not available',
};

/** "Absence: no data for 2018/19 (SUPP: suppressed)". */
export function missingReason(
  ind: CompiledIndicator,
  year: string,
  /** The DfE code the value's cell held, if any. */
  code: string | undefined,
): string {
  const why = code ? ` (${code}: ${MISSING_CODE_WORDS[code] ?? 'missing'})` : '';
  return `${ind.rule.label}: no data for ${year}${why}`;
}

/**
 * Why no earlier clause matched, stated once: simple bounds on the value are narrowed to the
 * tightest lower and upper bound ("at or above 3.8% and at or below 5.3%"), other conditions
 * are listed as they are.
 */
function describeNotMet(
  notMet: readonly Exclude<ConditionResult, { kind: 'unbandable' }>[],
): string {
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  const others: string[] = [];
  for (const r of notMet) {
    const b = r.negBound;
    if (!b) others.push(r.negText);
    else if (
      b.side === 'lower' &&
      (!lower || b.value > lower.value || (b.value === lower.value && b.op === '>'))
    )
      lower = b;
    else if (
      b.side === 'upper' &&
      (!upper || b.value < upper.value || (b.value === upper.value && b.op === '<'))
    )
      upper = b;
  }
  const bounds = [lower, upper]
    .filter((b): b is Bound => b !== undefined)
    .map((b) => `${OP_WORDS[b.op]} ${b.label}`);
  return [...bounds, ...others].join(' and ');
}

/** Mentions the comparison group once, after its last cut-off, instead of after every one. */
function mentionGroupOnce(text: string, group: ComparisonGroup | undefined): string {
  if (!group) return text;
  const phrase = ` of ${groupPhrase(group)}`;
  const last = text.lastIndexOf(phrase);
  if (last < 0) return text;
  return text.slice(0, last).split(phrase).join('') + text.slice(last);
}

export interface ClauseRun {
  rating: IndicatorRating['rating'];
  clause: number | undefined;
  reason: string;
  thresholds: Threshold[];
}

/** Walks a clause list for a value; shared by school rating and group (aggregate) rating. */
export function runClauses(
  clauses: readonly Clause[],
  ctx: EvalContext,
  subject: string,
): ClauseRun {
  const notMet: Exclude<ConditionResult, { kind: 'unbandable' }>[] = [];
  const thresholds: Threshold[] = [];
  const head = `${subject} ${formatValue(ctx.value, ctx.ind.rule.unit, ctx.ind.rule.decimals)}`;
  for (const [i, clause] of clauses.entries()) {
    const word = RATING_WORD[clause.rating];
    const note = clause.note ? ` (${clause.note})` : '';
    if (!clause.when) {
      const why = notMet.length ? ` is ${describeNotMet(notMet)}` : '';
      const reason = mentionGroupOnce(`${head}${why}: ${word}${note}`, ctx.group);
      return { rating: clause.rating, clause: i, reason, thresholds };
    }
    const r = evaluateCondition(clause.when, ctx);
    if (r.kind === 'unbandable')
      return {
        rating: 'none',
        clause: undefined,
        reason: `${head}: not rated, ${r.text}`,
        thresholds,
      };
    thresholds.push(...r.thresholds);
    if (r.kind === 'match')
      return {
        rating: clause.rating,
        clause: i,
        reason: mentionGroupOnce(`${head} is ${r.text}: ${word}${note}`, ctx.group),
        thresholds,
      };
    notMet.push(r);
  }
  return {
    rating: 'none',
    clause: undefined,
    reason: mentionGroupOnce(
      `${head}: no trigger matched (it is ${describeNotMet(notMet)})`,
      ctx.group,
    ),
    thresholds,
  };
}
