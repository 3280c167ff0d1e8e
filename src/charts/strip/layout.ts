/**
 * Layout of a strip plot: every school of the comparison group as a dot on one axis, the
 * quartile cut-offs marked, this school highlighted. Pure: scales and positions only.
 */
import { scaleLinear } from 'd3-scale';
import { extent } from 'd3-array';

export interface StripLayout {
  width: number;
  height: number;
  /**
   * Dots, schools at one spot (half a pixel across, one jitter row) drawn as one dot with how
   * many they are: a national group of 16,779 schools is a few thousand spots, not 16,779 shapes.
   */
  dots: { x: number; y: number; count: number }[];
  cutoffs: { x: number; label: string; value: number }[];
  marker: { x: number } | undefined;
  /** Edge ticks are anchored inwards so their labels are not clipped by the SVG. */
  ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
}

/** Deterministic jitter (no Math.random): spreads dots vertically by their index, in 13 rows. */
const jitter = (i: number) => (((i * 7919) % 13) / 12 - 0.5) * 0.8;

export function stripLayout(
  /** Ascending. */
  values: ArrayLike<number>,
  cutoffs: readonly { label: string; value: number }[],
  value: number | undefined,
  width = 240,
  height = 36,
  format: (v: number) => string = String,
): StripLayout {
  // The values are ascending: their ends, the cut-offs and the school's value span the axis.
  const ends = values.length ? [values[0] as number, values[values.length - 1] as number] : [];
  const all = [...ends, ...cutoffs.map((c) => c.value), ...(value === undefined ? [] : [value])];
  const [lo = 0, hi = 1] = extent(all);
  const x = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([6, width - 6])
    .nice();
  const mid = (height - 12) / 2;
  // Spots by half pixel and jitter row, counted in an array (a national group is 16,779 values:
  // a Map and d3's scale per value were most of a school page's render).
  const [d0 = 0, d1 = 1] = x.domain();
  const [r0 = 0, r1 = 1] = x.range();
  const slope = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const cells = (Math.ceil(Math.max(r0, r1) * 2) + 2) * 13;
  const count = new Int32Array(cells);
  const first = new Int32Array(cells).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const key = Math.round((r0 + (v - d0) * slope) * 2) * 13 + ((i * 7919) % 13);
    if (count[key]!++ === 0) first[key] = i;
  }
  const dots: StripLayout['dots'] = [];
  for (let key = 0; key < cells; key++) {
    const i = first[key] as number;
    if (i < 0) continue;
    const v = values[i] as number;
    dots.push({ x: x(v), y: mid + jitter(i) * (height - 16), count: count[key] as number });
  }
  return {
    width,
    height,
    dots,
    cutoffs: cutoffs.map((c) => ({ ...c, x: x(c.value) })),
    marker: value === undefined ? undefined : { x: x(value) },
    ticks: x.ticks(4).map((t) => {
      const tx = x(t);
      const anchor = tx < 24 ? 'start' : tx > width - 24 ? 'end' : 'middle';
      return { x: tx, label: format(t), anchor };
    }),
  };
}
