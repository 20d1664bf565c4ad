import type { EnforcementMode } from './policy';
import type { Violation } from './violations';

/** The one-line outcome of an evaluation, and what the enforcement mode makes the app do about it. */
export interface Verdict {
  readonly status: 'compliant' | 'nonCompliant' | 'unknownCapacity';
  readonly enforcement: EnforcementMode;
  /** What the app does about it: nothing (off or compliant), warn (advise), act (enforce). */
  readonly action: 'none' | 'warn' | 'enforce';
  readonly headline: string;
}

/** Enforcement modes (PRODUCT.md §2): off shows nothing, advise warns, enforce acts at sprint start. */
export function verdictFor(
  enforcement: EnforcementMode,
  capacityKnown: boolean,
  violations: readonly Violation[],
): Verdict {
  if (!capacityKnown) {
    return {
      status: 'unknownCapacity',
      enforcement,
      action: 'none',
      headline: 'Capacity is unknown, so the split cannot be checked.',
    };
  }
  if (violations.length === 0) {
    return {
      status: 'compliant',
      enforcement,
      action: 'none',
      headline: 'The plan keeps the split and fits the capacity.',
    };
  }
  const action = enforcement === 'off' ? 'none' : enforcement === 'advise' ? 'warn' : 'enforce';
  const count = violations.length === 1 ? '1 violation' : `${violations.length} violations`;
  return {
    status: 'nonCompliant',
    enforcement,
    action,
    headline: `${count}: ${violations.map((v) => v.message).join('; ')}.`,
  };
}
