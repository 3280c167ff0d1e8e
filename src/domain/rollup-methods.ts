/**
 * Named registry of roll-up methods (after Observable Plot's reducers): how a group's rating is
 * derived from its schools' ratings and its aggregate value. Each method decides (cheap, for
 * every group) and explains (words, for the group a person looks at). Add a method by adding an
 * entry.
 */
import type { Rating } from './types';

export interface RatingCounts {
  red: number;
  amber: number;
  green: number;
  none: number;
}

export interface RollupInput {
  counts: RatingCounts;
  /** The group's aggregate value (weighted mean or ratio of sums), undefined when none. */
  aggregate: number | undefined;
  /** Rates the aggregate with the indicator's absolute clauses (supplied by the engine). */
  rateAggregate: () => Rating;
  /** The same, in words. */
  explainAggregate: () => string;
  redShare: number;
  redOrAmberShare: number;
}

export interface RollupMethod {
  rate(input: RollupInput): Rating;
  explain(input: RollupInput): string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The share method's decision from its counts (the roll-up calls it for every group without
 * making an input object).
 */
export function shareRating(
  red: number,
  amber: number,
  green: number,
  redShare: number,
  redOrAmberShare: number,
): Rating {
  const rated = red + amber + green;
  if (rated === 0) return 'none';
  if (red / rated >= redShare) return 'red';
  if ((red + amber) / rated >= redOrAmberShare) return 'amber';
  return 'green';
}

/** Default: red at >= 25% red, amber at >= 50% red or amber, else green. */
const share: RollupMethod = {
  rate: ({ counts, redShare, redOrAmberShare }) =>
    shareRating(counts.red, counts.amber, counts.green, redShare, redOrAmberShare),
  explain(input) {
    const { counts, redShare, redOrAmberShare } = input;
    const rated = counts.red + counts.amber + counts.green;
    const r = counts.red / rated;
    const ra = (counts.red + counts.amber) / rated;
    switch (share.rate(input)) {
      case 'none':
        return 'no school in the group is rated';
      case 'red':
        return `${counts.red} of ${rated} rated schools red (${pct(r)}, at least ${pct(redShare)}): red`;
      case 'amber':
        return `${counts.red + counts.amber} of ${rated} rated schools red or amber (${pct(ra)}, at least ${pct(redOrAmberShare)}): amber`;
      case 'green':
        return `${counts.red} of ${rated} red (${pct(r)}) and ${counts.red + counts.amber} red or amber (${pct(ra)}), below ${pct(redShare)} and ${pct(redOrAmberShare)}: green`;
    }
  },
};

const aggregate: RollupMethod = {
  rate: ({ rateAggregate }) => rateAggregate(),
  explain: ({ explainAggregate }) => explainAggregate(),
};

export const ROLLUP_METHODS: Readonly<Record<string, RollupMethod>> = { share, aggregate };
export const ROLLUP_METHOD_NAMES: readonly string[] = Object.keys(ROLLUP_METHODS);
