/** Direction of travel of an indicator for one school across the years it has values. */
import type { IndicatorRule } from './rules/schema';

export type Direction = 'improving' | 'declining' | 'up' | 'down' | 'no change' | 'not enough data';

export interface TrendPoint {
  year: string;
  value: number;
}

/** Compares the latest year with the one before; polarity says which way is better. */
export function directionOf(
  points: readonly TrendPoint[],
  polarity: IndicatorRule['polarity'],
): Direction {
  if (points.length < 2) return 'not enough data';
  const sorted = [...points].sort((a, b) => (a.year < b.year ? -1 : 1));
  const last = sorted[sorted.length - 1] as TrendPoint;
  const prev = sorted[sorted.length - 2] as TrendPoint;
  const delta = last.value - prev.value;
  if (delta === 0) return 'no change';
  if (polarity === 'neutral') return delta > 0 ? 'up' : 'down';
  const better = polarity === 'higher_is_better' ? delta > 0 : delta < 0;
  return better ? 'improving' : 'declining';
}
