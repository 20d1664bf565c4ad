/**
 * Loading and saving a project's configuration document, validated both ways. A stored document that
 * no longer validates is not thrown away: its valid parts are used, the rest falls back to defaults,
 * the problems are reported, and nothing is written until an admin saves.
 */
import { problemField, ValidationError } from '../../domain/work';
import type { DocumentStore } from '../../ports/document-store';
import { AppError } from '../errors';
import { DEFAULT_PROJECT_CONFIG, parseProjectConfig, type ProjectConfig } from './project-config';
import { migrateStoredProjectConfig } from './project-config-migration';

export const PROJECT_CONFIG_KIND = 'project-config';

export interface LoadedProjectConfig {
  readonly config: ProjectConfig;
  /** 0 when the project has never been configured (defaults in use). */
  readonly version: number;
  readonly problems: readonly string[];
}

export async function loadProjectConfig(
  store: DocumentStore,
  projectKey: string,
): Promise<LoadedProjectConfig> {
  const stored = await store.get(PROJECT_CONFIG_KIND, projectKey);
  if (stored === undefined) return { config: DEFAULT_PROJECT_CONFIG, version: 0, problems: [] };
  // Older schemas are read as the current one (nothing is written until an admin saves).
  const value = migrateStoredProjectConfig(stored.value);
  try {
    return { config: parseProjectConfig(value), version: stored.version, problems: [] };
  } catch (error: unknown) {
    if (!(error instanceof ValidationError)) throw error;
    return { config: salvage(value), version: stored.version, problems: error.problems };
  }
}

/** Keeps each top-level part that validates on its own; the others take their defaults. */
function salvage(value: unknown): ProjectConfig {
  if (typeof value !== 'object' || value === null) return DEFAULT_PROJECT_CONFIG;
  let config: ProjectConfig = DEFAULT_PROJECT_CONFIG;
  for (const [name, part] of Object.entries(value as Record<string, unknown>)) {
    try {
      config = { ...config, ...pick(parseProjectConfig({ [name]: part }), name) };
    } catch {
      // This part stays at its default; the problem was reported by the full parse.
    }
  }
  return config;
}

function pick(config: ProjectConfig, name: string): Partial<ProjectConfig> {
  // Own keys only: a stored key `constructor` or `toString` is not a configuration part.
  return Object.hasOwn(config, name) ? { [name]: config[name as keyof ProjectConfig] } : {};
}

/**
 * Validates an edited configuration: BAD_REQUEST listing every problem, its field the first one's
 * (a limit refused names the field and the limit, src/domain/limits.ts).
 */
export function parseEditedConfig(edited: unknown): ProjectConfig {
  try {
    return parseProjectConfig(edited);
  } catch (error: unknown) {
    if (error instanceof ValidationError) {
      const first = error.problems[0];
      throw new AppError(
        'BAD_REQUEST',
        `The configuration was not saved: ${listed(error.problems)}`,
        first === undefined ? {} : { field: problemField(first) },
      );
    }
    throw error;
  }
}

/**
 * The problems as one sentence a person reads: at most 20, each cut to 300 characters, so a
 * refusal never echoes back a huge value (an unknown key 300 kB long) or thousands of problems.
 */
export function listed(problems: readonly string[]): string {
  const shown = problems
    .slice(0, 20)
    .map((p) => (p.length > 300 ? `${p.slice(0, 300)}…` : p))
    .join('; ');
  return problems.length > 20 ? `${shown}; and ${problems.length - 20} more` : shown;
}

/** Validates an edited configuration and stores it if nobody else saved in between. */
export async function saveProjectConfig(
  store: DocumentStore,
  projectKey: string,
  edited: unknown,
  expectedVersion: number,
  actor: { accountId: string; at: Date },
): Promise<LoadedProjectConfig> {
  const config = parseEditedConfig(edited);
  const stored = await store.put(PROJECT_CONFIG_KIND, projectKey, config, expectedVersion, actor);
  return { config, version: stored.version, problems: [] };
}
