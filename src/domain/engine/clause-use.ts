/**
 * How often each clause fired on the loaded data (from the engine's matched-clause arrays), so
 * whoever writes a rule sees a clause that can never fire (an earlier clause catches every
 * school it would) and a trigger that makes most schools red, before agreeing it with schools.
 */
import { PHASES } from '../types';
import { RATING_CODE, STATUS } from './codes';
import type { TableRatings } from './rate-table';

export interface ClauseUse {
  /** Schools caught, by clause: key `${indicatorIndex}|${list}|${clauseIndex}`, list "clauses" or "byPhase.primary". */
  fired: Record<string, number>;
  /** Per indicator (rule order): schools it rated (red, amber or green) and schools it made red. */
  indicators: { rated: number; red: number }[];
  /** Schools each clause list applied to (rated on a value), by `${indicatorIndex}|${list}`. */
  eligible: Record<string, number>;
}

export const clauseKey = (k: number, list: string, clause: number) => `${k}|${list}|${clause}`;

export function clauseUse(tr: TableRatings, mask: Uint8Array | undefined): ClauseUse {
  const fired: Record<string, number> = {};
  const eligible: Record<string, number> = {};
  const indicators = tr.indicators.map((col, k) => {
    const listOf = PHASES.map((p) => (col.ind.rule.byPhase?.[p] ? `byPhase.${p}` : 'clauses'));
    let rated = 0;
    let red = 0;
    const none = RATING_CODE.none;
    for (let i = 0; i < tr.table.n; i++) {
      if (mask && !mask[i]) continue;
      const r = col.rating[i] as number;
      if (r !== none) rated++;
      if (r === RATING_CODE.red) red++;
      // Rows that reached the clause list (not missing, not applicable, not too small).
      const status = col.status[i] as number;
      if (status !== STATUS.rated && status !== STATUS.unbandable && status !== STATUS.noMatch)
        continue;
      const list = listOf[tr.table.phase[i] as number] as string;
      eligible[`${k}|${list}`] = (eligible[`${k}|${list}`] ?? 0) + 1;
      const c = col.clause[i] as number;
      if (c >= 0) fired[clauseKey(k, list, c)] = (fired[clauseKey(k, list, c)] ?? 0) + 1;
    }
    return { rated, red };
  });
  return { fired, indicators, eligible };
}
