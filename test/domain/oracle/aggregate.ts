/**
 * ORACLE (test only), as before the columnar engine, with one deliberate change the engine
 * shares: a value or aggregate that is not finite is missing, never rated.
 *
 * A group's aggregate value for an indicator, as the indicator declares: pupil-weighted mean
 * (default), plain mean, or a ratio of sums (e.g. surplus = (sum capacity - sum pupils) /
 * sum capacity * 100, over the schools that have both values).
 */
import { evaluateFormula, formulaColumns } from '../../../src/domain/formula';
import type { CompiledIndicator } from '../../../src/domain/rules/compile';
import type { SchoolYear } from '../../../src/domain/types';

export interface AggregateResult {
  value: number | undefined;
  /** Schools that contributed. */
  n: number;
  /** Column sums over the contributing schools (for rating the aggregate on absolute triggers). */
  sums: ReadonlyMap<string, number>;
}

function sumColumns(rows: readonly SchoolYear[], columns: Iterable<string>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of columns)
    sums.set(
      c,
      rows.reduce((a, r) => a + (r.values[c] ?? 0), 0),
    );
  return sums;
}

export function aggregateIndicator(
  members: readonly SchoolYear[],
  ind: CompiledIndicator,
): AggregateResult {
  const applicable = members.filter((r) => ind.clausesFor(r.phase));
  const agg = ind.rule.rollup.aggregate ?? { kind: 'weighted_mean' as const };
  const valueColumns = ind.rule.formula
    ? formulaColumns(ind.formula(ind.rule.formula))
    : new Set([ind.rule.column as string]);
  switch (agg.kind) {
    case 'ratio': {
      const num = ind.formula(agg.numerator);
      const den = ind.formula(agg.denominator);
      const cols = formulaColumns(den, formulaColumns(num));
      const rows = applicable.filter((r) => [...cols].every((c) => r.values[c] !== undefined));
      const sums = sumColumns(rows, cols);
      if (rows.length === 0) return { value: undefined, n: 0, sums };
      const look = (c: string) => sums.get(c);
      const a = evaluateFormula(num, look);
      const b = evaluateFormula(den, look);
      const value =
        a === undefined || b === undefined || b === 0 ? undefined : (a / b) * (agg.scale ?? 1);
      return { value: finite(value), n: rows.length, sums };
    }
    case 'mean': {
      const vals = applicable
        .map((r) => ind.valueOf(r))
        .filter((v): v is number => v !== undefined && Number.isFinite(v));
      const rows = applicable.filter((r) => Number.isFinite(ind.valueOf(r) ?? NaN));
      const value = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : undefined;
      return { value: finite(value), n: vals.length, sums: sumColumns(rows, valueColumns) };
    }
    case 'weighted_mean': {
      const weight = agg.weight ?? 'pupils';
      let sw = 0;
      let swv = 0;
      const rows: SchoolYear[] = [];
      for (const r of applicable) {
        const v = ind.valueOf(r);
        const w = r.values[weight];
        if (v === undefined || !Number.isFinite(v) || w === undefined || !(w > 0)) continue;
        sw += w;
        swv += w * v;
        rows.push(r);
      }
      return {
        value: finite(sw > 0 ? swv / sw : undefined),
        n: rows.length,
        sums: sumColumns(rows, new Set([...valueColumns, weight])),
      };
    }
  }
}

function finite(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}
