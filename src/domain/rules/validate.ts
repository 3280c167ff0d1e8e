/**
 * Validates a parsed rule file: the zod schema first, then the checks a schema cannot express
 * (formulas parse, exactly one threshold per comparison, phases covered, known roll-up methods).
 * Every problem is reported with its field path, e.g. `indicators[3].clauses[0].when.op`.
 */
import type { z } from 'zod';
import { BENCHMARK_POINTS } from '../benchmarks';
import { quantileName } from '../format';
import { FormulaError, parseFormula } from '../formula';
import { ROLLUP_METHOD_NAMES } from '../rollup-methods';
import {
  ruleSetSchema,
  type Clause,
  type Condition,
  type IndicatorRule,
  type RuleSet,
} from './schema';

export interface RuleIssue {
  /** Field path in the rule file, e.g. "indicators[2].byPhase.primary[0].when.value". */
  path: string;
  message: string;
}

export type RuleValidation = { ok: true; rules: RuleSet } | { ok: false; issues: RuleIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}

type ZodIssue = z.core.$ZodIssue;

/**
 * Flattens zod issues. A union failure ("invalid input") is replaced by the issues of the branch
 * that got furthest (deepest path), so "phases[1]: invalid option" is reported rather than
 * "phases: invalid input".
 */
function flattenIssues(issues: readonly ZodIssue[], prefix: readonly PropertyKey[]): RuleIssue[] {
  return issues.flatMap((issue): RuleIssue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length) {
      const depth = (branch: readonly ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
      if (best && depth(best) > 0) return flattenIssues(best, path);
    }
    return [{ path: formatPath(path), message: issue.message }];
  });
}

function zodIssues(error: z.ZodError): RuleIssue[] {
  return flattenIssues(error.issues, []);
}

function checkFormula(text: string, path: string, issues: RuleIssue[]): void {
  try {
    parseFormula(text);
  } catch (e) {
    issues.push({ path, message: e instanceof FormulaError ? e.message : String(e) });
  }
}

function checkCondition(c: Condition, path: string, issues: RuleIssue[], england = false): void {
  if ('all' in c)
    return c.all.forEach((s, i) => checkCondition(s, `${path}.all[${i}]`, issues, england));
  if ('any' in c)
    return c.any.forEach((s, i) => checkCondition(s, `${path}.any[${i}]`, issues, england));
  if (england && c.quantile !== undefined && !ENGLAND_POINTS.has(c.quantile))
    issues.push({
      path: `${path}.quantile`,
      message: `England figures are kept at ${[...ENGLAND_POINTS].map((p) => quantileName(p)).join(', ')}: use one of them, or compare with this dataset`,
    });
  const thresholds = [c.value, c.quantile, c.benchmark].filter((t) => t !== undefined).length;
  if (thresholds !== 1)
    issues.push({ path, message: 'needs exactly one of value, quantile or benchmark' });
  if (c.margin !== undefined && c.benchmark === undefined)
    issues.push({ path: `${path}.margin`, message: 'margin only applies with benchmark' });
  if (c.column !== undefined && c.expr !== undefined)
    issues.push({ path, message: 'give column or expr, not both' });
  if ((c.column !== undefined || c.expr !== undefined) && c.value === undefined)
    issues.push({
      path,
      message: 'a comparison on another column or formula needs an absolute value',
    });
  if (c.expr !== undefined) checkFormula(c.expr, `${path}.expr`, issues);
}

const ENGLAND_POINTS = new Set<number>(BENCHMARK_POINTS);

function checkIndicator(ind: IndicatorRule, at: string, issues: RuleIssue[]): void {
  if ((ind.column === undefined) === (ind.formula === undefined))
    issues.push({ path: at, message: 'needs exactly one of column or formula' });
  if (ind.formula !== undefined) checkFormula(ind.formula, `${at}.formula`, issues);
  const lists: [string, Clause[] | undefined][] = Object.entries(ind.byPhase ?? {}).map(
    ([p, cl]) => [`byPhase.${p}`, cl],
  );
  if (ind.clauses) lists.push(['clauses', ind.clauses]);
  for (const [key, clauses] of lists)
    clauses?.forEach((cl, i) => {
      if (cl.when)
        checkCondition(
          cl.when,
          `${at}.${key}[${i}].when`,
          issues,
          ind.comparison?.scope === 'england',
        );
    });
  if (ind.phases === 'all') {
    if (!ind.clauses)
      issues.push({ path: `${at}.clauses`, message: 'required when phases is "all"' });
  } else {
    const phases = ind.phases;
    for (const p of phases)
      if (!ind.clauses && !ind.byPhase?.[p])
        issues.push({ path: `${at}.byPhase.${p}`, message: `no clauses for listed phase ${p}` });
    for (const p of Object.keys(ind.byPhase ?? {}))
      if (!(phases as string[]).includes(p))
        issues.push({ path: `${at}.byPhase.${p}`, message: `phase ${p} is not in phases` });
  }
  if (!ROLLUP_METHOD_NAMES.includes(ind.rollup.method))
    issues.push({
      path: `${at}.rollup.method`,
      message: `unknown roll-up method "${ind.rollup.method}"; known: ${ROLLUP_METHOD_NAMES.join(', ')}`,
    });
  const agg = ind.rollup.aggregate;
  if (agg?.kind === 'ratio') {
    checkFormula(agg.numerator, `${at}.rollup.aggregate.numerator`, issues);
    checkFormula(agg.denominator, `${at}.rollup.aggregate.denominator`, issues);
  }
}

/** Limits on a rule set's size, checked before anything recurses into it. */
export const RULE_LIMITS = {
  /** all/any nested inside one another (the editor builds 2; 8 is generous). */
  conditionDepth: 8,
  indicators: 100,
  clausesPerList: 50,
  /** Conditions in one clause, counting every part of every all/any. */
  conditionsPerClause: 200,
} as const;

/**
 * Size limits, walked iteratively (a 1,000-deep `all` from a share link must give a message with
 * its path, not a stack overflow in the schema check or the engine).
 */
function checkLimits(input: unknown): RuleIssue[] {
  const r = input as { indicators?: unknown } | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.indicators)) return [];
  if (r.indicators.length > RULE_LIMITS.indicators)
    return [{ path: 'indicators', message: `more than ${RULE_LIMITS.indicators} indicators` }];
  const issues: RuleIssue[] = [];
  r.indicators.forEach((ind: unknown, i) => {
    const x = ind as { clauses?: unknown; byPhase?: Record<string, unknown> } | null;
    if (typeof x !== 'object' || x === null) return;
    const lists: [string, unknown][] = [
      [`indicators[${i}].clauses`, x.clauses],
      ...Object.entries(typeof x.byPhase === 'object' && x.byPhase ? x.byPhase : {}).map(
        ([p, l]): [string, unknown] => [`indicators[${i}].byPhase.${p}`, l],
      ),
    ];
    for (const [at, list] of lists) {
      if (!Array.isArray(list)) continue;
      if (list.length > RULE_LIMITS.clausesPerList) {
        issues.push({ path: at, message: `more than ${RULE_LIMITS.clausesPerList} clauses` });
        continue;
      }
      list.forEach((clause: unknown, k) => {
        const stack: [unknown, number][] = [[(clause as { when?: unknown } | null)?.when, 1]];
        let count = 0;
        while (stack.length) {
          const [c, depth] = stack.pop() as [unknown, number];
          if (typeof c !== 'object' || c === null) continue;
          count++;
          const parts = (c as { all?: unknown; any?: unknown }).all ?? (c as { any?: unknown }).any;
          if (!Array.isArray(parts)) continue;
          if (depth > RULE_LIMITS.conditionDepth) {
            issues.push({
              path: `${at}[${k}].when`,
              message: `conditions nested more than ${RULE_LIMITS.conditionDepth} deep`,
            });
            return;
          }
          if (count + parts.length > RULE_LIMITS.conditionsPerClause) {
            issues.push({
              path: `${at}[${k}].when`,
              message: `more than ${RULE_LIMITS.conditionsPerClause} conditions in one clause`,
            });
            return;
          }
          for (const p of parts) stack.push([p, depth + 1]);
        }
      });
    }
  });
  return issues;
}

/** Validates unknown JSON (already parsed) as a rule set. */
export function validateRuleSet(input: unknown): RuleValidation {
  const limits = checkLimits(input);
  if (limits.length) return { ok: false, issues: limits };
  const parsed = ruleSetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const rules = parsed.data;
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  rules.indicators.forEach((ind, i) => {
    const at = `indicators[${i}]`;
    if (ind.id === 'overall')
      issues.push({ path: `${at}.id`, message: '"overall" is reserved for the overall rating' });
    if (seen.has(ind.id)) issues.push({ path: `${at}.id`, message: `duplicate id "${ind.id}"` });
    seen.add(ind.id);
    checkIndicator(ind, at, issues);
  });
  const o = rules.overall;
  if (o.amberWhenRedCount > o.redWhenRedCount)
    issues.push({
      path: 'overall.amberWhenRedCount',
      message: 'must not be greater than redWhenRedCount',
    });
  return issues.length ? { ok: false, issues } : { ok: true, rules };
}

/** Parses JSON text and validates it; a JSON syntax error is reported as an issue too. */
export function parseRuleSetText(text: string): RuleValidation {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }],
    };
  }
  return validateRuleSet(json);
}
