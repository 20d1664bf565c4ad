/**
 * The settings page's SLO use cases: list and export (any project member); import an OpenSLO file,
 * save or delete one SLO from the form (project admins, checked on the server as the person asking).
 */
import type { SloDefinition, SloExportView, SloListView, SloSummary } from '../../contract/slo';
import { thresholdObjectiveText, windowLabel } from '../../domain/slo';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { AppError } from '../errors';
import { requireProjectAdmin } from '../project/require-project-admin';
import { logSettingsChange } from '../project/settings-audit';
import { loadLinkedSloStatuses } from './project-gate-status';
import {
  deleteProjectSlo,
  exportProjectSlos,
  importProjectSlos,
  loadProjectSlos,
  saveProjectSlo,
} from './slo-catalog';
import { definitionOf } from './slo-form';

export interface SloSettingsDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
  readonly kv: KeyValueStore;
}

async function access(jira: JiraPort, projectKey: string): Promise<{ canEdit: boolean }> {
  const granted = await jira.myPermissions({ projectKey }, [
    'BROWSE_PROJECTS',
    'ADMINISTER_PROJECTS',
  ]);
  if (!granted.BROWSE_PROJECTS) {
    throw new AppError('NOT_FOUND', `Project ${projectKey} does not exist or you cannot see it.`);
  }
  return { canEdit: granted.ADMINISTER_PROJECTS === true };
}

async function listView(
  deps: SloSettingsDeps,
  projectKey: string,
  canEdit: boolean,
): Promise<SloListView> {
  const { slos, version } = await loadProjectSlos(deps.store, projectKey);
  const statuses = await loadLinkedSloStatuses(deps, projectKey, []);
  const summaries: SloSummary[] = slos.bundle.slos.map((spec) => {
    const stored = statuses.find((s) => s.slo === spec.name)?.stored ?? null;
    return {
      name: spec.name,
      displayName: spec.displayName ?? null,
      service: spec.service,
      target: spec.target,
      window: windowLabel(spec.window),
      status: stored?.status ?? null,
      state: stored?.decision.state ?? 'NO_DATA',
      dataUntil: stored?.dataUntil ?? null,
      objective: thresholdObjectiveText(spec),
      definition: definitionOf(spec),
    };
  });
  return { projectKey, slos: summaries, version, canEdit };
}

export async function listSlos(deps: SloSettingsDeps, projectKey: string): Promise<SloListView> {
  const { canEdit } = await access(deps.jira, projectKey);
  return listView(deps, projectKey, canEdit);
}

export async function importSlos(
  deps: SloSettingsDeps,
  input: {
    projectKey: string;
    yaml: string;
    version: number;
    confirmDeletes?: readonly string[];
    actor: { accountId: string; at: Date };
  },
): Promise<SloListView> {
  await requireProjectAdmin(deps.jira, input.projectKey);
  const { change } = await importProjectSlos(deps.store, input);
  if (change.added.length + change.replaced.length + change.deleted.length > 0)
    await logSettingsChange(deps.store, { ...input, change: { kind: 'slo-import', ...change } });
  return listView(deps, input.projectKey, true);
}

export async function exportSlos(
  deps: SloSettingsDeps,
  projectKey: string,
): Promise<SloExportView> {
  await access(deps.jira, projectKey);
  const { slos } = await loadProjectSlos(deps.store, projectKey);
  return { yaml: exportProjectSlos(slos) };
}

/** Adds (`originalName` null) or replaces one SLO from the settings form. */
export async function saveSlo(
  deps: SloSettingsDeps,
  input: {
    projectKey: string;
    originalName: string | null;
    definition: SloDefinition;
    version: number;
    actor: { accountId: string; at: Date };
  },
): Promise<SloListView> {
  await requireProjectAdmin(deps.jira, input.projectKey);
  await saveProjectSlo(deps.store, input);
  await logSettingsChange(deps.store, {
    ...input,
    change: { kind: 'slo-save', name: input.definition.name, added: input.originalName === null },
  });
  return listView(deps, input.projectKey, true);
}

export async function deleteSlo(
  deps: SloSettingsDeps,
  input: {
    projectKey: string;
    name: string;
    version: number;
    actor: { accountId: string; at: Date };
  },
): Promise<SloListView> {
  await requireProjectAdmin(deps.jira, input.projectKey);
  await deleteProjectSlo(deps.store, input);
  await logSettingsChange(deps.store, {
    ...input,
    change: { kind: 'slo-delete', name: input.name },
  });
  return listView(deps, input.projectKey, true);
}
