/**
 * The map's markers on a canvas under its SVG (which keeps the place names, on top, the gestures,
 * the keyboard and the accessible name). Drawn again when the points, ratings, zoom or chosen
 * school change, or the map is resized.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Rating } from '../../domain/types';
import type { MapPoint } from './layout';
import {
  drawChosen,
  drawMarker,
  drawPoints,
  STAMP_POINTS,
  stampPoints,
  type Sprite,
  type Stamp,
  type View,
} from './point-canvas';

const FALLBACK: Record<Rating, string> = {
  red: '#c04a00',
  amber: '#9a6700',
  green: '#00795a',
  none: '#6b6b6b',
};

export interface PointCanvasProps<T> {
  svg: RefObject<SVGSVGElement | null>;
  /** The SVG's viewBox size. */
  width: number;
  height: number;
  points: readonly MapPoint<T>[];
  ratingOf: (item: T) => Rating;
  transform: { x: number; y: number; k: number };
  /** A marker's half-width in drawing units. */
  half: number;
  chosen: T | undefined;
}

export function PointCanvas<T>(props: PointCanvasProps<T>) {
  const { svg, width, height, points, ratingOf, transform, half, chosen } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState(0);
  // The size last drawn at: a resize report of the same size (the first, on observing) draws nothing.
  const drawnAt = useRef('');
  useEffect(() => {
    const el = svg.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (`${el.clientWidth}x${el.clientHeight}` !== drawnAt.current) setSize((s) => s + 1);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [svg]);
  // The points last drawn: new points (the map opened, or a filter changed) are drawn in a task
  // of their own, after the one that laid the map out; a zoom or pan step redraws at once.
  const drawnPoints = useRef<readonly MapPoint<T>[] | undefined>(undefined);
  useEffect(() => {
    const draw = () => {
      const el = svg.current;
      const canvas = ref.current;
      const ctx = canvas?.getContext('2d');
      if (!el || !canvas || !ctx) return;
      drawnPoints.current = points;
      // Under the SVG's inside (within its border), placed in the frame they share.
      const w = el.clientWidth;
      const h = el.clientHeight;
      drawnAt.current = `${w}x${h}`;
      const dpr = window.devicePixelRatio || 1;
      const at = el.getBoundingClientRect();
      const frame = (canvas.offsetParent ?? document.body).getBoundingClientRect();
      Object.assign(canvas.style, {
        left: `${at.left - frame.left + el.clientLeft}px`,
        top: `${at.top - frame.top + el.clientTop}px`,
        width: `${w}px`,
        height: `${h}px`,
      });
      if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
      if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
      // The viewBox as the SVG shows it (xMidYMid meet): scaled to fit, centred.
      const scale = Math.min(w / width, h / height);
      const style = getComputedStyle(el);
      const colour = (r: Rating) => style.getPropertyValue(`--${r}`).trim() || FALLBACK[r];
      const sprites = new Map<string, Sprite>();
      const sprite = (r: Rating, px: number): Sprite => {
        const key = `${r}:${px}`;
        let s = sprites.get(key);
        if (!s) {
          const image = document.createElement('canvas');
          image.width = image.height = px;
          const c = image.getContext('2d');
          if (c) drawMarker(c, r, px, colour(r));
          sprites.set(key, (s = { image, size: px }));
        }
        return s;
      };
      const ox = (w - width * scale) / 2;
      const oy = (h - height * scale) / 2;
      const view: View = {
        x: transform.x + ox / scale,
        y: transform.y + oy / scale,
        k: transform.k,
        scale,
        dpr,
        half,
      };
      if (points.length <= STAMP_POINTS) {
        drawPoints(ctx, points, ratingOf, view, sprite, chosen);
        return;
      }
      // A great many: markers written into the pixels, then put back in one go.
      const stamps = new Map<string, Stamp>();
      const stamp = (r: Rating, px: number): Stamp => {
        const key = `${r}:${px}`;
        let st = stamps.get(key);
        if (!st) {
          const image = sprite(r, px).image as HTMLCanvasElement;
          const data = image.getContext('2d')?.getImageData(0, 0, px, px).data;
          const pixels = data ? new Uint32Array(data.buffer.slice(0)) : new Uint32Array(px * px);
          // Half-covered edge pixels are the marker's, made opaque; the rest are not.
          for (let k = 0; k < pixels.length; k++)
            pixels[k] =
              (pixels[k] as number) >>> 24 >= 128 ? (pixels[k] as number) | 0xff000000 : 0;
          stamps.set(key, (st = { size: px, pixels }));
        }
        return st;
      };
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      const image = ctx.createImageData(canvas.width, canvas.height);
      stampPoints(
        new Uint32Array(image.data.buffer),
        canvas.width,
        canvas.height,
        points,
        ratingOf,
        view,
        stamp,
      );
      ctx.putImageData(image, 0, 0);
      drawChosen(ctx, points, view, chosen);
    };
    if (drawnPoints.current === points) return draw();
    // The size it will be drawn at, known now: the resize report that observing sends first
    // must not ask for a second drawing while this one waits.
    const el = svg.current;
    if (el) drawnAt.current = `${el.clientWidth}x${el.clientHeight}`;
    const timer = setTimeout(draw, 0);
    return () => clearTimeout(timer);
  }, [svg, width, height, points, ratingOf, transform, half, chosen, size]);
  return <canvas ref={ref} className="map-canvas" aria-hidden="true" />;
}
