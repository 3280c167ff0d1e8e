/**
 * A school's overall rating from its performance indicators only (context indicators such as
 * deprivation or size never count): red ("causing concern") at `redWhenRedCount` reds, amber at
 * `amberWhenRedCount` reds or `amberWhenAmberCount` ambers, green when anything is rated.
 */
import type { IndicatorRating } from './rating';
import type { OverallRule } from './rules/schema';

export const OVERALL_ID = 'overall';

export function rateOverall(
  performance: readonly { label: string; rating: IndicatorRating }[],
  rule: OverallRule,
): IndicatorRating {
  const reds = performance.filter((p) => p.rating.rating === 'red').map((p) => p.label);
  const ambers = performance.filter((p) => p.rating.rating === 'amber').map((p) => p.label);
  const rated = performance.filter((p) => p.rating.rating !== 'none').length;
  const list = (xs: string[]) => (xs.length ? ` (${xs.join(', ')})` : '');
  const counts = `${reds.length} red${list(reds)}, ${ambers.length} amber${list(ambers)} of ${rated} rated performance indicators`;
  const base = {
    indicator: OVERALL_ID,
    value: undefined,
    clause: undefined,
    thresholds: [],
    groupSize: undefined,
    applicable: true,
  };
  if (rated === 0)
    return { ...base, rating: 'none', reason: 'Overall: no performance indicator is rated' };
  if (reds.length >= rule.redWhenRedCount)
    return { ...base, rating: 'red', reason: `Overall: causing concern, ${counts}: red` };
  if (reds.length >= rule.amberWhenRedCount || ambers.length >= rule.amberWhenAmberCount)
    return { ...base, rating: 'amber', reason: `Overall: ${counts}: amber` };
  return { ...base, rating: 'green', reason: `Overall: ${counts}: green` };
}

/**
 * An overall reason without its "Overall: " lead (and "causing concern, " which the badge
 * beside it already says), for places that label it.
 */
export const overallReasonBody = (reason: string): string =>
  reason.replace(/^Overall: (causing concern, )?/, '');
