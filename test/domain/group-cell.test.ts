import { describe, expect, it } from 'vitest';
import type { GroupIndicatorRating } from '../../src/domain/engine/explain-group';
import { aggregateText, ratingBasis } from '../../src/domain/group-cell';
import { loadPresetJson } from '../helpers/schools';

const rules = loadPresetJson();
const rule = (id: string) => rules.indicators.find((i) => i.id === id)!;
const cell = (over: Partial<GroupIndicatorRating>): GroupIndicatorRating => ({
  indicator: 'x',
  rating: 'red',
  reason: '',
  counts: { red: 0, amber: 0, green: 0, none: 0 },
  aggregate: undefined,
  aggregateN: 0,
  method: 'share',
  ...over,
});

describe('a group cell says what its number and its rating are', () => {
  it('labels the aggregate by its kind, so a share of reds is never read as the average', () => {
    expect(aggregateText(rule('attainment_ks2'), 69)).toBe('average 69%');
    expect(aggregateText(rule('surplus_places'), 7.7)).toMatch(/^group figure 7\.7/);
  });

  it('says how a share rating was reached, from the counts', () => {
    const ks2 = rule('attainment_ks2');
    const counts = { red: 34, amber: 20, green: 46, none: 7 };
    expect(ratingBasis(ks2, cell({ rating: 'red', counts }))).toBe('34% red');
    expect(
      ratingBasis(
        ks2,
        cell({ rating: 'amber', counts: { ...counts, red: 10, amber: 50, green: 40 } }),
      ),
    ).toBe('60% red or amber');
    expect(
      ratingBasis(ks2, cell({ rating: 'none', counts: { red: 0, amber: 0, green: 0, none: 3 } })),
    ).toBe('no school rated');
    expect(ratingBasis(rule('surplus_places'), cell({ method: 'aggregate' }))).toBe(
      'rated on the group figure',
    );
  });
});
