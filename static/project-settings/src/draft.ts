/**
 * The editable form of the configuration and its way back. Number fields are kept as the text the
 * admin typed (so a half-typed "1" or an empty field is not turned into 0 behind their back); the
 * backend validates what is sent and is the authority. Parts the page does not edit (the gate
 * table, exemptions, board binding, linked SLOs) travel unchanged.
 */
import type {
  AutoCheck,
  Config,
  DodItem,
  Enforcement,
  Basis,
  Rule,
  RuleField,
  Template,
  WorkType,
} from './config-types';
import { WORK_TYPES } from './config-types';

export interface RuleDraft {
  /** Local identity for React keys and edits; not stored. */
  readonly uid: string;
  readonly id: string;
  readonly type: WorkType;
  readonly description: string;
  /** `simple`: one field and its values; `json`: a compound condition (all/any) as JSON. */
  readonly mode: 'simple' | 'json';
  readonly field: RuleField;
  /** Comma-separated values. */
  readonly values: string;
  readonly json: string;
}

export interface PolicyDraft {
  readonly basis: Basis;
  readonly capacityKind: 'fixed' | 'velocity';
  readonly amount: string;
  readonly sprints: string;
  /** Percent of the team available (the policy stores a fraction 0–1]. */
  readonly availability: string;
  readonly targets: Readonly<Record<WorkType, string>>;
  readonly tolerance: string;
  readonly buffer: string;
  readonly enforcement: Enforcement;
}

/** The error-budget policy as typed: percentages and hours, as people agree them. */
export interface ErrorBudgetDraft {
  readonly atRiskBelow: string;
  readonly freezeAtOrBelow: string;
  readonly unfreezeAtOrAbove: string;
  readonly unfreezeHoldHours: string;
  readonly postmortemShare: string;
}

/** The services of Jira incidents as typed: one "Component = service" a line, and the default. */
export interface IncidentServicesDraft {
  readonly byComponent: string;
  readonly otherwise: string;
}

/** The postmortem convention as typed (src/domain/postmortem/convention.ts); a blank label is none. */
export interface PostmortemDraft {
  readonly issueType: string;
  readonly label: string;
  readonly actionLinkType: string;
  readonly actionSlaDays: string;
}

export interface Draft {
  readonly rules: readonly RuleDraft[];
  readonly policy: PolicyDraft;
  readonly templates: readonly Template[];
  readonly incidentJql: string;
  readonly incidentServices: IncidentServicesDraft;
  readonly teamManagedDod: Config['teamManagedDod'];
  /** The Scrum board's id as typed; blank means no board. */
  readonly boardId: string;
  /** Other projects' SLOs this project's gate also follows, comma-separated names. */
  readonly sloIds: string;
  readonly errorBudget: ErrorBudgetDraft;
  readonly postmortem: PostmortemDraft;
  /** The label that marks retrospective actions (the sprint review follows them). */
  readonly retroActionLabel: string;
}

const text = (n: number): string => String(n);

let uidCounter = 0;
export const nextUid = (): string => `r${++uidCounter}`;

export function ruleDraft(rule: Rule, uid = nextUid()): RuleDraft {
  const simple = 'field' in rule.when ? rule.when : undefined;
  return {
    uid,
    id: rule.id,
    type: rule.type,
    description: rule.description ?? '',
    mode: simple ? 'simple' : 'json',
    field: simple?.field ?? 'label',
    values: simple ? simple.anyOf.join(', ') : '',
    json: JSON.stringify(rule.when, null, 2),
  };
}

export function toDraft(config: Config): Draft {
  const { capacity } = config;
  return {
    rules: config.rules.map((rule) => ruleDraft(rule)),
    policy: {
      basis: capacity.basis,
      capacityKind: capacity.capacity.kind,
      amount: capacity.capacity.kind === 'fixed' ? text(capacity.capacity.amount) : '',
      sprints: capacity.capacity.kind === 'velocity' ? text(capacity.capacity.sprints) : '3',
      availability:
        capacity.capacity.kind === 'velocity'
          ? text(Math.round(capacity.capacity.availability * 1000) / 10)
          : '100',
      targets: Object.fromEntries(
        WORK_TYPES.map((type) => [type, text(capacity.targets[type])]),
      ) as Record<WorkType, string>,
      tolerance: text(capacity.tolerance),
      buffer: text(capacity.buffer),
      enforcement: capacity.enforcement,
    },
    templates: config.dodTemplates,
    incidentJql: config.incidentJql,
    incidentServices: {
      byComponent: config.incidentServices.byComponent
        .map((entry) => `${entry.component} = ${entry.service}`)
        .join('\n'),
      otherwise: config.incidentServices.otherwise ?? '',
    },
    teamManagedDod: config.teamManagedDod,
    boardId: config.board ? String(config.board.boardId) : '',
    sloIds: config.sloIds.join(', '),
    errorBudget: errorBudgetDraft(config.errorBudget),
    postmortem: {
      issueType: config.postmortem.issueType,
      label: config.postmortem.label ?? '',
      actionLinkType: config.postmortem.actionLinkType,
      actionSlaDays: String(config.postmortem.actionSlaDays),
    },
    retroActionLabel: config.retroActionLabel,
  };
}

const percentText = (fraction: number): string => text(Math.round(fraction * 10_000) / 100);

export function errorBudgetDraft(policy: Config['errorBudget']): ErrorBudgetDraft {
  return {
    atRiskBelow: percentText(policy.atRiskBelow),
    freezeAtOrBelow: percentText(policy.freezeAtOrBelow),
    unfreezeAtOrAbove: percentText(policy.unfreezeAtOrAbove),
    unfreezeHoldHours: text(Math.round((policy.unfreezeHold / 3_600_000) * 100) / 100),
    postmortemShare: percentText(policy.postmortemBudgetShare),
  };
}

/** "" stays "" so the backend names the field ("must be a number"); a number is sent as a number. */
function num(value: string): number | string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

export const splitValues = (values: string): string[] =>
  values
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** A JSON condition that does not parse is sent as its text; the backend then names the rule. */
function conditionOf(rule: RuleDraft): unknown {
  if (rule.mode === 'simple') return { field: rule.field, anyOf: splitValues(rule.values) };
  try {
    return JSON.parse(rule.json) as unknown;
  } catch {
    return rule.json;
  }
}

export function rulesOf(rules: readonly RuleDraft[]): unknown[] {
  return rules.map((rule) => ({
    id: rule.id.trim(),
    type: rule.type,
    when: conditionOf(rule),
    ...(rule.description.trim() === '' ? {} : { description: rule.description.trim() }),
  }));
}

function slug(textValue: string): string {
  const base = textValue
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return base === '' ? 'item' : base;
}

/**
 * New items get an id from their text (ids are the identity of a tick across template versions);
 * a template whose content changed gets the next version, as the DoD model asks of the page.
 */
export function templatesOf(
  templates: readonly Template[],
  saved: readonly Template[],
): Template[] {
  return templates.map((template) => {
    const used = new Set(template.items.map((item) => item.id).filter((id) => id !== ''));
    const items = template.items.map((item): DodItem => {
      if (item.id !== '') return item;
      let id = slug(item.text);
      for (let n = 2; used.has(id); n++) id = `${slug(item.text)}-${n}`;
      used.add(id);
      return { ...item, id };
    });
    const before = saved.find((t) => t.id === template.id);
    const next = { ...template, items };
    const changed = before !== undefined && JSON.stringify(before) !== JSON.stringify(next);
    return changed ? { ...next, version: before.version + 1 } : next;
  });
}

export function policyOf(draft: PolicyDraft, saved: Config['capacity']): unknown {
  const availability = num(draft.availability);
  return {
    ...saved,
    basis: draft.basis,
    capacity:
      draft.capacityKind === 'fixed'
        ? { kind: 'fixed', amount: num(draft.amount) }
        : {
            kind: 'velocity',
            sprints: num(draft.sprints),
            availability:
              typeof availability === 'number'
                ? Math.round(availability * 10) / 1000
                : availability,
          },
    targets: Object.fromEntries(WORK_TYPES.map((type) => [type, num(draft.targets[type])])),
    tolerance: num(draft.tolerance),
    buffer: num(draft.buffer),
    enforcement: draft.enforcement,
  };
}

/**
 * The same board keeps its discovered estimation field; another board starts without one, and the
 * backend reads it from the board's configuration when it needs it.
 */
export function boardOf(typed: string, saved: Config['board']): unknown {
  const value = num(typed);
  if (value === '') return null;
  if (saved && value === saved.boardId) return saved;
  return { boardId: value, estimationFieldId: null };
}

/** The whole configuration to save: the saved document with the page's edits laid over it. */
export function configOf(draft: Draft, saved: Config): Record<string, unknown> {
  return {
    ...saved,
    rules: rulesOf(draft.rules),
    capacity: policyOf(draft.policy, saved.capacity),
    dodTemplates: templatesOf(draft.templates, saved.dodTemplates),
    incidentJql: draft.incidentJql,
    incidentServices: incidentServicesOf(draft.incidentServices),
    teamManagedDod: draft.teamManagedDod,
    board: boardOf(draft.boardId, saved.board),
    sloIds: splitValues(draft.sloIds),
    errorBudget: errorBudgetOf(draft.errorBudget, saved.errorBudget),
    postmortem: postmortemOf(draft.postmortem),
    retroActionLabel: draft.retroActionLabel.trim(),
  };
}

/** Percent → fraction and hours → ms; text that is not a number goes as typed, for the backend to name. */
export function errorBudgetOf(
  draft: ErrorBudgetDraft,
  saved: Config['errorBudget'],
): Record<string, unknown> {
  const scaled = (value: string, factor: number): number | string => {
    const n = num(value);
    return typeof n === 'number' ? Math.round(n * factor * 1e6) / 1e6 : n;
  };
  return {
    ...saved,
    atRiskBelow: scaled(draft.atRiskBelow, 0.01),
    freezeAtOrBelow: scaled(draft.freezeAtOrBelow, 0.01),
    unfreezeAtOrAbove: scaled(draft.unfreezeAtOrAbove, 0.01),
    unfreezeHold: scaled(draft.unfreezeHoldHours, 3_600_000),
    postmortemBudgetShare: scaled(draft.postmortemShare, 0.01),
  };
}

export function isDirty(draft: Draft, saved: Config): boolean {
  return JSON.stringify(configOf(draft, saved)) !== JSON.stringify(configOf(toDraft(saved), saved));
}

/** A fresh manual item; its id is made from the text on save. */
export const newItem = (): DodItem => ({ id: '', text: '', required: true, kind: 'manual' });

export function defaultCheck(type: AutoCheck['type']): AutoCheck {
  switch (type) {
    case 'fieldSet':
      return { type, field: '', fieldName: '' };
    case 'labelPresent':
      return { type, label: '' };
    case 'linkExists':
      return { type, linkType: '' };
    default:
      return { type };
  }
}

/**
 * "Component = service" lines as the backend's list; a line without "=" goes with an empty
 * service, for the backend to name. A blank default is no default (incidents stay unattributed).
 */
export function incidentServicesOf(draft: IncidentServicesDraft): Record<string, unknown> {
  const byComponent = draft.byComponent
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf('=');
      return at < 0
        ? { component: line, service: '' }
        : { component: line.slice(0, at).trim(), service: line.slice(at + 1).trim() };
    });
  const otherwise = draft.otherwise.trim();
  return { byComponent, otherwise: otherwise === '' ? null : otherwise };
}

/** The convention to save; a number that does not parse goes as typed, for the backend to name. */
export function postmortemOf(draft: PostmortemDraft): Record<string, unknown> {
  const days = draft.actionSlaDays.trim();
  return {
    issueType: draft.issueType.trim(),
    label: draft.label.trim() === '' ? null : draft.label.trim(),
    actionLinkType: draft.actionLinkType.trim(),
    actionSlaDays: days !== '' && Number.isFinite(Number(days)) ? Number(days) : days,
  };
}
