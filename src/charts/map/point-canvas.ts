/**
 * Many schools on a map are drawn on a canvas, not as an element each: a national file's 20,000
 * markers as SVG took the page 0.3-0.4 s a render, a 100 MB file's 350,000 froze it for 40 s.
 * Markers keep their rating's shape (square red, triangle amber, disc green, ring no data),
 * each drawn once and copied to every school's place (a path of 20,000 shapes took 250 ms to
 * fill), reds last so none hides under a green. Points are found again under a click
 * with a quadtree. Pure: no React.
 */
import { quadtree, type Quadtree } from 'd3-quadtree';
import type { Rating } from '../../domain/types';
import type { MapPoint } from './layout';

/** Above this many points a map is drawn on a canvas. */
export const CANVAS_POINTS = 1500;

export const PAINT_ORDER: readonly Rating[] = ['none', 'green', 'amber', 'red'];

export interface View {
  /** Zoom: drawing units to zoomed units (x, y, k as d3-zoom's transform). */
  x: number;
  y: number;
  k: number;
  /** Screen pixels per drawing unit at zoom 1 (the drawing's shown width over its own). */
  scale: number;
  /** Device pixels per screen pixel. */
  dpr: number;
  /** A marker's half-width in drawing units (5 at zoom 1 on a full-size map). */
  half: number;
}

/** A marker drawn once, copied to each school's place: its image and its size in pixels. */
export interface Sprite {
  image: CanvasImageSource;
  size: number;
}

/**
 * Draws the points, each as its rating's marker (copied from `sprite`, made at the marker's
 * size on screen), reds last, and a ring round the chosen one. Points outside the canvas are
 * skipped, so a zoomed-in map draws only what shows.
 */
export function drawPoints<T>(
  ctx: CanvasRenderingContext2D,
  points: readonly MapPoint<T>[],
  ratingOf: (item: T) => Rating,
  view: View,
  sprite: (r: Rating, size: number) => Sprite,
  chosen?: T,
): void {
  const { dpr, scale, k } = view;
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  // Device pixels per drawing unit, and a marker's width in device pixels.
  const f = dpr * scale * k;
  const size = Math.max(3, Math.round(2 * view.half * f));
  const byRating = new Map<Rating, MapPoint<T>[]>(PAINT_ORDER.map((r) => [r, []]));
  for (const p of points) byRating.get(ratingOf(p.item))?.push(p);
  const ox = dpr * scale * view.x;
  const oy = dpr * scale * view.y;
  for (const r of PAINT_ORDER) {
    const s = sprite(r, size);
    const half = s.size / 2;
    for (const p of byRating.get(r) as MapPoint<T>[]) {
      const x = p.x * f + ox;
      const y = p.y * f + oy;
      if (x < -half || y < -half || x > w + half || y > h + half) continue;
      ctx.drawImage(s.image, Math.round(x - half), Math.round(y - half));
    }
  }
  const c = chosen === undefined ? undefined : points.find((p) => p.item === chosen);
  if (c) {
    ctx.beginPath();
    ctx.arc(c.x * f + ox, c.y * f + oy, size * 0.8, 0, 2 * Math.PI);
    ctx.lineWidth = Math.max(2, size * 0.2);
    ctx.strokeStyle = '#000';
    ctx.stroke();
  }
}

/** Draws one marker, `size` pixels across, centred in a canvas of that size. */
export function drawMarker(
  ctx: CanvasRenderingContext2D,
  r: Rating,
  size: number,
  colour: string,
): void {
  // RagShape's shapes, drawn in a 12-unit box shown `size` wide.
  const u = size / 12;
  const x = size / 2;
  const y = size / 2;
  ctx.beginPath();
  switch (r) {
    case 'red':
      ctx.rect(x - 5 * u, y - 5 * u, 10 * u, 10 * u);
      break;
    case 'amber':
      ctx.moveTo(x, y - 5.5 * u);
      ctx.lineTo(x + 5.5 * u, y + 5 * u);
      ctx.lineTo(x - 5.5 * u, y + 5 * u);
      ctx.closePath();
      break;
    case 'green':
      ctx.arc(x, y, 5.5 * u, 0, 2 * Math.PI);
      break;
    case 'none':
      ctx.arc(x, y, 4.5 * u, 0, 2 * Math.PI);
      break;
  }
  if (r === 'none') {
    ctx.lineWidth = 1.5 * u;
    ctx.strokeStyle = colour;
    ctx.stroke();
  } else {
    ctx.fillStyle = colour;
    ctx.fill();
  }
}

/** An index of points by position, to find the one under a click. */
export function pointIndex<T>(points: readonly MapPoint<T>[]): Quadtree<MapPoint<T>> {
  return quadtree<MapPoint<T>>()
    .x((p) => p.x)
    .y((p) => p.y)
    .addAll(points as MapPoint<T>[]);
}

/**
 * The point under a position in drawing units, within `radius` of it; when several are, the
 * one drawn on top (the worse rating), else the nearest.
 */
export function pointAt<T>(
  index: Quadtree<MapPoint<T>>,
  x: number,
  y: number,
  radius: number,
  ratingOf: (item: T) => Rating,
): MapPoint<T> | undefined {
  let best: MapPoint<T> | undefined;
  let bestKey = Infinity;
  index.visit((node, x0, y0, x1, y1) => {
    if (x0 > x + radius || x1 < x - radius || y0 > y + radius || y1 < y - radius) return true;
    if (!('length' in node)) {
      for (let n: typeof node | undefined = node; n; n = n.next) {
        const p = n.data;
        const d = Math.hypot(p.x - x, p.y - y);
        if (d > radius) continue;
        // Drawn later is on top: paint order first, then distance.
        const key = -PAINT_ORDER.indexOf(ratingOf(p.item)) * 1e9 + d;
        if (key < bestKey) {
          bestKey = key;
          best = p;
        }
      }
    }
    return false;
  });
  return best;
}
