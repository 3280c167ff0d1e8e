/**
 * ORACLE (test only): the row-at-a-time engine as it was before the columnar engine, kept to
 * check the columnar engine against over random data and rules.
 *
 * Rates one school on one indicator: the first clause that matches gives the rating.
 * A missing value, an indicator that does not apply to the phase, too few pupils, or a
 * comparison group too small to band all give `none` with the reason, never green.
 */
import { belowMinPupils, comparisonKey, type ComparisonGroup } from './comparison-groups';
import {
  evaluateCondition,
  groupPhrase,
  type Bound,
  type ConditionResult,
  type EvalContext,
  type Threshold,
} from '../../../src/domain/conditions';
import { formatValue, OP_WORDS, phasePlural } from '../../../src/domain/format';
import { RATING_WORD, type IndicatorRating } from '../../../src/domain/rating';
import { columnOf, type CompiledIndicator } from '../../../src/domain/rules/compile';
import type { Clause } from '../../../src/domain/rules/schema';
import type { SchoolYear } from '../../../src/domain/types';

const MISSING_CODE_WORDS: Record<string, string> = {
  SUPP: 'suppressed',
  NE: 'no entries',
  NP: 'not published',
  LOWCOV: 'low coverage',
  NA: 'not applicable',
  x: 'not available',
  ':': 'not available',
};

export function missingReason(row: SchoolYear, ind: CompiledIndicator): string {
  const code = ind.rule.column ? row.missingCodes?.[ind.rule.column] : undefined;
  const why = code ? ` (${code}: ${MISSING_CODE_WORDS[code] ?? 'missing'})` : '';
  return `${ind.rule.label}: no data for ${row.year}${why}`;
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

/** A rating with no value judgement: not applicable, too few pupils, or missing. */
function unrated(
  ind: CompiledIndicator,
  value: number | undefined,
  applicable: boolean,
  reason: string,
): IndicatorRating {
  return {
    indicator: ind.id,
    rating: 'none',
    value,
    clause: undefined,
    reason,
    thresholds: NO_THRESHOLDS,
    groupSize: undefined,
    applicable,
  };
}
const NO_THRESHOLDS: readonly Threshold[] = Object.freeze([]);

export function rateIndicator(
  row: SchoolYear,
  ind: CompiledIndicator,
  groups: ReadonlyMap<string, ComparisonGroup>,
  /** The row's comparison-group key, when the caller has computed it already. */
  key: string = comparisonKey(row, ind),
): IndicatorRating {
  const { label } = ind.rule;
  const clauses = ind.clausesFor(row.phase);
  if (!clauses)
    return unrated(
      ind,
      undefined,
      false,
      `${label}: not applicable to ${phasePlural(row.phase, 2)}`,
    );
  const value = ind.valueOf(row);
  if (belowMinPupils(row, ind)) {
    const n = row.values[ind.rule.pupilsColumn ?? 'pupils'];
    const why = n === undefined ? 'pupil number unknown' : `${n} pupils`;
    return unrated(ind, value, true, `${label}: not rated, ${why} (minimum ${ind.rule.minPupils})`);
  }
  if (value === undefined || !Number.isFinite(value))
    return unrated(ind, undefined, true, missingReason(row, ind));
  const group = groups.get(key);
  const run = runClauses(
    clauses,
    { phase: row.phase, year: row.year, ind, value, group, lookup: (c) => columnOf(row, c) },
    label,
  );
  // An illustrative value says so in its reason, so every table, export and CLI row carries it.
  const illustrative = row.illustrative?.some((c) => ind.inputs.has(c));
  return {
    indicator: ind.id,
    rating: run.rating,
    value,
    clause: run.clause,
    reason: illustrative
      ? `${run.reason} (illustrative value, not the school's own data)`
      : run.reason,

    thresholds: run.thresholds,
    groupSize: group?.sorted.length,
    applicable: true,
  };
}
