/**
 * Overrides as data. While FROZEN, feature work is blocked except exempt items (the project's
 * exemption rule, domain/capacity/exemption.ts), or under an override: a recorded decision by a
 * person, with a reason and an end (PRODUCT.md §4: "Overrides need a reason and are audited").
 */
import { isoOf, type Instant } from '../slo/duration';

export interface GateOverride {
  /** Account id or name of who decided. */
  readonly by: string;
  /** When it was recorded. */
  readonly at: Instant;
  readonly reason: string;
  /** When it stops applying (exclusive). */
  readonly until: Instant;
}

/** Problems with an override record, each naming the field. */
export function checkOverride(override: GateOverride): readonly string[] {
  const problems: string[] = [];
  if (override.by.trim() === '') problems.push('override.by: say who decided');
  if (override.reason.trim() === '') problems.push('override.reason: an override needs a reason');
  if (!(override.until > override.at)) {
    problems.push(
      `override.until (${isoOf(override.until)}) must be after override.at (${isoOf(override.at)})`,
    );
  }
  return problems;
}

/** The most recently recorded override in force at `at`, if any. */
export function activeOverride(
  overrides: readonly GateOverride[],
  at: Instant,
): GateOverride | null {
  let found: GateOverride | null = null;
  for (const o of overrides) {
    if (o.at <= at && at < o.until && (found === null || o.at > found.at)) found = o;
  }
  return found;
}
