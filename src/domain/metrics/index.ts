export type { MetricResult, MetricUnit, Measured, NotEnoughData } from './metric-result';
export type {
  ChangeRecord,
  DeploymentRecord,
  IncidentRecord,
  PostmortemActionRecord,
  SprintItemRecord,
  SprintRecord,
} from './records';
export { median, mean } from './statistics';
export { groupItemsBySprint } from './sprint-items';
export type { PointTotal } from './sprint-items';
export { velocity } from './velocity';
export type { VelocitySprint } from './velocity';
export { predictability, PREDICTABILITY_BASELINE } from './predictability';
export { carryOver } from './carry-over';
export { scopeChange } from './scope-change';
export { interrupts } from './interrupts';
export { BALANCE_TYPES, breakdownByType, investmentBalance } from './investment-balance';
export type { Breakdown, TypeShare } from './investment-balance';
export { DEBT_GUIDELINE, debtRatio, TOIL_CAP, toilShare } from './toil-and-debt';
