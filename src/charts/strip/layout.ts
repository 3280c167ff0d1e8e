/**
 * Layout of a strip plot: every school of the comparison group as a dot on one axis, the
 * quartile cut-offs marked, this school highlighted. Pure: scales and positions only.
 */
import { scaleLinear } from 'd3-scale';
import { extent } from 'd3-array';

export interface StripLayout {
  width: number;
  height: number;
  dots: { x: number; y: number }[];
  cutoffs: { x: number; label: string; value: number }[];
  marker: { x: number } | undefined;
  /** Edge ticks are anchored inwards so their labels are not clipped by the SVG. */
  ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
}

/** Deterministic jitter (no Math.random): spreads dots vertically by their index. */
const jitter = (i: number) => (((i * 7919) % 13) / 12 - 0.5) * 0.8;

export function stripLayout(
  values: readonly number[],
  cutoffs: readonly { label: string; value: number }[],
  value: number | undefined,
  width = 240,
  height = 36,
  format: (v: number) => string = String,
): StripLayout {
  const all = [...values, ...cutoffs.map((c) => c.value), ...(value === undefined ? [] : [value])];
  const [lo = 0, hi = 1] = extent(all);
  const x = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([6, width - 6])
    .nice();
  const mid = (height - 12) / 2;
  return {
    width,
    height,
    dots: values.map((v, i) => ({ x: x(v), y: mid + jitter(i) * (height - 16) })),
    cutoffs: cutoffs.map((c) => ({ ...c, x: x(c.value) })),
    marker: value === undefined ? undefined : { x: x(value) },
    ticks: x.ticks(4).map((t) => {
      const tx = x(t);
      const anchor = tx < 24 ? 'start' : tx > width - 24 ? 'end' : 'middle';
      return { x: tx, label: format(t), anchor };
    }),
  };
}
