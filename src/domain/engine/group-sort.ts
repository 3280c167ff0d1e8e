/**
 * Orders groups by a heatmap column: on a rating column, worst first (red, amber, green, no
 * data) and, within a rating, the larger share of red schools first; by school count, largest
 * first; by name, A to Z. Reversing turns each order round. Ties fall back to the name.
 */
import { RATING_CODE } from './codes';
import { groupSize, groupsOfLevel } from './query';
import type { GroupArrays } from './rollup-table';

/** A rating column by index (the last is overall), or the group's name or school count. */
export type GroupSortKey = number | 'name' | 'schools';

const byName = new Intl.Collator('en-GB');

function redShare(gt: GroupArrays, at: number): number {
  const c = gt.counts;
  const red = c[at * 4 + RATING_CODE.red] as number;
  const rated =
    red + (c[at * 4 + RATING_CODE.amber] as number) + (c[at * 4 + RATING_CODE.green] as number);
  return rated ? red / rated : 0;
}

export function sortGroups(
  gt: GroupArrays,
  groups: readonly number[],
  key: GroupSortKey,
  reverse = false,
): number[] {
  const name = (g: number) => gt.name[g] as string;
  const compare = (a: number, b: number): number => {
    if (key === 'name') return byName.compare(name(a), name(b));
    if (key === 'schools') return groupSize(gt, b) - groupSize(gt, a);
    const ia = a * gt.width + key;
    const ib = b * gt.width + key;
    return (
      (gt.rating[ia] as number) - (gt.rating[ib] as number) || redShare(gt, ib) - redShare(gt, ia)
    );
  };
  return [...groups].sort(
    (a, b) => (reverse ? -compare(a, b) : compare(a, b)) || byName.compare(name(a), name(b)),
  );
}

/**
 * The heatmap's rows: authorities on top, then partnerships, each in the order chosen (with
 * every authority in view, a sort by a column puts the authorities in that order too).
 */
export function heatmapOrder(gt: GroupArrays, key: GroupSortKey, reverse = false): number[] {
  return [
    ...sortGroups(gt, groupsOfLevel(gt, 'authority'), key, reverse),
    ...sortGroups(gt, groupsOfLevel(gt, 'partnership'), key, reverse),
  ];
}
