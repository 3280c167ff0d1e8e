/**
 * What the loaded data says about a rule set, for whoever agrees it with schools: clauses that
 * never fire (an earlier clause catches every school they would, or none meets them) and
 * triggers that make more than half the rated schools red. The rule editor and the trigger
 * document both show these.
 */
import { clauseKey, type ClauseUse } from './engine/clause-use';
import type { IndicatorRule } from './rules/schema';

export interface IdleClause {
  /** "clauses" or the phase of a per-phase list. */
  phases: string;
  /** 1-based position in its list, as a reader counts. */
  position: number;
  first: boolean;
}

export interface IndicatorCheck {
  rated: number;
  red: number;
  /** More than half the rated schools red: rarely what a trigger agreed with schools means. */
  mostlyRed: boolean;
  idle: IdleClause[];
}

export function checkIndicator(ind: IndicatorRule, k: number, use: ClauseUse): IndicatorCheck {
  const { rated, red } = use.indicators[k] ?? { rated: 0, red: 0 };
  const lists = ind.byPhase
    ? Object.entries(ind.byPhase).map(([p, l]) => [p, `byPhase.${p}`, l ?? []] as const)
    : [['all phases', 'clauses', ind.clauses ?? []] as const];
  const idle = lists.flatMap(([phases, list, clauses]) =>
    (use.eligible[`${k}|${list}`] ?? 0) === 0
      ? []
      : clauses.flatMap((_, c) =>
          use.fired[clauseKey(k, list, c)] ? [] : [{ phases, position: c + 1, first: c === 0 }],
        ),
  );
  return { rated, red, mostlyRed: rated > 0 && red / rated > 0.5, idle };
}
