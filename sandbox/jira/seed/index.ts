/**
 * buildSeed: the Jira side of the sandbox's demo data. Defaults: seed 42, 400 issues, 8 closed
 * two-week sprints before the anchor, an active and a future sprint, project SHOP on board 1.
 * `size: 'large'` (10,000 issues) and `'huge'` (50,000), both with 48 closed sprints (50 in all),
 * are for benchmarks.
 */
import { buildSeedState, type SeedOptions, type SeedSummary } from './build';

export type { SeedOptions, SeedSummary } from './build';

export const SEED_SIZES = {
  demo: { issues: 400, closedSprints: 8 },
  large: { issues: 10_000, closedSprints: 48 },
  huge: { issues: 50_000, closedSprints: 48 },
} as const;

export type SeedSize = keyof typeof SEED_SIZES;

export function seedOptions(partial: Partial<SeedOptions> & { size?: SeedSize } = {}): SeedOptions {
  const { size = 'demo', ...rest } = partial;
  // Without an anchor the sandbox's "today" is the current UTC day, so demo data looks recent.
  const today = new Date();
  const anchor = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12),
  );
  return {
    seed: 42,
    anchor,
    projectKey: 'SHOP',
    projectName: 'Shop Platform',
    sprintDays: 14,
    ...SEED_SIZES[size],
    ...rest,
  };
}

export function buildSeed(
  partial: Partial<SeedOptions> & { size?: SeedSize } = {},
): ReturnType<typeof buildSeedState> {
  return buildSeedState(seedOptions(partial));
}

export type { SeedSummary as JiraSeedSummary };
