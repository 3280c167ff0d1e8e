/** Layout of a small trend line over academic years (pure). */
import { scaleLinear, scalePoint } from 'd3-scale';
import { extent } from 'd3-array';
import type { TrendPoint } from '../../domain/trend';

export function trendLayout(
  points: readonly TrendPoint[],
  years: readonly string[],
  width = 120,
  height = 32,
) {
  const x = scalePoint<string>()
    .domain(years)
    .range([6, width - 6]);
  const [lo = 0, hi = 1] = extent(points, (p) => p.value);
  const y = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([height - 6, 6]);
  const pts = points.map((p) => ({ x: x(p.year) ?? 0, y: y(p.value), ...p }));
  const path = pts.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join('');
  return { width, height, pts, path };
}
