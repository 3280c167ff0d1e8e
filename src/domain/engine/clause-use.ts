/**
 * How often each clause fired on the loaded data (from the engine's matched-clause arrays), so
 * whoever writes a rule sees a clause that can never fire (an earlier clause catches every
 * school it would) and a trigger that makes most schools red, before agreeing it with schools.
 */
import { PHASES } from '../types';
import { RATING_CODE, STATUS } from './codes';
import type { IndicatorColumn, TableRatings } from './rate-table';

export interface ClauseUse {
  /** Schools caught, by clause: key `${indicatorIndex}|${list}|${clauseIndex}`, list "clauses" or "byPhase.primary". */
  fired: Record<string, number>;
  /** Per indicator (rule order): schools it rated (red, amber or green) and schools it made red. */
  indicators: { rated: number; red: number }[];
  /** Schools each clause list applied to (rated on a value), by `${indicatorIndex}|${list}`. */
  eligible: Record<string, number>;
}

export const clauseKey = (k: number, list: string, clause: number) => `${k}|${list}|${clause}`;

// Statuses of rows that reached the clause list (not missing, not applicable, not too small).
const REACHED = new Uint8Array(256);
REACHED[STATUS.rated] = REACHED[STATUS.unbandable] = REACHED[STATUS.noMatch] = 1;

/** One indicator's part of a ClauseUse, keyed without its position (a draft may move it). */
export interface IndicatorUse {
  rated: number;
  red: number;
  fired: [list: string, clause: number, count: number][];
  eligible: [list: string, count: number][];
}

function indicatorUse(
  col: IndicatorColumn,
  phase: Uint8Array,
  mask: Uint8Array | undefined,
): IndicatorUse {
  // Counted per phase into integer arrays (a string key per row was most of the what-if's
  // time), then folded into the clause lists the phases use.
  const P = PHASES.length;
  const { none, red: RED } = RATING_CODE;
  const lists = col.ind.rule.byPhase;
  const width =
    1 + Math.max(col.ind.rule.clauses?.length ?? 0, ...PHASES.map((p) => lists?.[p]?.length ?? 0));
  const reached = new Int32Array(P);
  const hits = new Int32Array(P * width);
  const { rating, status, clause } = col;
  let rated = 0;
  let red = 0;
  for (let i = 0; i < rating.length; i++) {
    if (mask && !mask[i]) continue;
    const r = rating[i] as number;
    if (r !== none) rated++;
    if (r === RED) red++;
    if (!REACHED[status[i] as number]) continue;
    const p = phase[i] as number;
    reached[p]!++;
    const c = clause[i] as number;
    if (c >= 0 && c < width) hits[p * width + c]!++;
  }
  const fired: IndicatorUse['fired'] = [];
  const eligible: IndicatorUse['eligible'] = [];
  for (let p = 0; p < P; p++) {
    if (!reached[p]) continue;
    const list = lists?.[PHASES[p]!] ? `byPhase.${PHASES[p]}` : 'clauses';
    eligible.push([list, reached[p]!]);
    for (let c = 0; c < width; c++) {
      const h = hits[p * width + c]!;
      if (h) fired.push([list, c, h]);
    }
  }
  return { rated, red, fired, eligible };
}

/**
 * Clause use of every indicator over the masked rows. `memo` (one per mask) keeps each rating
 * column's counts, so a what-if that changes one trigger counts one column, not all of them.
 */
export function clauseUse(
  tr: TableRatings,
  mask: Uint8Array | undefined,
  memo?: WeakMap<IndicatorColumn, IndicatorUse>,
): ClauseUse {
  const fired: Record<string, number> = {};
  const eligible: Record<string, number> = {};
  const indicators = tr.indicators.map((col, k) => {
    let use = memo?.get(col);
    if (!use) {
      use = indicatorUse(col, tr.table.phase, mask);
      memo?.set(col, use);
    }
    for (const [list, count] of use.eligible)
      eligible[`${k}|${list}`] = (eligible[`${k}|${list}`] ?? 0) + count;
    for (const [list, c, count] of use.fired)
      fired[clauseKey(k, list, c)] = (fired[clauseKey(k, list, c)] ?? 0) + count;
    return { rated: use.rated, red: use.red };
  });
  return { fired, indicators, eligible };
}
