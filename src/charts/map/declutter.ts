/**
 * Which place names a map shows at a zoom: the places with most schools first, each name kept
 * only where it overlaps no name already kept and lies in view. At the whole of England, 2,800
 * partnership names were drawn over each other in a grey mass; zoomed in, more find room.
 * Boxes are estimated from the name's length (no text is measured), in the view's units.
 */
import type { PlaceLabel } from './navigate';

export interface Zoom {
  x: number;
  y: number;
  k: number;
}

/** A character's width as a share of the font size (a rough mean for the UI's sans-serif). */
const CHAR_WIDTH = 0.56;

export function visiblePlaces(
  places: readonly PlaceLabel[],
  zoom: Zoom,
  /** The names' font size in drawing units (before zoom). */
  fontSize: number,
  width: number,
  height: number,
): PlaceLabel[] {
  const h = fontSize * zoom.k;
  // A grid of cells a name high: each kept box is listed in the cells it covers.
  const cell = Math.max(h * 4, 1);
  const cols = Math.ceil(width / cell) + 1;
  const rows = Math.ceil(height / cell) + 1;
  const grid = new Map<number, [number, number, number, number][]>();
  const order = [...places].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  const kept: PlaceLabel[] = [];
  for (const p of order) {
    const cx = zoom.x + zoom.k * p.x;
    const cy = zoom.y + zoom.k * p.y;
    const w = p.name.length * CHAR_WIDTH * h;
    // Centred on x (text-anchor middle), sitting on its baseline at y; a little margin round.
    const box: [number, number, number, number] = [
      cx - w / 2 - h * 0.2,
      cy - h,
      cx + w / 2 + h * 0.2,
      cy + h * 0.3,
    ];
    if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) continue;
    const c0 = Math.max(0, Math.floor(box[0] / cell));
    // A box past the edge: its overflow counts in the last cell (so still compared there).
    const c1 = Math.min(cols - 1, Math.floor(box[2] / cell));
    const r0 = Math.max(0, Math.floor(box[1] / cell));
    const r1 = Math.min(rows - 1, Math.floor(box[3] / cell));
    let clear = true;
    for (let r = r0; clear && r <= r1; r++)
      for (let c = c0; clear && c <= c1; c++)
        for (const b of grid.get(r * cols + c) ?? [])
          if (b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]) {
            clear = false;
            break;
          }
    if (!clear) continue;
    kept.push(p);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const key = r * cols + c;
        const list = grid.get(key);
        if (list) list.push(box);
        else grid.set(key, [box]);
      }
  }
  return kept;
}
