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
 * Where the view puts things in device pixels: a point at (x, y) lands at (x f + ox, y f + oy),
 * and a marker is `size` pixels across.
 */
function placement(view: View) {
  const f = view.dpr * view.scale * view.k;
  return {
    f,
    ox: view.dpr * view.scale * view.x,
    oy: view.dpr * view.scale * view.y,
    size: Math.max(3, Math.round(2 * view.half * f)),
  };
}

/** The points of each rating, in paint order (reds last, drawn on top). */
function inPaintOrder<T>(
  points: readonly MapPoint<T>[],
  ratingOf: (item: T) => Rating,
): [Rating, MapPoint<T>[]][] {
  const byRating = new Map<Rating, MapPoint<T>[]>(PAINT_ORDER.map((r) => [r, []]));
  for (const p of points) byRating.get(ratingOf(p.item))?.push(p);
  return [...byRating];
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
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const { f, ox, oy, size } = placement(view);
  for (const [r, list] of inPaintOrder(points, ratingOf)) {
    const s = sprite(r, size);
    const half = s.size / 2;
    for (const p of list) {
      const x = p.x * f + ox;
      const y = p.y * f + oy;
      if (x < -half || y < -half || x > w + half || y > h + half) continue;
      ctx.drawImage(s.image, Math.round(x - half), Math.round(y - half));
    }
  }
  drawChosen(ctx, points, view, chosen);
}

/** A ring round the chosen school's marker (drawn over the markers, however they were drawn). */
export function drawChosen<T>(
  ctx: CanvasRenderingContext2D,
  points: readonly MapPoint<T>[],
  view: View,
  chosen?: T,
): void {
  const c = chosen === undefined ? undefined : points.find((p) => p.item === chosen);
  if (!c) return;
  const { f, ox, oy, size } = placement(view);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.beginPath();
  ctx.arc(c.x * f + ox, c.y * f + oy, size * 0.8, 0, 2 * Math.PI);
  ctx.lineWidth = Math.max(2, size * 0.2);
  ctx.strokeStyle = '#000';
  ctx.stroke();
}

/** Above this many points, markers are stamped into the canvas's pixels (see stampPoints). */
export const STAMP_POINTS = 50_000;

/**
 * A marker as pixels: `size` x `size` 32-bit RGBA values as the canvas stores them, 0 where
 * the marker is not (its anti-aliased edge cut at half cover: at this many schools markers
 * overlap, and copying 350,000 images took the browser 0.8 s).
 */
export interface Stamp {
  size: number;
  pixels: Uint32Array;
}

/**
 * Writes each point's marker into `buffer` (a w x h canvas's pixels, row by row), reds last,
 * clipped at the edges. The same positions as drawPoints: centred on the point, rounded.
 */
export function stampPoints<T>(
  buffer: Uint32Array,
  w: number,
  h: number,
  points: readonly MapPoint<T>[],
  ratingOf: (item: T) => Rating,
  view: View,
  stamp: (r: Rating, size: number) => Stamp,
): void {
  const { f, ox, oy, size } = placement(view);
  for (const [r, list] of inPaintOrder(points, ratingOf)) {
    const { size: s, pixels } = stamp(r, size);
    const half = s / 2;
    for (const p of list) {
      const x0 = Math.round(p.x * f + ox - half);
      const y0 = Math.round(p.y * f + oy - half);
      if (x0 >= w || y0 >= h || x0 + s <= 0 || y0 + s <= 0) continue;
      for (let dy = Math.max(0, -y0); dy < s && y0 + dy < h; dy++) {
        const row = (y0 + dy) * w + x0;
        for (let dx = Math.max(0, -x0); dx < s && x0 + dx < w; dx++) {
          const px = pixels[dy * s + dx] as number;
          if (px !== 0) buffer[row + dx] = px;
        }
      }
    }
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
