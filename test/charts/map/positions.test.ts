import { describe, expect, it } from 'vitest';
import { mapLayout, mapPositions } from '../../../src/charts/map/layout';
import { placeLabels } from '../../../src/charts/map/navigate';

describe('the map laid out where the data is', () => {
  // Four schools in a place, one on the same site as another, one without a location.
  const lat = Float64Array.from([51.5, 51.6, 51.5, NaN, 52.0]);
  const lon = Float64Array.from([-0.1, -0.2, -0.1, -0.3, -1.0]);
  const place = ['Camden', 'Camden', 'Camden', 'Camden', ''];

  it('puts each school where mapLayout does, NaN where it has no location', () => {
    const at = mapPositions(lat, lon, (p) => place[p]!, 960, 640);
    const points = mapLayout(
      [0, 1, 2, 3, 4],
      (p) => (Number.isNaN(lat[p]!) ? undefined : [lon[p]!, lat[p]!]),
      960,
      640,
    );
    for (const p of points) {
      expect(at.x[p.item]).toBe(p.x);
      expect(at.y[p.item]).toBe(p.y);
    }
    expect(at.x[3]).toBeNaN();
    // The two on one site are set apart.
    expect(at.x[0] === at.x[2] && at.y[0] === at.y[2]).toBe(false);
    expect(at.placeLabels).toEqual(placeLabels(points, (p) => place[p]!));
    expect(at.placeLabels.map((l) => l.name)).toEqual(['Camden']);
  });
});
