import { describe, expect, it } from 'vitest';
import { mapLayout } from '../../../src/charts/map/layout';

describe('schools sharing a site', () => {
  it('are set apart so each can be seen, the first left where it is', () => {
    const items = ['a', 'b', 'c', 'd'];
    const at: Record<string, [number, number]> = {
      a: [-1, 51],
      b: [-1, 51],
      c: [-1, 51],
      d: [-0.5, 51.2],
    };
    const pts = mapLayout(items, (i) => at[i], 400, 300);
    const [a, b, c] = pts;
    expect(Math.hypot(b!.x - a!.x, b!.y - a!.y)).toBeGreaterThan(5);
    expect(Math.hypot(c!.x - a!.x, c!.y - a!.y)).toBeGreaterThan(5);
    expect(Math.hypot(c!.x - b!.x, c!.y - b!.y)).toBeGreaterThan(5);
    // a school alone is not moved: the projection puts it in a corner of the fitted extent
    expect(pts[3]!.x).toBeCloseTo(388, 0);
  });
});
