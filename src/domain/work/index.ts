// Public surface of the work-type domain: what resolvers and the UI contract may import.
export { WORK_TYPES, isWorkType, type WorkType, type WorkTypeOrUnclassified } from './work-type';
export type { ClassifiableItem } from './classifiable-item';
export {
  RULE_FIELDS,
  parseRules,
  type ClassificationRule,
  type RuleCondition,
  type RuleField,
} from './rule';
export { DEFAULT_RULES } from './default-rules';
export { classify, type Classification, type ClassificationSource } from './classify';
export { ValidationError, problemField, quoted } from './validation-error';
export type { SuggestionText } from './suggestion-features';
export {
  suggestWorkType,
  trainWorkTypeModel,
  type SuggestionEvidence,
  type SuggestionOptions,
  type TaggedExample,
  type WorkTypeModel,
  type WorkTypeSuggestion,
} from './work-type-suggestion';
