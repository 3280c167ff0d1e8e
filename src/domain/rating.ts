/** The result of rating one school (or group) on one indicator: the rating and its explanation. */
import type { Threshold } from './conditions';
import type { Rating } from './types';

export interface IndicatorRating {
  indicator: string;
  rating: Rating;
  /** The value that was rated, in the indicator's unit; undefined when missing. */
  value: number | undefined;
  /** Index of the clause that matched in the clause list used, when one did. */
  clause: number | undefined;
  /** Plain-English reason, e.g. "Absence 5.9% is above the upper quartile 5.1% of ...: red". */
  reason: string;
  /** Cut-offs and thresholds consulted, in order. */
  thresholds: readonly Threshold[];
  /** Size of the comparison group, when the indicator has one for this school. */
  groupSize: number | undefined;
  /** False when the indicator does not apply to the school's phase. */
  applicable: boolean;
}

export const RATING_WORD: Record<Rating, string> = {
  red: 'red',
  amber: 'amber',
  green: 'green',
  none: 'not rated',
};

export const RATING_LABEL: Record<Rating, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  none: 'No data',
};

/** Worst first: the order tables and lists sort ratings in. */
export const RATING_ORDER: Record<Rating, number> = { red: 0, amber: 1, green: 2, none: 3 };
