/** One closed sprint's committed and unplanned work, in the policy basis unit. */
export interface SprintUnplannedWork {
  readonly sprintId: string;
  /** ISO instant; the most recent sprints are used. */
  readonly closedAt: string;
  /** Work in the sprint at its start. */
  readonly committed: number;
  /** Work added after the start. */
  readonly unplanned: number;
}

export interface SprintUnplannedShare extends SprintUnplannedWork {
  /** unplanned ÷ (committed + unplanned), in percent to two decimals; null for an empty sprint. */
  readonly share: number | null;
}

export interface BufferRecommendationOptions {
  /** How many recent sprints to read (default 6, issue #3). */
  readonly sprints?: number;
  /** Which percentile of their unplanned shares to cover (default 80, issue #3 / PRODUCT.md §2). */
  readonly percentile?: number;
  /** Fewer usable sprints than this gives no recommendation (default 3, our choice). */
  readonly minimumSprints?: number;
  /** The policy's buffer in percent, to say whether to raise or lower it. */
  readonly currentBuffer?: number;
}

export type BufferRecommendation =
  | {
      readonly kind: 'recommendation';
      /** Percent of capacity, a whole number. */
      readonly bufferShare: number;
      readonly change: 'raise' | 'lower' | 'keep' | null;
      readonly sprints: readonly SprintUnplannedShare[];
      readonly explanation: string;
    }
  | {
      readonly kind: 'insufficientHistory';
      readonly sprints: readonly SprintUnplannedShare[];
      readonly explanation: string;
    };

/**
 * Nearest-rank percentile (the smallest value with at least p% of values at or below it): always an
 * observed sprint, so the recommendation can say "as much as the 5th of 6 sprints needed".
 */
export function nearestRankPercentile(sortedValues: readonly number[], percentile: number): number {
  const rank = Math.max(1, Math.ceil((percentile / 100) * sortedValues.length));
  return sortedValues[Math.min(rank, sortedValues.length) - 1] ?? 0;
}

const twoDecimals = (value: number): number => Math.round(value * 100) / 100;

/**
 * Buffer sizing from data (PRODUCT.md §2, issue #3): the share of unplanned work in each of the last
 * N closed sprints, and the buffer that would have covered the chosen percentile of them, rounded up
 * to whole percentage points. Default: the 80th percentile of the last six sprints.
 */
export function recommendBuffer(
  history: readonly SprintUnplannedWork[],
  options: BufferRecommendationOptions = {},
): BufferRecommendation {
  const { sprints: count = 6, percentile = 80, minimumSprints = 3, currentBuffer } = options;
  const sprints = [...history]
    .sort(
      (a, b) =>
        Date.parse(b.closedAt) - Date.parse(a.closedAt) || (a.sprintId < b.sprintId ? -1 : 1),
    )
    .slice(0, count)
    .map((sprint): SprintUnplannedShare => {
      const total = sprint.committed + sprint.unplanned;
      return { ...sprint, share: total > 0 ? twoDecimals((sprint.unplanned / total) * 100) : null };
    });
  const shares = sprints.flatMap((sprint) => (sprint.share === null ? [] : [sprint.share]));
  if (shares.length < minimumSprints) {
    return {
      kind: 'insufficientHistory',
      sprints,
      explanation: `A buffer recommendation needs at least ${minimumSprints} closed sprints with work; there ${shares.length === 1 ? 'is' : 'are'} ${shares.length}.`,
    };
  }
  const sorted = [...shares].sort((a, b) => a - b);
  const covered = nearestRankPercentile(sorted, percentile);
  // Rounded up: the buffer should cover the percentile, not fall a fraction short of it.
  const bufferShare = Math.ceil(covered - 1e-9);
  const change =
    currentBuffer === undefined
      ? null
      : bufferShare > currentBuffer
        ? 'raise'
        : bufferShare < currentBuffer
          ? 'lower'
          : 'keep';
  const advice =
    change === null || currentBuffer === undefined
      ? ''
      : change === 'keep'
        ? ` The current ${currentBuffer}% buffer fits.`
        : ` ${change === 'raise' ? 'Raise' : 'Lower'} the buffer from ${currentBuffer}% to ${bufferShare}%.`;
  return {
    kind: 'recommendation',
    bufferShare,
    change,
    sprints,
    explanation: `Unplanned work was ${covered}% or less in ${percentile}% of the last ${shares.length} sprints (nearest rank), so reserve ${bufferShare}%.${advice}`,
  };
}
