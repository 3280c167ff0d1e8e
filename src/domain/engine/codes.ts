/** Small integer codes the engine stores per row, and their meaning. */
import { RATINGS, type Rating } from '../types';

/** A rating as a byte: its index in RATINGS (red 0, amber 1, green 2, none 3), worst first. */
export const RATING_CODE: Readonly<Record<Rating, number>> = {
  red: 0,
  amber: 1,
  green: 2,
  none: 3,
};

export const ratingOfCode = (code: number): Rating => RATINGS[code] as Rating;

/** Why a row has the rating it has. */
export const STATUS = {
  /** A clause matched (its rating may still be "none" if the rule says so). */
  rated: 0,
  notApplicable: 1,
  belowMinPupils: 2,
  missing: 3,
  /** A quantile was needed from a comparison group of fewer than 4 values. */
  unbandable: 4,
  /** No clause matched. */
  noMatch: 5,
} as const;
