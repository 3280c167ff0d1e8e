/**
 * Map layout: schools as points projected with d3-geo (Mercator fitted to the points; no tiles,
 * nothing fetched). Pure: returns screen positions.
 */
import { geoMercator } from 'd3-geo';

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
  return located.map(({ item, ll }) => {
    const [x, y] = projection(ll) ?? [0, 0];
    return { item, x, y };
  });
}
