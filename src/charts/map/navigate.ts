/**
 * Keyboard movement on the map and place names, as pure functions of screen positions (d3
 * computes, React renders).
 */
export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The nearest point in a direction from point `from`: only points within 60 degrees either side
 * of the direction count, nearest by distance with the sideways offset weighed double, so the
 * move goes where the arrow points. Undefined when there is none that way.
 */
export function nearestInDirection(
  points: readonly { x: number; y: number }[],
  from: number,
  dir: Direction,
): number | undefined {
  const o = points[from];
  if (!o) return undefined;
  const STEP: Record<Direction, readonly [number, number]> = {
    left: [-1, 0],
    right: [1, 0],
    up: [0, -1],
    down: [0, 1],
  };
  const [ax, ay] = STEP[dir];
  let best: number | undefined;
  let bestScore = Infinity;
  points.forEach((p, i) => {
    if (i === from) return;
    const dx = p.x - o.x;
    const dy = p.y - o.y;
    const along = dx * ax + dy * ay;
    const across = Math.abs(dx * ay - dy * ax);
    // Ahead, within the cone (tan 60 degrees), or at the same spot and later in order.
    if (along <= 0 && !(along === 0 && across === 0 && i > from)) return;
    if (across > along * Math.sqrt(3)) return;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

export interface PlaceLabel {
  name: string;
  x: number;
  y: number;
  count: number;
}

/** A name at the centre of each place's schools (places with at least `min` schools). */
export function placeLabels<T>(
  points: readonly { item: T; x: number; y: number }[],
  placeOf: (item: T) => string,
  min = 3,
): PlaceLabel[] {
  const sums = new Map<string, { x: number; y: number; count: number }>();
  for (const p of points) {
    const name = placeOf(p.item);
    if (!name) continue;
    const s = sums.get(name) ?? { x: 0, y: 0, count: 0 };
    s.x += p.x;
    s.y += p.y;
    s.count++;
    sums.set(name, s);
  }
  return [...sums]
    .filter(([, s]) => s.count >= min)
    .map(([name, s]) => ({ name, x: s.x / s.count, y: s.y / s.count, count: s.count }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
