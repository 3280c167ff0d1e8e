/**
 * Comparison groups as columns: every eligible row gets a group number (phase and year, plus the
 * authority when the scope is "la", the partnership when it is "partnership"), and each group's values sit sorted in one shared
 * Float64Array (CSR layout: group g is sorted[offsets[g]..offsets[g+1])). One counting pass,
 * one fill, one sort per group; cut-offs and means are then lookups.
 */
import { quantileSorted } from 'd3-array';
import { MIN_GROUP_FOR_QUANTILES, type ComparisonGroup } from '../comparison-groups';
import { PHASES, type Phase } from '../types';
import { phasePlural } from '../format';
import { textAt, type SchoolTable } from '../table/school-table';
import type { IndicatorRule } from '../rules/schema';
import type { Distribution } from '../benchmarks';
import type { CompiledIndicator } from '../rules/compile';
import { fillSortedGroups } from './sort-groups';

export type Scope = NonNullable<IndicatorRule['comparison']>['scope'];
export const scopeOf = (rule: Pick<IndicatorRule, 'comparison'>): Scope =>
  rule.comparison?.scope ?? 'dataset';

export interface GroupIndex {
  /** Group of each row; -1 when the row is not in any (not eligible). */
  groupOf: Int32Array;
  offsets: Int32Array;
  sorted: Float64Array;
  /** First row of each group (its phase, year and, by scope, authority or partnership). */
  firstRow: Int32Array;
  scope: Scope;
  /** Mean of each group's values, summed in ascending order (England scope: England's mean). */
  mean: Float64Array;
  /** England scope: each group's shipped distribution (undefined where there is none). */
  reference?: { dists: (Distribution | undefined)[]; population: string };
  /**
   * Each group's authorities, as the first row of each in the group, first seen first (group
   * g's are rows[offsets[g]..offsets[g+1])), once worked out: one pass over every row serves
   * every reason that names a group's authorities.
   */
  authorityRows?: { offsets: Int32Array; rows: Int32Array };
}

export function buildGroupIndex(
  t: SchoolTable,
  values: Float64Array,
  eligible: Uint8Array,
  scope: Scope,
  reference?: CompiledIndicator['reference'],
): GroupIndex {
  const n = t.n;
  const nYears = t.year.dict.length;
  const { codes: place, size: nPlace } = placeCodes(t, scope);
  // Keys are small (phases x years x places): a typed array beats a Map per row.
  const keyToGroup = new Int32Array(PHASES.length * nYears * nPlace).fill(-1);
  const groupOf = new Int32Array(n).fill(-1);
  const first: number[] = [];
  const counts: number[] = [];
  const yc = t.year.codes;
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    const key =
      ((t.phase[i] as number) * nYears + (yc[i] as number)) * nPlace +
      (place ? (place[i] as number) : 0);
    let g = keyToGroup[key] as number;
    if (g < 0) {
      g = first.length;
      keyToGroup[key] = g;
      first.push(i);
      counts.push(0);
    }
    groupOf[i] = g;
    counts[g]!++;
  }
  const G = first.length;
  const offsets = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) offsets[g + 1] = (offsets[g] as number) + (counts[g] as number);
  const sorted = new Float64Array(offsets[G] as number);
  fillSortedGroups(values, groupOf, offsets, sorted);
  const mean = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const part = sorted.subarray(offsets[g], offsets[g + 1]);
    let sum = 0;
    for (let k = 0; k < part.length; k++) sum += part[k] as number;
    mean[g] = sum / part.length;
  }
  const firstRow = Int32Array.from(first);
  if (scope !== 'england' || !reference) return { groupOf, offsets, sorted, firstRow, scope, mean };
  // England scope: the cut-offs and mean are England's for the group's year and phase.
  const dists = Array.from(firstRow, (row) =>
    reference.of(textAt(t.year, row), PHASES[t.phase[row] as number] as Phase),
  );
  dists.forEach((d, g) => (mean[g] = d ? d.mean : NaN));
  return {
    groupOf,
    offsets,
    sorted,
    firstRow,
    scope,
    mean,
    reference: { dists, population: reference.population },
  };
}

/** A shipped distribution's cut-off at p (NaN when the figure is not there). */
const referenceQuantile = (d: Distribution | undefined, p: number): number =>
  d?.q[String(p)] ?? NaN;

/**
 * Each row's place within its phase and year by scope: its authority ("la"); its partnership, or
 * for a school in none its authority ("partnership"); none for the whole dataset.
 */
function placeCodes(t: SchoolTable, scope: Scope): { codes?: ArrayLike<number>; size: number } {
  const la = t.laCode;
  if (scope === 'la') return { codes: la.codes, size: la.dict.length };
  if (scope !== 'partnership') return { size: 1 };
  const p = t.partnership;
  const none = p.dict.indexOf('');
  const codes = new Int32Array(t.n);
  for (let i = 0; i < t.n; i++) {
    const c = p.codes[i] as number;
    codes[i] = c === none ? p.dict.length + (la.codes[i] as number) : c;
  }
  return { codes, size: p.dict.length + la.dict.length };
}

export const groupSize = (gi: GroupIndex, g: number): number =>
  (gi.offsets[g + 1] as number) - (gi.offsets[g] as number);

export const groupValues = (gi: GroupIndex, g: number): Float64Array =>
  gi.sorted.subarray(gi.offsets[g], gi.offsets[g + 1]);

/** The cut-off at quantile p of every group (NaN where the group is too small to band). */
export function groupQuantiles(gi: GroupIndex, p: number): Float64Array {
  const G = gi.firstRow.length;
  const out = new Float64Array(G);
  const ref = gi.reference;
  if (ref) {
    for (let g = 0; g < G; g++) out[g] = referenceQuantile(ref.dists[g], p);
    return out;
  }
  for (let g = 0; g < G; g++)
    out[g] =
      groupSize(gi, g) < MIN_GROUP_FOR_QUANTILES
        ? NaN
        : (quantileSorted(groupValues(gi, g) as unknown as number[], p) as number);
  return out;
}

/** The comparison-group object explanations and charts use, made for one group when asked. */
/** Marks of (group, authority) seen, at most this many bytes; past it, one group at a time. */
const MAX_MARKS = 1 << 24;

/**
 * Every group's authorities as rows (see GroupIndex.authorityRows), found in one pass over the
 * rows and kept on the index; undefined when the marks would pass `maxMarks` bytes.
 */
export function authorityRowsOf(
  t: SchoolTable,
  gi: GroupIndex,
  maxMarks = MAX_MARKS,
): GroupIndex['authorityRows'] {
  if (gi.authorityRows) return gi.authorityRows;
  const G = gi.firstRow.length;
  const L = t.laCode.dict.length;
  if (G * L > maxMarks) return undefined;
  const seen = new Uint8Array(G * L);
  const counts = new Int32Array(G);
  const found: number[] = [];
  const { groupOf } = gi;
  const laCodes = t.laCode.codes;
  for (let i = 0; i < t.n; i++) {
    const h = groupOf[i] as number;
    if (h < 0) continue;
    const at = h * L + (laCodes[i] as number);
    if (seen[at]) continue;
    seen[at] = 1;
    counts[h]!++;
    found.push(i);
  }
  const offsets = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) offsets[g + 1] = (offsets[g] as number) + (counts[g] as number);
  const rows = new Int32Array(found.length);
  const next = offsets.slice(0, G);
  // Rows in row order: each group's first seen first.
  for (const i of found) rows[next[groupOf[i] as number]!++] = i;
  return (gi.authorityRows = { offsets, rows });
}

/**
 * Group g's authorities, first seen first: from the index's authority rows (made by the worker,
 * or here in one pass for every group the first time one is shown), or, when there would be
 * too many marks for that, from a pass over this group's rows.
 */
export function authoritiesOf(
  t: SchoolTable,
  gi: GroupIndex,
  g: number,
  /** A test lowers it to take the one-group way. */
  maxMarks = MAX_MARKS,
): string[] {
  const name = (i: number) => textAt(t.laName, i) || textAt(t.laCode, i);
  const ar = authorityRowsOf(t, gi, maxMarks);
  if (ar) return Array.from(ar.rows.subarray(ar.offsets[g], ar.offsets[g + 1]), name);
  const seen = new Uint8Array(t.laCode.dict.length);
  const out: string[] = [];
  for (let i = gi.firstRow[g] as number; i < t.n; i++) {
    if (gi.groupOf[i] !== g) continue;
    const code = t.laCode.codes[i] as number;
    if (seen[code]) continue;
    seen[code] = 1;
    out.push(name(i));
  }
  return out;
}

export function comparisonGroupOf(t: SchoolTable, gi: GroupIndex, g: number): ComparisonGroup {
  const row = gi.firstRow[g] as number;
  const sorted = groupValues(gi, g);
  const authorities = authoritiesOf(t, gi, g);
  const cache = new Map<number, number>();
  const phase = PHASES[t.phase[row] as number] as Phase;
  const year = textAt(t.year, row);
  const ref = gi.reference;
  if (ref) {
    const d = ref.dists[g];
    return {
      phase,
      year,
      authorities,
      sorted,
      quantile: (p) => referenceQuantile(d, p),
      mean: () => (d ? d.mean : NaN),
      reference: d
        ? { n: d.n, population: ref.population }
        : {
            n: 0,
            population: ref.population,
            missing: `no ${ref.population} figures for ${phasePlural(phase, 2)} in ${year}`,
          },
    };
  }
  return {
    phase,
    year,
    ...(gi.scope === 'la' ? { laName: textAt(t.laName, row) } : {}),
    ...(gi.scope === 'partnership' ? { partnership: textAt(t.partnership, row) } : {}),
    authorities,
    sorted,
    quantile(p) {
      let q = cache.get(p);
      if (q === undefined)
        cache.set(p, (q = quantileSorted(sorted as unknown as number[], p) as number));
      return q;
    },
    mean: () => gi.mean[g] as number,
  };
}
