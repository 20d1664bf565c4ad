/**
 * The settings page's SLO use cases: list (any project member), import an OpenSLO file and export
 * it (import needs the project-admin permission, checked on the server as the person asking).
 */
import type { SloExportView, SloListView, SloSummary } from '../../contract/slo';
import { windowLabel } from '../../domain/slo';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { AppError } from '../errors';
import { requireProjectAdmin } from '../project/require-project-admin';
import { loadLinkedSloStatuses } from './project-gate-status';
import { exportProjectSlos, importProjectSlos, loadProjectSlos } from './slo-catalog';

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
    actor: { accountId: string; at: Date };
  },
): Promise<SloListView> {
  await requireProjectAdmin(deps.jira, input.projectKey);
  await importProjectSlos(deps.store, input);
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
