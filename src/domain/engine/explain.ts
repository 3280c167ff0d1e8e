/**
 * Explain, on demand: the full rating of one school on one indicator (value, rating, matched
 * clause, cut-offs, group size and the plain-English reason), built from the row and the
 * engine's comparison groups when a person or an export asks for it. The words come from the
 * same clause walker as ever, so reasons read exactly as they always have; the rating it
 * reaches is the one the engine decided (the property tests hold the two together).
 */
import { missingReason, runClauses } from '../clause-reasons';
import type { Threshold } from '../conditions';
import { phasePlural } from '../format';
import { rateOverall } from '../overall';
import type { IndicatorRating } from '../rating';
import { PHASES, type Phase } from '../types';
import { isIllustrative, textAt, valueAt } from '../table/school-table';
import { ratingOfCode, STATUS } from './codes';
import { comparisonGroupOf } from './group-index';
import type { IndicatorColumn, TableRatings } from './rate-table';
import { comparisonKeyOf, type ComparisonGroup } from '../comparison-groups';

const NO_THRESHOLDS: readonly Threshold[] = Object.freeze([]);

// Group objects are made once per indicator column and group, so their phrases cache.
const groupObjects = new WeakMap<IndicatorColumn, Map<number, ComparisonGroup>>();

export function comparisonGroupAt(
  tr: TableRatings,
  col: IndicatorColumn,
  row: number,
): ComparisonGroup | undefined {
  const gi = col.groups();
  const g = gi.groupOf[row] as number;
  if (g < 0) return undefined;
  let m = groupObjects.get(col);
  if (!m) groupObjects.set(col, (m = new Map()));
  let obj = m.get(g);
  if (!obj) m.set(g, (obj = comparisonGroupOf(tr.table, gi, g)));
  return obj;
}

function unrated(
  id: string,
  value: number | undefined,
  applicable: boolean,
  reason: string,
): IndicatorRating {
  return {
    indicator: id,
    rating: 'none',
    value,
    clause: undefined,
    reason,
    thresholds: NO_THRESHOLDS,
    groupSize: undefined,
    applicable,
  };
}

export function explainIndicator(tr: TableRatings, k: number, row: number): IndicatorRating {
  const col = tr.indicators[k] as IndicatorColumn;
  const { ind } = col;
  const t = tr.table;
  const { label } = ind.rule;
  const phase = PHASES[t.phase[row] as number] as Phase;
  const year = textAt(t.year, row);
  const status = col.status[row] as number;
  if (status === STATUS.notApplicable)
    return unrated(
      ind.id,
      undefined,
      false,
      `${label}: not applicable to ${phasePlural(phase, 2)}`,
    );
  if (status === STATUS.belowMinPupils) {
    const n = valueAt(t, ind.rule.pupilsColumn ?? 'pupils', row);
    const why = n === undefined ? 'pupil number unknown' : `${n} pupils`;
    const raw = col.value[row] as number;
    return unrated(
      ind.id,
      Number.isNaN(raw) ? undefined : raw,
      true,
      `${label}: not rated, ${why} (minimum ${ind.rule.minPupils})`,
    );
  }
  if (status === STATUS.missing) {
    const code = ind.rule.column ? t.missingCodes.get(ind.rule.column)?.get(row) : undefined;
    return unrated(ind.id, undefined, true, missingReason(ind, year, code));
  }
  const value = col.value[row] as number;
  const group = comparisonGroupAt(tr, col, row);
  const clauses = ind.clausesFor(phase) ?? [];
  const run = runClauses(
    clauses,
    { phase, year, ind, value, group, lookup: (c) => valueAt(t, c, row) },
    label,
  );
  // An illustrative value says so in its reason, so every table, export and CLI row carries it.
  const illustrative = isIllustrative(t, ind.inputs, row);
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

/** The overall rating of one school, with the performance indicators it rests on named. */
export function explainOverall(tr: TableRatings, row: number): IndicatorRating {
  const performance = tr.indicators
    .filter((c) => c.ind.rule.kind === 'performance')
    .map((c) => ({
      label: c.ind.rule.label,
      rating: { rating: ratingOfCode(c.rating[row] as number) } as IndicatorRating,
    }));
  return rateOverall(performance, tr.rules.source.overall);
}

/** Every comparison group of an indicator by its key ("primary|2018/19"), for charts. */
export function comparisonGroupsByKey(tr: TableRatings, k: number): Map<string, ComparisonGroup> {
  const col = tr.indicators[k] as IndicatorColumn;
  const gi = col.groups();
  const t = tr.table;
  const out = new Map<string, ComparisonGroup>();
  gi.firstRow.forEach((row) => {
    const key = comparisonKeyOf(
      {
        phase: PHASES[t.phase[row] as number] as Phase,
        year: textAt(t.year, row),
        laCode: textAt(t.laCode, row),
        partnership: textAt(t.partnership, row),
      },
      col.ind.rule,
    );
    out.set(key, comparisonGroupAt(tr, col, row) as ComparisonGroup);
  });
  return out;
}
