/**
 * Turns a validated rule set into functions the engine calls per row: formulas parsed once,
 * clause lists resolved per phase. Assumes `validateRuleSet` has passed.
 */
import { evaluateFormula, formulaColumns, parseFormula, type Formula } from '../formula';

import type { Benchmarks, Distribution } from '../benchmarks';
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
  /**
   * England scope: the shipped distribution the cut-offs come from, for a year and phase
   * (undefined where there is none); and whose schools it is of ("England").
   */
  reference?: { of(year: string, phase: Phase): Distribution | undefined; population: string };
}

export interface CompiledRules {
  source: RuleSet;
  indicators: readonly CompiledIndicator[];
  /** The benchmarks England-scope rules were compiled with. */
  england?: Benchmarks;
}

/** Whether any indicator bands against England (and so needs the shipped benchmarks). */
export const usesEngland = (rules: RuleSet): boolean =>
  rules.indicators.some((i) => i.comparison?.scope === 'england');

/** Reads a column of a row; `pupils` etc. live in `values` like every numeric column. */
export function columnOf(row: SchoolYear, column: string): number | undefined {
  return row.values[column];
}

function collectExprs(c: Condition, into: Map<string, Formula>): void {
  if ('all' in c) return c.all.forEach((s) => collectExprs(s, into));
  if ('any' in c) return c.any.forEach((s) => collectExprs(s, into));
  if (c.expr !== undefined && !into.has(c.expr)) into.set(c.expr, parseFormula(c.expr));
}

export function compileIndicator(rule: IndicatorRule, england?: Benchmarks): CompiledIndicator {
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
    ...(rule.comparison?.scope === 'england'
      ? {
          reference: {
            of: (year: string, phase: Phase) => england?.years[year]?.[rule.id]?.[phase],
            population: england?.population ?? 'England',
          },
        }
      : {}),
  };
}

export function compileRules(rules: RuleSet, opts: { england?: Benchmarks } = {}): CompiledRules {
  return {
    source: rules,
    indicators: rules.indicators.map((r) => compileIndicator(r, opts.england)),
    ...(opts.england ? { england: opts.england } : {}),
  };
}
