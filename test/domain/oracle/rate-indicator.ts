/**
 * ORACLE (test only): the row-at-a-time engine as it was before the columnar engine, kept to
 * check the columnar engine against over random data and rules.
 *
 * Rates one school on one indicator: the first clause that matches gives the rating.
 * A missing value, an indicator that does not apply to the phase, too few pupils, or a
 * comparison group too small to band all give `none` with the reason, never green.
 */
import { belowMinPupils, comparisonKey, type ComparisonGroup } from './comparison-groups';
import { missingReason as missingText, runClauses } from '../../../src/domain/clause-reasons';
import type { Threshold } from '../../../src/domain/conditions';
import { phasePlural } from '../../../src/domain/format';
import type { IndicatorRating } from '../../../src/domain/rating';
import { columnOf, type CompiledIndicator } from '../../../src/domain/rules/compile';
import type { SchoolYear } from '../../../src/domain/types';

// The words (the clause walker) are the domain's own; what this oracle checks independently is
// the decision: which rows are rated, by which groups, on which clause.
export function missingReason(row: SchoolYear, ind: CompiledIndicator): string {
  const code = ind.rule.column ? row.missingCodes?.[ind.rule.column] : undefined;
  return missingText(ind, row.year, code);
}

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
    groupSize: group?.reference ? group.reference.n : group?.sorted.length,
    applicable: true,
  };
}
