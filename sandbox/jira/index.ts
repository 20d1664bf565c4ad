/** The Jira emulator's public surface, for the Forge host, tests and benchmarks. */
export {
  createJiraEmulator,
  createJiraHandler,
  type JiraEmulator,
  type JiraEmulatorOptions,
  type JiraHandler,
} from './emulator';
export {
  JiraEvents,
  type JiraEventMap,
  type JiraEventName,
  type TransitionRequest,
  type TransitionValidator,
  type ValidatorResult,
} from './events';
export { faultsFromEnv, NO_FAULTS, type FaultRule, type FaultSettings } from './faults';
export type { PropertyAlias } from './jql/fields';
export {
  DOCUMENTED_RATE_LIMITS,
  RateLimits,
  TEST_RATE_LIMITS,
  type RateLimitReason,
  type RateLimitSettings,
} from './rate-limits';
export { pointsFor } from './rate-cost';
export { ACCOUNT_HEADER, AS_APP_HEADER } from './permissions';
export {
  buildSeed,
  SEED_SIZES,
  seedOptions,
  type SeedOptions,
  type SeedSize,
  type SeedSummary,
} from './seed/index';
export {
  ADMIN_ACCOUNT_ID,
  APP_ACCOUNT_ID,
  BALLAST_PROPERTY_KEY,
  DEFAULT_PROPERTY_ALIASES,
  MEMBER_ACCOUNT_ID,
  OUTSIDER_ACCOUNT_ID,
  WORK_TYPE_FIELD,
} from './seed/people';
export {
  RECONCILE_MAX,
  SearchIndex,
  type SearchConsistency,
  type SearchIndexSettings,
} from './state/search-index';
export { JiraStore, parseState } from './state/store';
export { STORY_POINTS_FIELD } from './state/catalog';
export type { JiraState, TransitionRecord, WorkflowRecord } from './state/types';
export {
  DEFAULT_WORKFLOWS,
  SOFTWARE_WORKFLOW_ID,
  TEAM_MANAGED_WORKFLOW_ID,
} from './state/default-workflows';
export {
  hasStep,
  setTransitionValidators,
  transitionsFrom,
  workflowOf,
  WorkflowEditError,
} from './state/workflow';
export { DOD_VALIDATOR_KEY, GATE_VALIDATOR_KEY } from './seed/ballast-validators';
export { addProjectLike, deleteProject, type NewProject } from './state/projects';
