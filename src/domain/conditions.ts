/**
 * Evaluates one trigger condition for one school and says, in plain English, why it did or did
 * not match. A condition on another column that is missing does not match (the next clause is
 * tried); a quantile needed from a group too small to band stops rating with that reason.
 */
import { BAND_COLUMNS, columnLabel, PROGRESS_BANDS } from './columns';
import { MIN_GROUP_FOR_QUANTILES, placeOf, type ComparisonGroup } from './comparison-groups';
import { evaluateFormula } from './formula';
import { formatCount, formatValue, NOT_OP, OP_WORDS, phasePlural, quantileName } from './format';
import type { CompiledIndicator } from './rules/compile';
import type { CompareCondition, ComparisonOp, Condition } from './rules/schema';
import type { Phase } from './types';

/** A cut-off or threshold that a rating used, for explanations and charts. */
export interface Threshold {
  label: string;
  value: number;
}

export interface EvalContext {
  /** The phase and year of the school (or group) rated, for "too few to band" reasons. */
  phase: Phase;
  year: string;
  ind: CompiledIndicator;
  /** The indicator's own value for the row (defined: rating stops earlier when missing). */
  value: number;
  group: ComparisonGroup | undefined;
  /** Values read from other columns/formulas: overridden for group (aggregate) rating. */
  lookup: (column: string) => number | undefined;
}

/** What a failed simple comparison on the indicator's own value says about it (for "otherwise"). */
export interface Bound {
  side: 'lower' | 'upper';
  value: number;
  op: ComparisonOp;
  label: string;
}

export type ConditionResult =
  | {
      kind: 'match' | 'nomatch';
      text: string;
      negText: string;
      thresholds: Threshold[];
      usesGroup: boolean;
      /** Set on a simple comparison of the indicator's own value. */
      negBound?: Bound;
    }
  | { kind: 'unbandable'; text: string };

export function compare(op: ComparisonOp, a: number, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

// Explanations repeat the same phrases for thousands of schools: build each once.
const phraseCache = new WeakMap<ComparisonGroup, string>();
const labelCache = new WeakMap<object, Map<string, string>>();

function cached(owner: object, key: string, make: () => string): string {
  let m = labelCache.get(owner);
  if (!m) labelCache.set(owner, (m = new Map()));
  let v = m.get(key);
  if (v === undefined) m.set(key, (v = make()));
  return v;
}

export function groupPhrase(group: ComparisonGroup): string {
  let p = phraseCache.get(group);
  if (p === undefined) {
    // Every cut-off names its population: how many schools, of which phase, where, which year.
    const ref = group.reference;
    if (ref) {
      p = `${formatCount(ref.n)} ${phasePlural(group.phase, ref.n)} in ${ref.population}, ${group.year}`;
      phraseCache.set(group, p);
      return p;
    }
    const n = group.sorted.length;
    const where =
      group.partnership === undefined
        ? placeOf(group.authorities)
        : group.partnership
          ? `the partnership ${group.partnership}`
          : `no partnership in ${placeOf(group.authorities)}`;
    p = `${formatCount(n)} ${phasePlural(group.phase, n)} in ${where}, ${group.year} (this dataset)`;
    phraseCache.set(group, p);
  }
  return p;
}

function unbandable(group: ComparisonGroup | undefined, ctx: EvalContext): ConditionResult {
  const ref = group?.reference;
  if (ref)
    return {
      kind: 'unbandable',
      text: `${ref.missing ?? `no ${ref.population} figure at that percentile`}: the cut-off cannot be set`,
    };
  const n = group?.sorted.length ?? 0;
  const phrase = group ? groupPhrase(group) : `${phasePlural(ctx.phase, 0)} in ${ctx.year}`;
  return {
    kind: 'unbandable',
    text: `only ${n === 0 ? 'no' : n} ${n === 0 ? phrase : phrase.replace(/^[\d,]+ /, '')} with a value: too few (fewer than ${MIN_GROUP_FOR_QUANTILES}) to set cut-offs`,
  };
}

function evalCompare(c: CompareCondition, ctx: EvalContext): ConditionResult {
  const { unit, decimals } = ctx.ind.rule;
  let subject: number | undefined;
  let subjectText = '';
  let subjectUnit = unit;
  if (c.column !== undefined) {
    subject = ctx.lookup(c.column);
    subjectText = columnLabel(c.column);
    subjectUnit = '';
  } else if (c.expr !== undefined) {
    subject = evaluateFormula(ctx.ind.formula(c.expr), ctx.lookup);
    subjectText = c.expr;
    subjectUnit = '';
  } else {
    subject = ctx.value;
  }
  if (subject === undefined) {
    const text = `${subjectText} is missing`;
    return { kind: 'nomatch', text, negText: text, thresholds: [], usesGroup: false };
  }

  let threshold: number;
  let label: string;
  let usesGroup = false;
  // A DfE band reads with its words: "5 (well below average)".
  const band = c.column !== undefined && BAND_COLUMNS.has(c.column);
  const valueText = (v: number, u: string) =>
    band && PROGRESS_BANDS[v] ? `${v} (${PROGRESS_BANDS[v]})` : formatValue(v, u, decimals);
  if (c.value !== undefined) {
    threshold = c.value;
    label = cached(c, subjectUnit, () => valueText(c.value as number, subjectUnit));
  } else {
    const g = ctx.group;
    if (c.quantile !== undefined) {
      if (!g || (!g.reference && g.sorted.length < MIN_GROUP_FOR_QUANTILES))
        return unbandable(g, ctx);
      const p = c.quantile;
      // England figures are kept at deciles and quartiles only.
      if (Number.isNaN(g.quantile(p))) return unbandable(g, ctx);
      threshold = g.quantile(p);
      label = cached(
        g,
        `q${p}|${unit}|${decimals}`,
        () =>
          `the ${quantileName(p)} ${formatValue(g.quantile(p), unit, decimals)} of ${groupPhrase(g)}`,
      );
    } else {
      if (!g || Number.isNaN(g.mean())) return unbandable(g, ctx);
      const margin = c.margin ?? 0;
      threshold = g.mean() + margin;
      const m =
        margin === 0
          ? ''
          : ` ${margin > 0 ? '+' : '-'} ${formatValue(Math.abs(margin), unit, decimals)}`;
      label = `the mean${m} (${formatValue(threshold, unit, decimals)}) of ${groupPhrase(g)}`;
    }
    usesGroup = true;
  }
  const head = subjectText ? `${subjectText} ${valueText(subject, subjectUnit)} is ` : '';
  const matched = compare(c.op, subject, threshold);
  const notOp = NOT_OP[c.op];
  const negBound: Bound | undefined = head
    ? undefined
    : {
        side: notOp === '>' || notOp === '>=' ? 'lower' : 'upper',
        value: threshold,
        op: notOp,
        label,
      };
  const thresholds = [
    {
      label:
        c.quantile !== undefined
          ? quantileName(c.quantile)
          : c.benchmark
            ? 'mean'
            : `${c.op} ${threshold}`,
      value: threshold,
    },
  ];
  return {
    kind: matched ? 'match' : 'nomatch',
    text: `${head}${OP_WORDS[c.op]} ${label}`,
    negText: `${head}${OP_WORDS[notOp]} ${label}`,
    thresholds,
    usesGroup,
    ...(negBound ? { negBound } : {}),
  };
}

export function evaluateCondition(c: Condition, ctx: EvalContext): ConditionResult {
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const parts = isAll ? c.all : c.any;
    const results: Extract<ConditionResult, { kind: 'match' | 'nomatch' }>[] = [];
    for (const part of parts) {
      const r = evaluateCondition(part, ctx);
      if (r.kind === 'unbandable') return r;
      results.push(r);
    }
    const thresholds = results.flatMap((r) => r.thresholds);
    const usesGroup = results.some((r) => r.usesGroup);
    const matched = isAll
      ? results.every((r) => r.kind === 'match')
      : results.some((r) => r.kind === 'match');
    const failing = results.filter((r) => r.kind === 'nomatch');
    const passing = results.filter((r) => r.kind === 'match');
    return {
      kind: matched ? 'match' : 'nomatch',
      text: isAll
        ? results.map((r) => r.text).join(' and ')
        : passing.map((r) => r.text).join(' or '),
      negText: isAll ? (failing[0]?.negText ?? '') : results.map((r) => r.negText).join(' and '),
      thresholds,
      usesGroup,
      ...(isAll && failing[0]?.negBound ? { negBound: failing[0].negBound } : {}),
    };
  }
  return evalCompare(c, ctx);
}

/** True when a condition uses only absolute thresholds (usable on a group's aggregate). */
export function isAbsolute(c: Condition): boolean {
  if ('all' in c) return c.all.every(isAbsolute);
  if ('any' in c) return c.any.every(isAbsolute);
  return c.value !== undefined;
}
