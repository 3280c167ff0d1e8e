import { describe, expect, it } from 'vitest';
import { directionOf, type TrendPoint } from '../../src/domain/trend';

const pts = (...v: [string, number][]): TrendPoint[] => v.map(([year, value]) => ({ year, value }));

describe('direction of travel compares the latest year with the one before', () => {
  it.each([
    ['higher_is_better', 61, 76, 73, 'declining'],
    ['higher_is_better', 76, 61, 73, 'improving'],
    ['lower_is_better', 4.0, 5.1, 4.2, 'improving'],
    ['lower_is_better', 4.0, 3.1, 4.2, 'declining'],
    ['neutral', 10, 12, 14, 'up'],
    ['neutral', 10, 12, 11, 'down'],
    ['higher_is_better', 1, 2, 2, 'no change'],
  ] as const)('%s %d, %d, %d: %s', (polarity, a, b, c, want) => {
    expect(directionOf(pts(['2016/17', a], ['2017/18', b], ['2018/19', c]), polarity)).toBe(want);
  });

  it('orders by year, whatever order the points come in', () => {
    const p = pts(['2018/19', 73], ['2016/17', 61], ['2017/18', 76]);
    expect(directionOf(p, 'higher_is_better')).toBe('declining');
  });

  it('needs two years', () => {
    expect(directionOf(pts(['2018/19', 73]), 'higher_is_better')).toBe('not enough data');
    expect(directionOf([], 'lower_is_better')).toBe('not enough data');
  });
});
