/**
 * What a group's cell says besides its colour: how the rating was reached ("34% red" for a
 * share, "rated on the group figure" for an aggregate) and what its number is ("average 69%"),
 * so a count of red schools is never read as the average, or the other way round.
 */
import { formatValue } from './format';
import type { IndicatorRule } from './rules/schema';
import type { GroupIndicatorRating } from './engine/explain-group';

/** The kind of number a group's aggregate is, in a word or two. */
export function aggregateWord(rule: Pick<IndicatorRule, 'rollup'>): string {
  switch (rule.rollup.aggregate?.kind ?? 'weighted_mean') {
    case 'weighted_mean':
      return 'average';
    case 'mean':
      return 'mean';
    case 'ratio':
      return 'group figure';
  }
}

/** "average 69%": the aggregate with what it is. */
export function aggregateText(rule: IndicatorRule, value: number): string {
  return `${aggregateWord(rule)} ${formatValue(value, rule.unit, rule.decimals)}`;
}

/** How the group's rating was reached, shortly: "34% red", "71% red or amber", "on the average". */
export function ratingBasis(rule: IndicatorRule, r: GroupIndicatorRating): string {
  if (r.method === 'aggregate') return `rated on the ${aggregateWord(rule)}`;
  const { red, amber, green } = r.counts;
  const rated = red + amber + green;
  if (rated === 0) return 'no school rated';
  const pct = (x: number) => `${Math.round((x / rated) * 100)}%`;
  return r.rating === 'amber' ? `${pct(red + amber)} red or amber` : `${pct(red)} red`;
}
