/** The settings page's use cases: read (any project member), save (project admins only). */
import type { SettingsView } from '../../contract/settings';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';
import { requireProjectBoard } from './board-binding';
import { requireSafeIncidentJql } from './incident-jql';
import { requirePostmortemConvention } from './postmortem-setting';
import {
  loadProjectConfig,
  parseEditedConfig,
  saveProjectConfig,
} from './project-config-repository';
import { requireProjectAdmin } from './require-project-admin';
import { errorBudgetPolicyChanges } from '../../domain/gate';
import { logSettingsChange } from './settings-audit';

export interface SettingsDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
}

export async function getSettings(deps: SettingsDeps, projectKey: string): Promise<SettingsView> {
  // Reading needs browse permission: asking Jira for the caller's permissions on the project also
  // proves they can see it (Jira answers 404 otherwise).
  const granted = await deps.jira.myPermissions({ projectKey }, [
    'BROWSE_PROJECTS',
    'ADMINISTER_PROJECTS',
  ]);
  if (!granted.BROWSE_PROJECTS) {
    throw new AppError('NOT_FOUND', `Project ${projectKey} does not exist or you cannot see it.`);
  }
  const loaded = await loadProjectConfig(deps.store, projectKey);
  return {
    projectKey,
    config: loaded.config,
    version: loaded.version,
    canEdit: granted.ADMINISTER_PROJECTS === true,
    problems: loaded.problems,
  };
}

export async function saveSettings(
  deps: SettingsDeps,
  input: {
    projectKey: string;
    config: unknown;
    version: number;
    actor: { accountId: string; at: Date };
  },
): Promise<SettingsView> {
  await requireProjectAdmin(deps.jira, input.projectKey);
  // The shape and the stated limits first (no Jira call), so nothing oversized is sent to Jira.
  parseEditedConfig(input.config);
  await requireSafeIncidentJql(deps.jira, input.projectKey, input.config);
  await requireProjectBoard(deps.jira, input.projectKey, input.config);
  await requirePostmortemConvention(deps.jira, input.projectKey, input.config);
  // The policy as it stood in the version this save replaces (a save over another is refused).
  const before = await loadProjectConfig(deps.store, input.projectKey);
  const saved = await saveProjectConfig(
    deps.store,
    input.projectKey,
    input.config,
    input.version,
    input.actor,
  );
  const changes = errorBudgetPolicyChanges(before.config.errorBudget, saved.config.errorBudget);
  if (changes.length > 0)
    await logSettingsChange(deps.store, {
      projectKey: input.projectKey,
      actor: input.actor,
      change: { kind: 'policy-change', changes },
    });
  return {
    projectKey: input.projectKey,
    config: saved.config,
    version: saved.version,
    canEdit: true,
    problems: [],
  };
}
