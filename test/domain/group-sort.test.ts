/** Heatmap column sorting on the demo's real roll-up: worst first, ties by red share, then name. */
import { describe, expect, it } from 'vitest';
import { sortGroups } from '../../src/domain/engine/group-sort';
import { groupMembers, groupsOfLevel } from '../../src/domain/engine/query';
import { rollUpFilter } from '../../src/domain/rated-view';
import { RATINGS } from '../../src/domain/types';
import { demoRated } from '../helpers/demo-ratings';

describe('sorting groups by a heatmap column', () => {
  const { rated } = demoRated();
  const gt = rollUpFilter(rated.engine, { year: '2018/19' });
  const partnerships = groupsOfLevel(gt, 'partnership');
  const k = rated.engine.indicators.findIndex((c) => c.ind.id === 'attendance');
  const ratingOf = (g: number) => gt.rating[g * gt.width + k] as number;
  const redShare = (g: number) => {
    const c = (r: number) => gt.counts[(g * gt.width + k) * 4 + r] as number;
    return c(0) / (c(0) + c(1) + c(2) || 1);
  };

  it('puts the worst rating first, and within it the larger share of red schools', () => {
    const sorted = sortGroups(gt, partnerships, k);
    expect(sorted).toHaveLength(partnerships.length);
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      expect(ratingOf(a)).toBeLessThanOrEqual(ratingOf(b));
      if (ratingOf(a) === ratingOf(b)) expect(redShare(a)).toBeGreaterThanOrEqual(redShare(b));
    }
    expect(RATINGS[ratingOf(sorted[0]!)]).toBe('red');
  });

  it('reverses, and sorts by name and by school count', () => {
    const worst = sortGroups(gt, partnerships, k);
    const best = sortGroups(gt, partnerships, k, true);
    expect(ratingOf(best[0]!)).toBe(Math.max(...partnerships.map(ratingOf)));
    expect(ratingOf(worst[0]!)).toBe(Math.min(...partnerships.map(ratingOf)));
    const names = sortGroups(gt, partnerships, 'name').map((g) => gt.name[g] as string);
    expect(names).toEqual([...names].sort(new Intl.Collator('en-GB').compare));
    const sizes = sortGroups(gt, partnerships, 'schools').map((g) => groupMembers(gt, g).length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });
});
