/**
 * A project admin's export of the project's Ballast data (issue #24 item 4): the settings, the SLOs
 * as OpenSLO YAML, the audit log, the freeze overrides, and every stored document and record of the
 * project as stored (src/app/project/project-records.ts) — except bulk data, which is counted.
 */
import type { ProjectExport } from '../../contract/project-data';
import { GATE_OVERRIDES_KIND } from '../gate/gate-override-store';
import { listAuditEntries } from '../planner/audit-log';
import { exportProjectSlos, loadProjectSlos } from '../slo/slo-catalog';
import { PROJECT_CONFIG_KIND } from './project-config-repository';
import type { ProjectDataDeps } from './project-data-overview';
import { isBulkKey, projectRecords } from './project-records';
import { requireProjectAdmin } from './require-project-admin';

export async function exportProjectData(
  deps: ProjectDataDeps,
  projectKey: string,
  now: Date,
): Promise<ProjectExport> {
  await requireProjectAdmin(deps.jira, projectKey);
  const { documents, keys } = await projectRecords(deps, projectKey);
  const slos = await loadProjectSlos(deps.store, projectKey);
  const audit = await listAuditEntries(deps.store, projectKey, 0, Number.MAX_SAFE_INTEGER);
  const valueOf = (kind: string) =>
    documents.find((d) => d.kind === kind && d.id === projectKey)?.value ?? null;
  const small = keys.filter((key) => !isBulkKey(key));
  const values = new Map<string, unknown>();
  for (let i = 0; i < small.length; i += 20)
    for (const [key, value] of await deps.kv.getMany<unknown>(small.slice(i, i + 20)))
      values.set(key, value);
  const count = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).length;
  return {
    format: 'ballast-project-export',
    schemaVersion: 1,
    projectKey,
    exportedAt: now.toISOString(),
    settings: valueOf(PROJECT_CONFIG_KIND),
    slosOpenSlo: slos.version === 0 ? null : exportProjectSlos(slos.slos),
    auditLog: [...audit.entries].reverse(),
    freezeOverrides: valueOf(GATE_OVERRIDES_KIND),
    documents: documents.map(({ kind, id, version, updatedAt, updatedBy, value }) => ({
      kind,
      id,
      version,
      updatedAt,
      updatedBy,
      value,
    })),
    records: small.filter((key) => values.has(key)).map((key) => ({ key, value: values.get(key) })),
    notIncluded: [
      {
        what: 'SLI data (merged days, their sums and pushed batches)',
        count: count('sli-day:') + count('sli-daysum:') + count('sli-raw:'),
        why: 'pushed by your connector from your monitoring system, which holds the source',
      },
      {
        what: 'project page snapshot records',
        count: count('metrics:'),
        why: 'recomputed from Jira every hour',
      },
    ],
  };
}
