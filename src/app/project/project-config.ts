/**
 * A project's Ballast configuration — one versioned document per project in the app's storage:
 * classification rules, Definition of Done templates, the capacity policy, the board it plans on,
 * incident JQL and the SLOs linked to the gate. Absent parts take the product defaults
 * (PRODUCT.md §1–§4), so a new project works with no setup.
 */
import type { DodTemplate } from '../../domain/dod';
import { DEFAULT_DOD_TEMPLATES, validateDodTemplates } from '../../domain/dod';
import { DEFAULT_POLICY, parsePolicy, type CapacityPolicy } from '../../domain/capacity';
import {
  DEFAULT_POLICY as DEFAULT_ERROR_BUDGET_POLICY,
  checkPolicy as checkErrorBudgetPolicy,
  type ErrorBudgetPolicy,
} from '../../domain/gate';
import {
  checkConvention,
  DEFAULT_POSTMORTEM_CONVENTION,
  type PostmortemConvention,
} from '../../domain/postmortem';
import { jsonDepth } from '../../domain/json-shape-limits';
import { LIMITS, atMost, overLimit } from '../../domain/limits';
import type { AlertSeverity } from '../../domain/slo';
import {
  DEFAULT_RULES,
  parseRules,
  ValidationError,
  type ClassificationRule,
} from '../../domain/work';

/**
 * 2: "work type" renamed "Ballast category" (JQL alias `ballastCategory`); version-1 documents are
 * migrated on read (project-config-migration.ts). The shape is unchanged.
 */
export const PROJECT_CONFIG_SCHEMA_VERSION = 2;

/** What team-managed projects do when an item reaches Done with required DoD items open (no validators there). */
export type TeamManagedDodEnforcement = 'off' | 'reopen';

export interface BoardBinding {
  readonly boardId: number;
  /** Discovered from the board configuration (never assumed): e.g. customfield_10016. */
  readonly estimationFieldId: string | null;
}

/**
 * Which service a Jira incident of this project affected, so change failure rate can attribute
 * it to that service's deployments (src/domain/metrics/incident-attribution.ts): the service of
 * the first of its components listed here, otherwise `otherwise`; null leaves it unattributed
 * (counted as such). Pushed incidents name their service themselves.
 */
export interface IncidentServiceMapping {
  readonly byComponent: readonly { readonly component: string; readonly service: string }[];
  readonly otherwise: string | null;
}

export interface ProjectConfig {
  readonly schemaVersion: typeof PROJECT_CONFIG_SCHEMA_VERSION;
  readonly rules: readonly ClassificationRule[];
  readonly dodTemplates: readonly DodTemplate[];
  readonly capacity: CapacityPolicy;
  readonly board: BoardBinding | null;
  readonly teamManagedDod: TeamManagedDodEnforcement;
  /** JQL that finds the project's incidents (PRODUCT.md §5). */
  readonly incidentJql: string;
  readonly incidentServices: IncidentServiceMapping;
  readonly sloIds: readonly string[];
  /** The error-budget policy the gate follows (PRODUCT.md §4: agreed in advance, editable). */
  readonly errorBudget: ErrorBudgetPolicy;
  /**
   * What a postmortem and its actions are (src/domain/postmortem/convention.ts). Added after
   * schema 2 with a default, so documents saved before it read with the default.
   */
  readonly postmortem: PostmortemConvention;
  /**
   * The label that marks an item as a retrospective action (issue #23): the sprint review lists
   * them sprint over sprint. Added after schema 2 with a default, like `postmortem`.
   */
  readonly retroActionLabel: string;
}

export const DEFAULT_PROJECT_CONFIG: ProjectConfig = {
  schemaVersion: PROJECT_CONFIG_SCHEMA_VERSION,
  rules: DEFAULT_RULES,
  dodTemplates: DEFAULT_DOD_TEMPLATES,
  capacity: DEFAULT_POLICY,
  board: null,
  teamManagedDod: 'reopen',
  incidentJql: 'issuetype = Incident',
  incidentServices: { byComponent: [], otherwise: null },
  sloIds: [],
  errorBudget: DEFAULT_ERROR_BUDGET_POLICY,
  postmortem: DEFAULT_POSTMORTEM_CONVENTION,
  retroActionLabel: 'retro-action',
};

/**
 * A Jira label is one word: "Labels cannot contain spaces"
 * (support.atlassian.com/jira-align/kb/jira-align-tag-to-jira-label-sync-behavior/). Its length is
 * bounded as a rule's label value is (LIMITS.ruleValueLength).
 */
export const LABEL_MAX_LENGTH = LIMITS.ruleValueLength.limit;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a stored or edited configuration, filling absent parts with defaults. Throws a
 * ValidationError listing every problem with where it is (rules, templates, policy, other fields).
 */
export function parseProjectConfig(input: unknown): ProjectConfig {
  if (!isObject(input)) throw new ValidationError('project configuration', ['must be an object']);
  // Measured before any recursive walk, so input nested thousands deep is refused, not a crash.
  // Rules are measured by their own nesting limit (rule.ts), which names the rule.
  const depth = jsonDepth({ ...input, rules: undefined }, LIMITS.configDepth.limit);
  if (depth > LIMITS.configDepth.limit) {
    throw new ValidationError('project configuration', [
      `config: nests deeper than ${atMost('configDepth')} allowed`,
    ]);
  }
  const problems: string[] = [];
  const part = <T>(name: string, fallback: T, parse: (raw: unknown) => T): T => {
    if (input[name] === undefined) return fallback;
    try {
      return parse(input[name]);
    } catch (error: unknown) {
      if (error instanceof ValidationError) problems.push(...error.problems);
      else throw error;
      return fallback;
    }
  };
  const rules = part('rules', DEFAULT_RULES, parseRules);
  const capacity = part('capacity', DEFAULT_POLICY, parsePolicy);
  const dodTemplates = part('dodTemplates', DEFAULT_DOD_TEMPLATES, (raw) => {
    const result = validateDodTemplates(raw);
    if (!result.ok) throw new ValidationError('DoD templates', result.errors);
    return result.templates;
  });
  const board = part('board', null, (raw) => {
    if (raw === null) return null;
    if (!isObject(raw) || typeof raw.boardId !== 'number' || !Number.isInteger(raw.boardId)) {
      throw new ValidationError('board', ['board, field "boardId": must be a whole number']);
    }
    const field = raw.estimationFieldId;
    if (field !== null && field !== undefined && typeof field !== 'string') {
      throw new ValidationError('board', [
        'board, field "estimationFieldId": must be a field id or null',
      ]);
    }
    return { boardId: raw.boardId, estimationFieldId: field ?? null };
  });
  const teamManagedDod = part('teamManagedDod', DEFAULT_PROJECT_CONFIG.teamManagedDod, (raw) => {
    if (raw === 'off' || raw === 'reopen') return raw;
    throw new ValidationError('teamManagedDod', [
      'field "teamManagedDod": must be "off" or "reopen"',
    ]);
  });
  const incidentJql = part('incidentJql', DEFAULT_PROJECT_CONFIG.incidentJql, (raw) => {
    if (typeof raw === 'string' && raw.trim().length > LIMITS.incidentJql.limit) {
      throw new ValidationError('incidentJql', [
        `incidentJql: ${overLimit('incidentJql', raw.trim().length)}`,
      ]);
    }
    if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
    throw new ValidationError('incidentJql', [
      'field "incidentJql": must be a non-empty JQL query',
    ]);
  });
  const incidentServices = part(
    'incidentServices',
    DEFAULT_PROJECT_CONFIG.incidentServices,
    parseIncidentServices,
  );
  const sloIds = part('sloIds', [] as readonly string[], (raw) => {
    if (Array.isArray(raw) && raw.length > LIMITS.slosPerProject.limit)
      throw new ValidationError('sloIds', [`sloIds: ${overLimit('slosPerProject', raw.length)}`]);
    const list: unknown = raw;
    if (Array.isArray(list) && list.every((id) => typeof id === 'string' && id.length <= 63))
      return list as string[];
    throw new ValidationError('sloIds', ['field "sloIds": must be a list of SLO names']);
  });
  const errorBudget = part('errorBudget', DEFAULT_ERROR_BUDGET_POLICY, parseErrorBudget);
  const postmortem = part('postmortem', DEFAULT_POSTMORTEM_CONVENTION, parsePostmortem);
  const retroActionLabel = part(
    'retroActionLabel',
    DEFAULT_PROJECT_CONFIG.retroActionLabel,
    parseLabel,
  );
  if (problems.length > 0) throw new ValidationError('project configuration', problems);
  const config: ProjectConfig = {
    schemaVersion: PROJECT_CONFIG_SCHEMA_VERSION,
    rules,
    dodTemplates,
    capacity,
    board,
    teamManagedDod,
    incidentJql,
    incidentServices,
    sloIds,
    errorBudget,
    postmortem,
    retroActionLabel,
  };
  // Each part within its limits can still add up to more than one storage value holds.
  const bytes = new TextEncoder().encode(JSON.stringify(config)).length;
  if (bytes > LIMITS.configBytes.limit) {
    throw new ValidationError('project configuration', [
      `config: the configuration takes ${bytes.toLocaleString('en')} bytes; ${atMost('configBytes')} are allowed`,
    ]);
  }
  return config;
}

function parseLabel(raw: unknown): string {
  const where = 'retroActionLabel';
  const label = typeof raw === 'string' ? raw.trim() : '';
  if (label === '' || /\s/.test(label) || label.length > LABEL_MAX_LENGTH) {
    throw new ValidationError(where, [
      `field "${where}": must be one Jira label — no spaces, 1–${LABEL_MAX_LENGTH} characters`,
    ]);
  }
  return label;
}

/** Absent fields keep the defaults; names are trimmed; `label: null` means "no label". */
function parsePostmortem(raw: unknown): PostmortemConvention {
  const where = 'postmortem';
  if (!isObject(raw)) throw new ValidationError(where, [`field "${where}": must be an object`]);
  const problems: string[] = [];
  const known = Object.keys(DEFAULT_POSTMORTEM_CONVENTION);
  for (const name of Object.keys(raw)) {
    if (!known.includes(name))
      problems.push(`${where}, field "${name}": unknown; allowed: ${known.join(', ')}`);
  }
  const text = (name: 'issueType' | 'actionLinkType' | 'label'): string | null => {
    const value = raw[name];
    if (value === undefined) return DEFAULT_POSTMORTEM_CONVENTION[name];
    if (value === null && name === 'label') return null;
    if (typeof value === 'string')
      return value.trim() === '' && name === 'label' ? null : value.trim();
    problems.push(`${where}, field "${name}": must be a name`);
    return DEFAULT_POSTMORTEM_CONVENTION[name];
  };
  const sla = raw.actionSlaDays ?? DEFAULT_POSTMORTEM_CONVENTION.actionSlaDays;
  const convention: PostmortemConvention = {
    issueType: text('issueType') ?? '',
    label: text('label'),
    actionLinkType: text('actionLinkType') ?? '',
    actionSlaDays: typeof sla === 'number' ? sla : Number.NaN,
  };
  problems.push(...checkConvention(convention));
  if (problems.length > 0) throw new ValidationError(where, problems);
  return convention;
}

const SERVICE_NAME_MAX = LIMITS.serviceName.limit;

const serviceName = (raw: unknown): string | undefined =>
  typeof raw === 'string' && raw.trim() !== '' && raw.trim().length <= SERVICE_NAME_MAX
    ? raw.trim()
    : undefined;

function parseIncidentServices(raw: unknown): IncidentServiceMapping {
  const where = 'incidentServices';
  if (!isObject(raw)) throw new ValidationError(where, [`field "${where}": must be an object`]);
  const problems: string[] = [];
  const otherwise =
    raw.otherwise === undefined || raw.otherwise === null ? null : serviceName(raw.otherwise);
  if (otherwise === undefined) {
    problems.push(`${where}, field "otherwise": must be a service name (1–100 characters) or null`);
  }
  const list = raw.byComponent ?? [];
  const byComponent: { component: string; service: string }[] = [];
  if (!Array.isArray(list)) {
    problems.push(`${where}, field "byComponent": must be a list of { component, service }`);
  } else if (list.length > LIMITS.incidentServices.limit) {
    problems.push(`${where}, field "byComponent": ${overLimit('incidentServices', list.length)}`);
  } else {
    list.forEach((entry: unknown, i) => {
      const component = isObject(entry) ? serviceName(entry.component) : undefined;
      const service = isObject(entry) ? serviceName(entry.service) : undefined;
      if (component === undefined || service === undefined) {
        problems.push(
          `${where}, byComponent[${i}]: needs a component and a service (1–100 characters each)`,
        );
      } else byComponent.push({ component, service });
    });
  }
  if (problems.length > 0) throw new ValidationError(where, problems);
  return { byComponent, otherwise: otherwise ?? null };
}

const ALERT_SEVERITIES: readonly AlertSeverity[] = ['page', 'ticket'];

/** Absent fields keep the defaults (the SRE Workbook's example policy); every value is checked. */
function parseErrorBudget(raw: unknown): ErrorBudgetPolicy {
  const problems: string[] = [];
  if (!isObject(raw))
    throw new ValidationError('errorBudget', ['field "errorBudget": must be an object']);
  const known = Object.keys(DEFAULT_ERROR_BUDGET_POLICY);
  for (const name of Object.keys(raw)) {
    if (!known.includes(name)) {
      problems.push(`errorBudget, field "${name}": unknown; allowed: ${known.join(', ')}`);
    }
  }
  const number = (name: Exclude<keyof ErrorBudgetPolicy, 'atRiskOnAlerts'>): number => {
    const value = raw[name];
    if (value === undefined) return DEFAULT_ERROR_BUDGET_POLICY[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`errorBudget, field "${name}": must be a number`);
      return DEFAULT_ERROR_BUDGET_POLICY[name];
    }
    return value;
  };
  let atRiskOnAlerts = DEFAULT_ERROR_BUDGET_POLICY.atRiskOnAlerts;
  if (raw.atRiskOnAlerts !== undefined) {
    const alerts = raw.atRiskOnAlerts;
    if (
      Array.isArray(alerts) &&
      alerts.every((a) => ALERT_SEVERITIES.includes(a as AlertSeverity))
    ) {
      atRiskOnAlerts = alerts as AlertSeverity[];
    } else {
      problems.push('errorBudget, field "atRiskOnAlerts": must be a list of "page" and "ticket"');
    }
  }
  const policy: ErrorBudgetPolicy = {
    freezeAtOrBelow: number('freezeAtOrBelow'),
    atRiskBelow: number('atRiskBelow'),
    atRiskOnAlerts,
    unfreezeAtOrAbove: number('unfreezeAtOrAbove'),
    unfreezeHold: number('unfreezeHold'),
    minDataCoverage: number('minDataCoverage'),
    postmortemBudgetShare: number('postmortemBudgetShare'),
  };
  // The domain names fields "policy.x"; here they belong to errorBudget.
  problems.push(
    ...checkErrorBudgetPolicy(policy).map((p) => `errorBudget: ${p.replace(/policy\./g, '')}`),
  );
  if (problems.length > 0) throw new ValidationError('errorBudget', problems);
  return policy;
}
