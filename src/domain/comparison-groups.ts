/**
 * Comparison groups for quartile and benchmark triggers: by default every school of the same
 * phase and year with a value for the indicator; scope "la" narrows it to the same authority,
 * "partnership" to the same partnership (schools in none: those of the same authority).
 * Quantiles are Excel QUARTILE.INC (R type 7, linear interpolation), which d3.quantileSorted
 * computes. The engine builds them as columns (engine/group-index.ts).
 */
import type { IndicatorRule } from './rules/schema';
import type { Phase, SchoolYear } from './types';

export interface ComparisonGroup {
  phase: Phase;
  year: string;
  /** Set when the scope is the local authority. */
  laName?: string;
  /** Set when the scope is the partnership: its name ('' for schools in none). */
  partnership?: string;
  /** The authorities its schools are in, by name: the population a cut-off is of. */
  authorities: readonly string[];
  /**
   * England scope: cut-offs and mean come from a shipped distribution of another population
   * (`sorted` stays this dataset's values, to place the school among them); `missing` says why
   * there is none for this phase and year.
   */
  reference?: { n: number; population: string; missing?: string };
  /** Values in ascending order. */
  sorted: ArrayLike<number>;
  quantile(p: number): number;
  mean(): number;
}

/** Fewer values than this cannot be banded into quartiles. */
export const MIN_GROUP_FOR_QUANTILES = 4;

/**
 * The key views look distributions up with: "primary|2018/19", plus "|850" for LA scope, or
 * "||North" for partnership scope ("|850|" for the authority's schools in no partnership).
 */
export function comparisonKeyOf(
  row: Pick<SchoolYear, 'phase' | 'year' | 'laCode' | 'partnership'>,
  rule: Pick<IndicatorRule, 'comparison'>,
): string {
  const base = `${row.phase}|${row.year}`;
  const scope = rule.comparison?.scope;
  if (scope === 'la') return `${base}|${row.laCode}`;
  // England scope: the dataset's groups of phase and year, cut against England's figures.
  if (scope === 'partnership')
    return row.partnership ? `${base}||${row.partnership}` : `${base}|${row.laCode}|`;
  return base;
}

/** "Hampshire", "Hampshire and Surrey", "Kent, Medway and Surrey", or "152 authorities". */
export function placeOf(authorities: readonly string[]): string {
  // By name, so the words do not depend on the order of rows in the file.
  const names = [...authorities].sort();
  if (names.length > 3) return `${names.length} authorities`;
  if (names.length <= 1) return names[0] ?? 'no authority';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
