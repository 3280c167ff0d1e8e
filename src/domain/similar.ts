/**
 * "Similar schools", chosen the way the DfE's benchmarking tools do: the same year, phase and
 * type (an infant school with infant schools, a junior with juniors), nearest by a weighted
 * distance on measures each scaled by its spread among those candidates, so none dominates:
 * deprivation (FSM %), special educational needs (SEN support plus EHC plan %), prior attainment
 * of the KS2 cohort (KS1 average point score) and size (pupils, half weight: size says less
 * about outcomes than intake does). A measure either school lacks is left out of that pair's
 * distance, which is averaged over the weights it used; two schools need two measures in common.
 */
import { deviation } from 'd3-array';
import { tableFromSchoolYears } from './table/from-school-years';
import { columnValues, type SchoolTable } from './table/school-table';
import { PHASES, type SchoolYear } from './types';
import { textOf } from './table/text-column';

export interface SimilarMeasure {
  label: string;
  weight: number;
  /** The measure for every row (NaN missing). */
  values(t: SchoolTable): Float64Array;
}

const column = (name: string) => (t: SchoolTable) => columnValues(t, name);

export const SIMILAR_MEASURES: readonly SimilarMeasure[] = [
  { label: 'FSM %', weight: 1, values: column('fsm_pct') },
  {
    label: 'SEN %',
    weight: 1,
    values: (t) => {
      const support = columnValues(t, 'sen_support_pct');
      const plan = columnValues(t, 'sen_ehcp_pct');
      return support.map((s, i) => s + (plan[i] as number));
    },
  },
  { label: 'prior attainment (KS1 average points)', weight: 1, values: column('ks2_prior_aps') },
  { label: 'pupils', weight: 0.5, values: column('pupils') },
];

/** How many similar schools are listed: about the number the DfE's tools show. */
export const SIMILAR_COUNT = 30;

const MIN_MEASURES = 2;

/**
 * A primary school's type by its statutory age range: infant (up to 7), junior (from 7), or
 * primary; other phases, and schools without ages, have none.
 */
export function primaryType(t: SchoolTable, row: number): 'infant' | 'junior' | 'primary' | '' {
  return typeOfAges(
    t.phase[row] as number,
    columnValues(t, 'age_low')[row] as number,
    columnValues(t, 'age_high')[row] as number,
  );
}

function typeOfAges(phase: number, low: number, high: number): ReturnType<typeof primaryType> {
  if (PHASES[phase] !== 'primary') return '';
  if (Number.isNaN(low) || Number.isNaN(high)) return '';
  if (high <= 7) return 'infant';
  if (low >= 7) return 'junior';
  return 'primary';
}

export interface Similar {
  /** Rows of the similar schools, nearest first. */
  rows: number[];
  /** Their distances, in the order of rows. */
  distance: number[];
  /** The type they share with the school ('' when not a primary or ages unknown). */
  type: string;
}

/** The schools most like row `target`, nearest first. */
export function similarRows(t: SchoolTable, target: number, count = SIMILAR_COUNT): Similar {
  const phase = t.phase[target];
  const year = t.year.codes[target];
  const urn = textOf(t.urn, target);
  const type = primaryType(t, target);
  const low = columnValues(t, 'age_low');
  const high = columnValues(t, 'age_high');
  const peers: number[] = [];
  for (let i = 0; i < t.n; i++)
    if (
      t.phase[i] === phase &&
      t.year.codes[i] === year &&
      textOf(t.urn, i) !== urn &&
      (type === '' ||
        typeOfAges(t.phase[i] as number, low[i] as number, high[i] as number) === type)
    )
      peers.push(i);
  const measures = SIMILAR_MEASURES.map((m) => {
    const v = m.values(t);
    // d3's deviation skips NaN, as a missing value should be.
    return { v, w: m.weight, sd: deviation(peers, (i) => v[i]) || 1, own: v[target] as number };
  }).filter((m) => !Number.isNaN(m.own));
  if (measures.length < MIN_MEASURES) return { rows: [], distance: [], type };
  // The nearest `count`, kept in order as candidates come (a national phase is 16,000 peers:
  // sorting them all to keep 30 was most of the work). Ties go to the lower URN.
  const near: { i: number; d: number }[] = [];
  const before = (a: { i: number; d: number }, b: { i: number; d: number }) =>
    a.d - b.d || (textOf(t.urn, a.i) < textOf(t.urn, b.i) ? -1 : 1);
  for (const i of peers) {
    let sum = 0;
    let weights = 0;
    let used = 0;
    for (const m of measures) {
      const x = m.v[i] as number;
      if (Number.isNaN(x)) continue;
      const z = (x - m.own) / m.sd;
      sum += m.w * z * z;
      weights += m.w;
      used++;
    }
    if (used < MIN_MEASURES) continue;
    const c = { i, d: Math.sqrt(sum / weights) };
    if (near.length >= count && (near.length === 0 || before(c, near[near.length - 1]!) >= 0))
      continue;
    let at = near.length;
    while (at > 0 && before(c, near[at - 1]!) < 0) at--;
    near.splice(at, 0, c);
    if (near.length > count) near.pop();
  }
  const chosen = near;
  return { rows: chosen.map((x) => x.i), distance: chosen.map((x) => x.d), type };
}

/**
 * A school's rank on one value among others (1 is best; ties share the better rank), or
 * undefined when it has no value. `of` counts the school and the others with a value.
 */
export function rankAmong(
  own: number | undefined,
  others: readonly (number | undefined)[],
  lowerIsBetter: boolean,
): { rank: number; of: number } | undefined {
  if (own === undefined || Number.isNaN(own)) return undefined;
  const values = others.filter((v): v is number => v !== undefined && !Number.isNaN(v));
  const better = values.filter((v) => (lowerIsBetter ? v < own : v > own)).length;
  return { rank: better + 1, of: values.length + 1 };
}

/** The same for row objects (small data and tests). */
export function similarSchools(
  target: SchoolYear,
  all: readonly SchoolYear[],
  count = SIMILAR_COUNT,
): SchoolYear[] {
  const list = all.includes(target) ? all : [target, ...all];
  return similarRows(tableFromSchoolYears(list), list.indexOf(target), count).rows.map(
    (i) => list[i] as SchoolYear,
  );
}
