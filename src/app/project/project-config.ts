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
  DEFAULT_RULES,
  parseRules,
  ValidationError,
  type ClassificationRule,
} from '../../domain/work';

export const PROJECT_CONFIG_SCHEMA_VERSION = 1;

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
  };
}
