/** The strip plot as numbers: the table twin of a comparison group's distribution. */
import { quantileSorted } from 'd3-array';

export interface DistributionSummary {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * Quartiles as QUARTILE.INC (d3's default), the same cut-offs the engine uses, of values given
 * ascending.
 */
export function summarise(values: ArrayLike<number>): DistributionSummary | undefined {
  // Already ascending (a comparison group's values): read in place, not copied (d3's
  // quantileSorted reads only length and indices; its types ask for an array).
  const sorted = values as unknown as number[];
  if (!sorted.length) return undefined;
  return {
    n: sorted.length,
    min: sorted[0] as number,
    q1: quantileSorted(sorted, 0.25) as number,
    median: quantileSorted(sorted, 0.5) as number,
    q3: quantileSorted(sorted, 0.75) as number,
    max: sorted[sorted.length - 1] as number,
  };
}
