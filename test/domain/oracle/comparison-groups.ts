/**
 * Comparison groups for quartile and benchmark triggers: by default every school of the same
 * phase and year with a value for the indicator; scope "la" narrows it to the same authority.
 * Quantiles are Excel QUARTILE.INC (R type 7, linear interpolation), which d3.quantileSorted
 * computes.
 */
import { quantileSorted } from 'd3-array';
import type { ComparisonGroup } from '../../../src/domain/comparison-groups';
export type { ComparisonGroup };
import type { CompiledIndicator } from '../../../src/domain/rules/compile';
import type { IndicatorRule } from '../../../src/domain/rules/schema';

import type { SchoolYear } from '../../../src/domain/types';
import type { Benchmarks } from '../../../src/domain/benchmarks';
import { phasePlural } from '../../../src/domain/format';

export function comparisonKey(row: SchoolYear, ind: CompiledIndicator): string {
  return comparisonKeyOf(row, ind.rule);
}

/** The same key from the rule alone (views look up distributions with it). */
export function comparisonKeyOf(row: SchoolYear, rule: Pick<IndicatorRule, 'comparison'>): string {
  const base = `${row.phase}|${row.year}`;
  const scope = rule.comparison?.scope;
  if (scope === 'la') return `${base}|${row.laCode}`;
  // A school in no partnership is compared with the others of its authority in none.
  if (scope === 'partnership')
    return row.partnership ? `${base}||${row.partnership}` : `${base}|${row.laCode}|`;
  return base;
}

/** Whether the row is below the indicator's minimum pupils (and so not rated). */
export function belowMinPupils(row: SchoolYear, ind: CompiledIndicator): boolean {
  const min = ind.rule.minPupils;
  if (min === undefined) return false;
  const pupils = row.values[ind.rule.pupilsColumn ?? 'pupils'];
  if (pupils === undefined) return ind.rule.unknownPupils !== 'rated';
  return pupils < min;
}

export function buildComparisonGroups(
  schools: readonly SchoolYear[],
  ind: CompiledIndicator,
  england?: Benchmarks,
): Map<string, ComparisonGroup> {
  const buckets = new Map<
    string,
    { row: SchoolYear; values: number[]; authorities: Map<string, string> }
  >();
  for (const row of schools) {
    if (!ind.clausesFor(row.phase) || belowMinPupils(row, ind)) continue;
    const v = ind.valueOf(row);
    if (v === undefined || !Number.isFinite(v)) continue;
    const key = comparisonKey(row, ind);
    let bucket = buckets.get(key);
    if (bucket) bucket.values.push(v);
    else buckets.set(key, (bucket = { row, values: [v], authorities: new Map() }));
    if (!bucket.authorities.has(row.laCode))
      bucket.authorities.set(row.laCode, row.laName || row.laCode);
  }
  const groups = new Map<string, ComparisonGroup>();
  for (const [key, { row, values, authorities }] of buckets) {
    const sorted = Float64Array.from(values).sort();
    const arr = Array.from(sorted);
    if (ind.rule.comparison?.scope === 'england') {
      // Cut-offs and mean from the England figures of the group's year and phase, read raw.
      const d = england?.years[row.year]?.[ind.id]?.[row.phase];
      const population = england?.population ?? 'England';
      groups.set(key, {
        phase: row.phase,
        year: row.year,
        authorities: [...authorities.values()],
        sorted: arr,
        quantile: (p) => d?.q[String(p)] ?? NaN,
        mean: () => d?.mean ?? NaN,
        reference: d
          ? { n: d.n, population }
          : {
              n: 0,
              population,
              missing: `no ${population} figures for ${phasePlural(row.phase, 2)} in ${row.year}`,
            },
      });
      continue;
    }
    const cache = new Map<number, number>();
    let mean: number | undefined;
    groups.set(key, {
      phase: row.phase,
      year: row.year,
      ...(ind.rule.comparison?.scope === 'la' ? { laName: row.laName } : {}),
      ...(ind.rule.comparison?.scope === 'partnership' ? { partnership: row.partnership } : {}),
      authorities: [...authorities.values()],
      sorted: arr,
      quantile(p) {
        let q = cache.get(p);
        if (q === undefined) {
          q = quantileSorted(arr, p) as number;
          cache.set(p, q);
        }
        return q;
      },
      mean() {
        mean ??= arr.reduce((a, b) => a + b, 0) / arr.length;
        return mean;
      },
    });
  }
  return groups;
}
