/**
 * Place names on the map: never two overlapping, none out of view, the places with most schools
 * kept first, and more names at a closer zoom; on random places, against a check of every pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visiblePlaces } from '../../../src/charts/map/declutter';
import type { PlaceLabel } from '../../../src/charts/map/navigate';

const W = 960;
const H = 640;
const box = (p: PlaceLabel, z: { x: number; y: number; k: number }, f: number) => {
  const h = f * z.k;
  const cx = z.x + z.k * p.x;
  const cy = z.y + z.k * p.y;
  const w = p.name.length * 0.56 * h;
  return [cx - w / 2 - h * 0.2, cy - h, cx + w / 2 + h * 0.2, cy + h * 0.3] as const;
};

const placesArb = fc
  .array(
    fc.record({
      name: fc.string({ minLength: 1, maxLength: 30 }),
      x: fc.double({ min: -50, max: 1000, noNaN: true }),
      y: fc.double({ min: -50, max: 700, noNaN: true }),
      count: fc.integer({ min: 3, max: 400 }),
    }),
    { maxLength: 120 },
  )
  .map((list) => list.map((p, k) => ({ ...p, name: `${p.name}${k}` })));

describe('visiblePlaces', () => {
  it('keeps no two names overlapping and none out of view', () => {
    fc.assert(
      fc.property(
        placesArb,
        fc.double({ min: 1, max: 12, noNaN: true }),
        fc.double({ min: -2000, max: 0, noNaN: true }),
        fc.double({ min: -2000, max: 0, noNaN: true }),
        (places, k, x, y) => {
          const z = { x, y, k };
          const kept = visiblePlaces(places, z, 12 / k, W, H);
          const boxes = kept.map((p) => box(p, z, 12 / k));
          for (const b of boxes)
            expect(b[2] >= 0 && b[0] <= W && b[3] >= 0 && b[1] <= H).toBe(true);
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const [a, b] = [boxes[i]!, boxes[j]!];
              expect(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]).toBe(false);
            }
          // Every name left out is in the way of a kept one with at least as many schools,
          // or out of view.
          const keptSet = new Set(kept);
          for (const p of places) {
            if (keptSet.has(p)) continue;
            const b = box(p, z, 12 / k);
            const outside = b[2] < 0 || b[0] > W || b[3] < 0 || b[1] > H;
            const blocked = kept.some((q, n) => {
              const a = boxes[n]!;
              return q.count >= p.count && a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
            });
            expect(outside || blocked).toBe(true);
          }
        },
      ),
    );
  });

  it('shows the biggest place of a crowd, and more names closer in', () => {
    const crowd: PlaceLabel[] = Array.from({ length: 50 }, (_, i) => ({
      name: `Place ${i}`,
      x: 480 + (i % 7),
      y: 320 + (i % 5),
      count: i === 17 ? 99 : 3 + i,
    }));
    const whole = visiblePlaces(crowd, { x: 0, y: 0, k: 1 }, 12, W, H);
    expect(whole.map((p) => p.name)).toEqual(['Place 17']);
    const near = visiblePlaces(crowd, { x: -480 * 11, y: -320 * 11, k: 12 }, 1, W, H);
    expect(near.length).toBeGreaterThan(whole.length);
  });
});
