/**
 * Turns a validated rule set into functions the engine calls per row: formulas parsed once,
 * clause lists resolved per phase. Assumes `validateRuleSet` has passed.
 */
import { evaluateFormula, formulaColumns, parseFormula, type Formula } from '../formula';

import type { Phase, SchoolYear } from '../types';
import type { Clause, Condition, IndicatorRule, RuleSet } from './schema';

export interface CompiledIndicator {
  rule: IndicatorRule;
  id: string;
  /** The indicator's value for a row; undefined when missing. */
  valueOf(row: SchoolYear): number | undefined;
  /** The clause list for a phase, or undefined when the indicator does not apply to it. */
  clausesFor(phase: Phase): readonly Clause[] | undefined;
  /** Parsed `expr` formulas of the clauses, by source text. */
  formula(text: string): Formula;
  /** Columns the indicator's value is computed from. */
  inputs: ReadonlySet<string>;
}

export interface CompiledRules {
  source: RuleSet;
  indicators: readonly CompiledIndicator[];
}

/** Reads a column of a row; `pupils` etc. live in `values` like every numeric column. */
export function columnOf(row: SchoolYear, column: string): number | undefined {
  return row.values[column];
}

function collectExprs(c: Condition, into: Map<string, Formula>): void {
  if ('all' in c) return c.all.forEach((s) => collectExprs(s, into));
  if ('any' in c) return c.any.forEach((s) => collectExprs(s, into));
  if (c.expr !== undefined && !into.has(c.expr)) into.set(c.expr, parseFormula(c.expr));
}

export function compileIndicator(rule: IndicatorRule): CompiledIndicator {
  const formulas = new Map<string, Formula>();
  const all = [...(rule.clauses ?? []), ...Object.values(rule.byPhase ?? {}).flat()];
  for (const cl of all) if (cl.when) collectExprs(cl.when, formulas);
  const agg = rule.rollup.aggregate;
  if (agg?.kind === 'ratio')
    for (const text of [agg.numerator, agg.denominator])
      if (!formulas.has(text)) formulas.set(text, parseFormula(text));

  let valueOf: (row: SchoolYear) => number | undefined;
  if (rule.formula !== undefined) {
    const f = parseFormula(rule.formula);
    formulas.set(rule.formula, f);
    valueOf = (row) => evaluateFormula(f, (c) => columnOf(row, c));
  } else {
    const column = rule.column as string;
    valueOf = (row) => columnOf(row, column);
  }

  return {
    rule,
    id: rule.id,
    valueOf,
    inputs:
      rule.formula !== undefined
        ? formulaColumns(parseFormula(rule.formula))
        : new Set([rule.column as string]),
    clausesFor(phase) {
      if (rule.phases !== 'all' && !rule.phases.includes(phase)) return undefined;
      return rule.byPhase?.[phase] ?? rule.clauses;
    },
    formula(text) {
      const f = formulas.get(text);
      if (!f) throw new Error(`formula "${text}" was not compiled`);
      return f;
    },
  };
}

export function compileRules(rules: RuleSet): CompiledRules {
  return { source: rules, indicators: rules.indicators.map(compileIndicator) };
}
