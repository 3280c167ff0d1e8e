/**
 * Named registry of roll-up methods (after Observable Plot's reducers): how a group's rating is
 * derived from its schools' ratings and its aggregate value. Add a method by adding an entry.
 */
import type { RatingCounts } from '../../../src/domain/rollup-methods';
import type { Rating } from '../../../src/domain/types';
export type { RatingCounts };

export interface RollupInput {
  counts: RatingCounts;
  /** The group's aggregate value (weighted mean or ratio of sums), undefined when none. */
  aggregate: number | undefined;
  /** Rates the aggregate with the indicator's absolute clauses (supplied by the engine). */
  rateAggregate: () => { rating: Rating; reason: string };
  redShare: number;
  redOrAmberShare: number;
}

export type RollupMethod = (input: RollupInput) => { rating: Rating; reason: string };

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Default: red at >= 25% red, amber at >= 50% red or amber, else green. */
const share: RollupMethod = ({ counts, redShare, redOrAmberShare }) => {
  const rated = counts.red + counts.amber + counts.green;
  if (rated === 0) return { rating: 'none', reason: 'no school in the group is rated' };
  const r = counts.red / rated;
  const ra = (counts.red + counts.amber) / rated;
  if (r >= redShare)
    return {
      rating: 'red',
      reason: `${counts.red} of ${rated} rated schools red (${pct(r)}, at least ${pct(redShare)}): red`,
    };
  if (ra >= redOrAmberShare)
    return {
      rating: 'amber',
      reason: `${counts.red + counts.amber} of ${rated} rated schools red or amber (${pct(ra)}, at least ${pct(redOrAmberShare)}): amber`,
    };
  return {
    rating: 'green',
    reason: `${counts.red} of ${rated} red (${pct(r)}) and ${counts.red + counts.amber} red or amber (${pct(ra)}), below ${pct(redShare)} and ${pct(redOrAmberShare)}: green`,
  };
};

const aggregate: RollupMethod = ({ rateAggregate }) => rateAggregate();

export const ROLLUP_METHODS: Readonly<Record<string, RollupMethod>> = { share, aggregate };
export const ROLLUP_METHOD_NAMES: readonly string[] = Object.keys(ROLLUP_METHODS);
