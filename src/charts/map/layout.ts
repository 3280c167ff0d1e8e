/**
 * Map layout: schools as points projected with d3-geo (Mercator fitted to the points; no tiles,
 * nothing fetched), schools sharing a site set apart. Pure: returns screen positions.
 */
import { geoMercator } from 'd3-geo';
import { placeLabels, type PlaceLabel } from './navigate';

export interface MapPoint<T> {
  item: T;
  x: number;
  y: number;
}

export function mapLayout<T>(
  items: readonly T[],
  lonLat: (t: T) => [number, number] | undefined,
  width: number,
  height: number,
): MapPoint<T>[] {
  const located = items.flatMap((item) => {
    const ll = lonLat(item);
    return ll ? [{ item, ll }] : [];
  });
  if (!located.length) return [];
  const projection = geoMercator().fitExtent(
    [
      [12, 12],
      [width - 12, height - 12],
    ],
    { type: 'MultiPoint', coordinates: located.map((l) => l.ll) },
  );
  // Schools on one site (an infant and a junior school, say) share a position: each after the
  // first is set out on a small spiral around it, so every marker can be seen and clicked.
  // Keyed by the rounded position as one number (a string per school was a third of laying
  // out 350,000).
  const seen = new Map<number, number>();
  return located.map(({ item, ll }) => {
    const [x, y] = projection(ll) ?? [0, 0];
    const key = Math.round(x) * 1_000_003 + Math.round(y);
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    if (k === 0) return { item, x, y };
    const angle = k * GOLDEN_ANGLE;
    const r = JITTER * Math.sqrt(k);
    return { item, x: x + r * Math.cos(angle), y: y + r * Math.sin(angle) };
  });
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Drawing units between a shared position and its first neighbour (markers are 10 across). */
const JITTER = 7;

/** Every school's position on the map (NaN where it has none), by its place in the arrays. */
export interface MapPositions {
  x: Float64Array;
  y: Float64Array;
  /** Place names at the centre of each place's schools. */
  placeLabels: PlaceLabel[];
}

/**
 * The layout of schools given as latitude and longitude arrays (NaN missing), with their
 * places' names: worked out where the data is (the worker), so the page only draws. A national
 * file's 356,000 projections took 130 ms of the page's task that showed the map.
 */
export function mapPositions(
  lat: Float64Array,
  lon: Float64Array,
  placeOf: (p: number) => string,
  width: number,
  height: number,
): MapPositions {
  const n = lat.length;
  const points = mapLayout(
    Array.from({ length: n }, (_, p) => p),
    (p) => {
      const la = lat[p] as number;
      const lo = lon[p] as number;
      return Number.isNaN(la) || Number.isNaN(lo) ? undefined : [lo, la];
    },
    width,
    height,
  );
  const x = new Float64Array(n).fill(NaN);
  const y = new Float64Array(n).fill(NaN);
  for (const p of points) {
    x[p.item] = p.x;
    y[p.item] = p.y;
  }
  return { x, y, placeLabels: placeLabels(points, placeOf) };
}
