/**
 * The configuration's types as the settings page sees them, all derived from the contract (static/
 * may import nothing else), and the few value lists the form offers, checked against those types.
 */
import type { SettingsView } from '../../../src/contract/settings';

export type Config = SettingsView['config'];
export type Rule = Config['rules'][number];
export type RuleCondition = Rule['when'];
export type RuleField = Extract<RuleCondition, { field: unknown }>['field'];
export type Policy = Config['capacity'];
export type WorkType = keyof Policy['targets'];
export type Basis = Policy['basis'];
export type Enforcement = Policy['enforcement'];
export type Template = Config['dodTemplates'][number];
export type DodItem = Template['items'][number];
export type AutoCheck = Extract<DodItem, { kind: 'auto' }>['check'];
export type AutoCheckType = AutoCheck['type'];

/** Every value of a union exactly once: a missing or extra entry is a type error. */
type Exactly<U, L extends readonly unknown[]> = [U] extends [L[number]]
  ? [L[number]] extends [U]
    ? L
    : never
  : never;
const exactly =
  <U>() =>
  <const L extends readonly U[]>(list: Exactly<U, L>): L =>
    list;

export const WORK_TYPES = exactly<WorkType>()(['feature', 'debt', 'toil', 'reliability']);
export const RULE_FIELDS = exactly<RuleField>()([
  'issueType',
  'label',
  'component',
  'parentIssueType',
  'parentKey',
  'summaryKeyword',
]);
export const BASES = exactly<Basis>()(['storyPoints', 'issueCount', 'originalEstimate']);
export const ENFORCEMENT_MODES = exactly<Enforcement>()(['off', 'advise', 'enforce']);
export const AUTO_CHECK_TYPES = exactly<AutoCheckType>()([
  'hasEstimate',
  'hasWorkType',
  'allSubtasksDone',
  'fieldSet',
  'labelPresent',
  'linkExists',
  'postmortemLinked',
]);

export const WORK_TYPE_LABEL: Record<WorkType | 'unclassified', string> = {
  feature: 'Feature',
  debt: 'Debt',
  toil: 'Toil',
  reliability: 'Reliability',
  unclassified: 'Unclassified',
};

export const RULE_FIELD_LABEL: Record<RuleField, string> = {
  issueType: 'Issue type is',
  label: 'Label is',
  component: 'Component is',
  parentIssueType: 'Parent issue type is',
  parentKey: 'Parent key is',
  summaryKeyword: 'Summary has the word',
};

export const BASIS_LABEL: Record<Basis, string> = {
  storyPoints: 'Story points (the board’s estimation field)',
  issueCount: 'Issue count',
  originalEstimate: 'Original estimate (time)',
};

export const ENFORCEMENT_LABEL: Record<Enforcement, { title: string; detail: string }> = {
  off: { title: 'Off', detail: 'Ballast shows the split but never warns.' },
  advise: { title: 'Advise', detail: 'The planner warns when a plan breaks the split.' },
  enforce: {
    title: 'Enforce',
    detail:
      'At sprint start the overflow moves back to the backlog unless someone recorded an override with a reason.',
  },
};

export const AUTO_CHECK_LABEL: Record<AutoCheckType, string> = {
  hasEstimate: 'Has an estimate',
  hasWorkType: 'Has a category',
  allSubtasksDone: 'All subtasks done',
  fieldSet: 'A field is set',
  labelPresent: 'Has a label',
  linkExists: 'Has a link',
  postmortemLinked: 'Is an action of a postmortem (the project’s postmortem convention)',
};
