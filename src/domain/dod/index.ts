export { AUTO_CHECK_TYPES, evaluateAutoCheck } from './auto-check';
export type { AutoCheck, AutoCheckOutcome } from './auto-check';
export type { DodIssue, DodIssueLink, DodSubtask } from './dod-issue';
export type { AutoDodItem, DodItem, DodTemplate, ManualDodItem } from './dod-template';
export { DEFAULT_DOD_TEMPLATES } from './default-templates';
export { validateDodTemplates } from './validate-templates';
export type { TemplatesValidation } from './validate-templates';
export { selectTemplate } from './select-template';
export { newChecklist, parseChecklistState, setManualItem } from './checklist-state';
export type {
  ChecklistChange,
  ChecklistStateParse,
  DodChecklistState,
  ManualItemState,
} from './checklist-state';
export { migrateChecklist } from './migrate-checklist';
export type { ChecklistMigration } from './migrate-checklist';
export { evaluateChecklist } from './evaluate-checklist';
export type { DodEvaluation, DodItemResult } from './evaluate-checklist';
export { openRequiredMessage, transitionGate } from './transition-gate';
export type { StatusCategory, TransitionDecision } from './transition-gate';
export { indexedSummary } from './indexed-summary';
export type { DodIndexedSummary } from './indexed-summary';
export { dodHistory, TRACKED } from './closed-before-ballast';
export type { DodHistory, DodHistoryFacts } from './closed-before-ballast';
