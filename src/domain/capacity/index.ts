// Public surface of the capacity-split domain: what resolvers and the UI contract may import.
export {
  CAPACITY_BASES,
  type CapacityBasis,
  type ItemStatus,
  type Rank,
  type SprintItem,
} from './sprint-item';
export { DEFAULT_EXEMPTION, isExempt, type ExemptionRules } from './exemption';
export { isUnplanned } from './plan-items';
export {
  DEFAULT_POLICY,
  ENFORCEMENT_MODES,
  parsePolicy,
  type CapacityPolicy,
  type CapacitySource,
  type EnforcementMode,
} from './policy';
export {
  DEFAULT_GATE_TARGET_TABLE,
  type GateTargetRule,
  type GateTargetTable,
  type GateTypeLimit,
} from './gate-target-table';
export { effectiveTargets, type EffectiveTarget, type EffectiveTargets } from './effective-targets';
export {
  resolveCapacity,
  type ClosedSprintVelocity,
  type ResolvedCapacity,
} from './capacity-resolution';
export {
  evaluateSprintPlan,
  type NotReadyItem,
  type SprintPlanEvaluation,
  type SprintPlanInput,
  type TypeAllocation,
} from './evaluate-sprint-plan';
export type { Verdict } from './verdict';
export type { CapacityViolation, ShareViolation, Violation } from './violations';
export type { BufferUsage } from './buffer-usage';
export { heldInRunningSprint, STATUS_CATEGORY } from './committed-work';
export {
  proposeRebalance,
  type HeldItem,
  type Move,
  type RebalanceInput,
  type RebalanceProposal,
} from './rebalance';
export {
  nearestRankPercentile,
  recommendBuffer,
  type BufferRecommendation,
  type BufferRecommendationOptions,
  type SprintUnplannedShare,
  type SprintUnplannedWork,
} from './buffer-recommendation';
export { ValidationError } from '../work/validation-error';
