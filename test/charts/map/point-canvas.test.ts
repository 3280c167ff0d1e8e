/**
 * The map's canvas markers: the school under a click (within a radius, the one drawn on top,
 * else the nearest) as a scan of every point finds it; and every point drawn once, in its
 * rating's shape, one path per rating with reds last.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapPoint } from '../../../src/charts/map/layout';
import {
  drawPoints,
  PAINT_ORDER,
  pointAt,
  pointIndex,
  stampPoints,
} from '../../../src/charts/map/point-canvas';
import type { Rating } from '../../../src/domain/types';

const RATINGS: Rating[] = ['red', 'amber', 'green', 'none'];

describe('pointAt', () => {
  it('finds what a scan of every point finds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 100 }),
            y: fc.integer({ min: 0, max: 100 }),
            r: fc.constantFrom(...RATINGS),
          }),
          { maxLength: 80 },
        ),
        fc.integer({ min: -5, max: 105 }),
        fc.integer({ min: -5, max: 105 }),
        fc.integer({ min: 1, max: 20 }),
        (raw, x, y, radius) => {
          const points: MapPoint<number>[] = raw.map((p, item) => ({ item, x: p.x, y: p.y }));
          const ratingOf = (i: number) => raw[i]!.r;
          const found = pointAt(pointIndex(points), x, y, radius, ratingOf);
          const near = points.filter((p) => Math.hypot(p.x - x, p.y - y) <= radius);
          if (!near.length) {
            expect(found).toBeUndefined();
            return;
          }
          const top = Math.max(...near.map((p) => PAINT_ORDER.indexOf(ratingOf(p.item))));
          const onTop = near.filter((p) => PAINT_ORDER.indexOf(ratingOf(p.item)) === top);
          const d = Math.min(...onTop.map((p) => Math.hypot(p.x - x, p.y - y)));
          expect(found).toBeDefined();
          expect(PAINT_ORDER.indexOf(ratingOf(found!.item))).toBe(top);
          expect(Math.hypot(found!.x - x, found!.y - y)).toBe(d);
        },
      ),
    );
  });
});

describe('drawPoints', () => {
  it('copies each point’s marker once, reds last, skipping points off the canvas', () => {
    const drawn: [string, number, number][] = [];
    const calls: string[] = [];
    const record = (name: string) => () => void calls.push(name);
    const ctx = {
      canvas: { width: 100, height: 50 },
      setTransform: record('setTransform'),
      clearRect: record('clearRect'),
      drawImage: (image: { r: string }, x: number, y: number) => void drawn.push([image.r, x, y]),
      beginPath: record('beginPath'),
      arc: record('arc'),
      stroke: record('stroke'),
      lineWidth: 1,
      strokeStyle: '',
    } as unknown as CanvasRenderingContext2D;
    const ratings: Rating[] = ['red', 'green', 'none', 'amber', 'red', 'green', 'red'];
    // The last is far off to the right: not drawn.
    const points = ratings.map((_, item) => ({ item, x: item === 6 ? 500 : item * 10, y: 5 }));
    const sizes: number[] = [];
    drawPoints(
      ctx,
      points,
      (i) => ratings[i]!,
      // Two device pixels per unit (zoom 2), moved 3 units right.
      { x: 3, y: 0, k: 2, scale: 1, dpr: 1, half: 5 },
      (r, size) => {
        sizes.push(size);
        return { image: { r } as unknown as CanvasImageSource, size };
      },
      4,
    );
    expect(new Set(sizes)).toEqual(new Set([20]));
    expect(drawn.map(([r]) => r)).toEqual(['none', 'green', 'green', 'amber', 'red', 'red']);
    // Centred on x*2+3, y*2, from the marker's corner (10 pixels up and left).
    expect(drawn[0]).toEqual(['none', 2 * 20 + 3 - 10, 0]);
    expect(drawn.at(-1)).toEqual(['red', 2 * 40 + 3 - 10, 0]);
    // The ring round the chosen school.
    expect(calls.filter((c) => c === 'arc')).toHaveLength(1);
  });
});

describe('stampPoints', () => {
  // 3 x 3 markers: a plus sign of the rating's "colour" (a number standing for it).
  const COLOUR: Record<Rating, number> = { red: 1, amber: 2, green: 3, none: 4 };
  const plus = (r: Rating) => {
    const c = COLOUR[r];
    return { size: 3, pixels: Uint32Array.from([0, c, 0, c, c, c, 0, c, 0]) };
  };
  // 1.5 units a marker's half-width at one pixel a unit: markers 3 pixels across.
  const view = { x: 0, y: 0, k: 1, scale: 1, dpr: 1, half: 1.5 };

  it('writes each marker where drawPoints puts it, reds over greens, clipped at the edges', () => {
    const w = 8;
    const h = 5;
    const buffer = new Uint32Array(w * h);
    const ratings: Rating[] = ['red', 'green', 'amber', 'none'];
    // A red and a green on one spot (the red wins, whatever the order); an amber half off the
    // left edge; a "no data" wholly off the canvas.
    const points = [
      { item: 0, x: 4, y: 2 },
      { item: 1, x: 4, y: 2 },
      { item: 2, x: 0, y: 2 },
      { item: 3, x: 40, y: 2 },
    ];
    stampPoints(buffer, w, h, points, (i) => ratings[i]!, view, plus);
    const rows = Array.from({ length: h }, (_, y) => [...buffer.subarray(y * w, y * w + w)]);
    expect(rows).toEqual([
      [0, 0, 0, 0, 0, 0, 0, 0],
      [2, 0, 0, 0, 1, 0, 0, 0],
      [2, 2, 0, 1, 1, 1, 0, 0],
      [2, 0, 0, 0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('clips a marker past the bottom and right edges', () => {
    const buffer = new Uint32Array(4 * 4);
    // Centred on (3, 3) of a 4 x 4 canvas: its right arm and bottom arm fall off.
    stampPoints(buffer, 4, 4, [{ item: 0, x: 3, y: 3 }], () => 'green', view, plus);
    expect([...buffer]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 3, 3]);
  });
});
