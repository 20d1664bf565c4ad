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

export interface ProjectConfig {
  readonly schemaVersion: typeof PROJECT_CONFIG_SCHEMA_VERSION;
  readonly rules: readonly ClassificationRule[];
  readonly dodTemplates: readonly DodTemplate[];
  readonly capacity: CapacityPolicy;
  readonly board: BoardBinding | null;
  readonly teamManagedDod: TeamManagedDodEnforcement;
  /** JQL that finds the project's incidents (PRODUCT.md §5). */
  readonly incidentJql: string;
  readonly sloIds: readonly string[];
  /** The error-budget policy the gate follows (PRODUCT.md §4: agreed in advance, editable). */
  readonly errorBudget: ErrorBudgetPolicy;
}

export const DEFAULT_PROJECT_CONFIG: ProjectConfig = {
  schemaVersion: PROJECT_CONFIG_SCHEMA_VERSION,
  rules: DEFAULT_RULES,
  dodTemplates: DEFAULT_DOD_TEMPLATES,
  capacity: DEFAULT_POLICY,
  board: null,
  teamManagedDod: 'reopen',
  incidentJql: 'issuetype = Incident',
  sloIds: [],
  errorBudget: DEFAULT_ERROR_BUDGET_POLICY,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a stored or edited configuration, filling absent parts with defaults. Throws a
 * ValidationError listing every problem with where it is (rules, templates, policy, other fields).
 */
export function parseProjectConfig(input: unknown): ProjectConfig {
  if (!isObject(input)) throw new ValidationError('project configuration', ['must be an object']);
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
    if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
    throw new ValidationError('incidentJql', [
      'field "incidentJql": must be a non-empty JQL query',
    ]);
  });
  const sloIds = part('sloIds', [] as readonly string[], (raw) => {
    if (Array.isArray(raw) && raw.every((id) => typeof id === 'string')) return raw;
    throw new ValidationError('sloIds', ['field "sloIds": must be a list of SLO names']);
  });
  const errorBudget = part('errorBudget', DEFAULT_ERROR_BUDGET_POLICY, parseErrorBudget);
  if (problems.length > 0) throw new ValidationError('project configuration', problems);
  return {
    schemaVersion: PROJECT_CONFIG_SCHEMA_VERSION,
    rules,
    dodTemplates,
    capacity,
    board,
    teamManagedDod,
    incidentJql,
    sloIds,
    errorBudget,
  };
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
