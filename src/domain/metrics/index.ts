export type { MetricResult, MetricUnit, Measured, NotEnoughData } from './metric-result';
export type {
  ChangeRecord,
  DeploymentRecord,
  DeploymentStatus,
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
export {
  CHANGE_FAILURE_RATE_BANDS,
  changeFailureRateBand,
  DEPLOYMENT_FREQUENCY_BANDS,
  deploymentFrequencyBand,
  LEAD_TIME_BANDS_HOURS,
  leadTimeBand,
  TIME_TO_RESTORE_BANDS_HOURS,
  timeToRestoreBand,
} from './dora-bands';
export type { DoraBand } from './dora-bands';
export { deploymentFrequency } from './deployment-frequency';
export { leadTimeForChanges } from './lead-time';
export type { LeadTimeBasis } from './lead-time';
export { changeFailureRate } from './change-failure-rate';
export { attributeIncidents } from './incident-attribution';
export { meanTimeBetweenReleases } from './time-between-releases';
export { doraTrend, fourWeekWindows, TREND_WINDOW_DAYS } from './dora-trend';
export type { DoraTrendRow, TrendWindow } from './dora-trend';
export { timeToRestore } from './time-to-restore';
export { mttr } from './mttr';
export { mttd } from './mttd';
export { repeatIncidents } from './repeat-incidents';
export { postmortemActions } from './postmortem-actions';
export { projectMetrics } from './project-metrics';
export type { ProjectMetrics, ProjectMetricsInput } from './project-metrics';
export { restoreHours } from './incident-durations';
