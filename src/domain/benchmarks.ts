/**
 * England benchmarks: for each year, indicator and phase, the distribution of the indicator's
 * value over every school in England that its rule would band (the comparison-group rows: a
 * value, the phase covered, enough pupils): count, mean, quartiles and deciles, Excel
 * QUARTILE.INC like the engine. Built once from the national files and shipped with the app, so
 * an authority that loads only its own schools can still see where England stands.
 */
import { quantileSorted } from 'd3-array';
import { groupValues } from './engine/group-index';
import type { TableRatings } from './engine/rate-table';
import { PHASES, type Phase } from './types';
import { textAt } from './table/school-table';

/** The points stored: deciles and quartiles. */
export const BENCHMARK_POINTS = [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9] as const;

export interface Distribution {
  n: number;
  mean: number;
  /** Quantile by point, e.g. { "0.5": 4.1 }. */
  q: Record<string, number>;
}

export interface Benchmarks {
  format: 'school-rag-benchmarks';
  version: 1;
  /** Whose schools: "England". */
  population: string;
  /** Where the figures came from, in words. */
  source: string;
  /** year -> indicator id -> phase -> distribution. */
  years: Record<string, Record<string, Partial<Record<Phase, Distribution>>>>;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** Distributions of every indicator of a rating, by year and phase (dataset-wide groups). */
export function benchmarksOf(tr: TableRatings, population: string, source: string): Benchmarks {
  const out: Benchmarks = {
    format: 'school-rag-benchmarks',
    version: 1,
    population,
    source,
    years: {},
  };
  for (const col of tr.indicators) {
    // Authority- and partnership-scoped rules have a group per place: their England figure is
    // the whole phase and year, which the shipped preset (dataset scope) gives.
    const scope = col.ind.rule.comparison?.scope ?? 'dataset';
    const gi = scope === 'dataset' ? col.groups() : undefined;
    if (!gi) continue;
    gi.firstRow.forEach((row, g) => {
      const values = groupValues(gi, g);
      if (values.length === 0) return;
      const year = textAt(tr.table.year, row);
      const phase = PHASES[tr.table.phase[row] as number] as Phase;
      const q: Record<string, number> = {};
      for (const p of BENCHMARK_POINTS)
        q[String(p)] = round(quantileSorted(values as unknown as number[], p) as number);
      const byInd = ((out.years[year] ??= {})[col.ind.id] ??= {});
      byInd[phase] = { n: values.length, mean: round(gi.mean[g] as number), q };
    });
  }
  return out;
}

/** An England figure for an indicator, phase and year, or why there is none. */
export function englandFigure(
  b: Benchmarks | undefined,
  indicatorId: string,
  phase: Phase,
  year: string,
): { ok: true; d: Distribution; population: string } | { ok: false; why: string } {
  if (!b) return { ok: false, why: 'England figures are not loaded' };
  const y = b.years[year];
  if (!y) return { ok: false, why: `no ${b.population} figures for ${year}` };
  const d = y[indicatorId]?.[phase];
  if (!d) return { ok: false, why: `no ${b.population} figure for ${phase} schools in ${year}` };
  return { ok: true, d, population: b.population };
}

/** Checks a loaded benchmarks file's shape (it comes from the network). */
export function isBenchmarks(x: unknown): x is Benchmarks {
  const b = x as Partial<Benchmarks> | null;
  return (
    !!b &&
    b.format === 'school-rag-benchmarks' &&
    b.version === 1 &&
    typeof b.population === 'string' &&
    typeof b.years === 'object' &&
    b.years !== null
  );
}
