/**
 * Deployments and incidents pushed by CI/CD and incident tools (src/contract/push-api.ts), kept in
 * the key-value store for the delivery metrics (PRODUCT.md §5, DORA). Deployments are immutable
 * facts, stored once per id under a time-ordered key so a month is one prefix query; incidents
 * change (they get resolved), so the latest push of an id replaces the earlier one.
 */
import type { DeploymentPush, IncidentPush } from '../../contract/push-api';
import type { ReleasedDeployment } from '../../contract/planner';
import type { FreezeReleaseView } from '../../contract/project-page';
import type { ProjectFreezeRelease } from './freeze-release';
import type { DeploymentRecord, IncidentRecord } from '../../domain/metrics/records';
import { listAll, type KeyValueStore } from '../../ports/key-value-store';

/**
 * The stored records' schema version. Records written before versions were introduced have none
 * and read as version 1; a record of a later version (written by a newer Ballast) is left out
 * rather than misread.
 */
export const PUSH_LOG_SCHEMA_VERSION = 1;

export interface StoredDeployment extends DeploymentPush {
  readonly schemaVersion?: typeof PUSH_LOG_SCHEMA_VERSION;
  readonly receivedAt: string;
  /**
   * The projects whose gate was FROZEN when it was recorded, with what let it through
   * (freeze-release.ts). Absent on records from before issue #22 and when none was frozen.
   */
  readonly freezes?: readonly ProjectFreezeRelease[];
}

export interface StoredIncident extends IncidentPush {
  readonly schemaVersion?: typeof PUSH_LOG_SCHEMA_VERSION;
  readonly receivedAt: string;
}

/** A stored record this version of Ballast can read (legacy unversioned records are version 1). */
function readable<T extends { schemaVersion?: number }>(value: T): boolean {
  const version = value.schemaVersion ?? 1;
  if (version === PUSH_LOG_SCHEMA_VERSION) return true;
  console.error(`Ballast push log: skipping a record of schema version ${String(version)}`);
  return false;
}

const deploymentKey = (finishedAt: string, id: string): string =>
  `deploy:${new Date(finishedAt).toISOString()}:${id}`;
const deploymentIdKey = (id: string): string => `deploy-id:${id}`;
const incidentKey = (id: string): string => `incident:${id}`;

/** Whether a deployment of this id was stored already (a retried push). */
export async function isRecordedDeployment(kv: KeyValueStore, id: string): Promise<boolean> {
  return (await kv.get(deploymentIdKey(id))) !== undefined;
}

/** Stores a deployment unless its id was seen; all or nothing (one transaction). */
export async function recordDeployment(
  kv: KeyValueStore,
  deployment: DeploymentPush,
  receivedAt: Date,
  freezes: readonly ProjectFreezeRelease[] = [],
): Promise<{ accepted: number; duplicate: boolean }> {
  if (await isRecordedDeployment(kv, deployment.id)) {
    return { accepted: 0, duplicate: true };
  }
  const key = deploymentKey(deployment.finishedAt, deployment.id);
  const record: StoredDeployment = {
    ...deployment,
    schemaVersion: PUSH_LOG_SCHEMA_VERSION,
    receivedAt: receivedAt.toISOString(),
    ...(freezes.length === 0 ? {} : { freezes }),
  };
  await kv.transact([
    { op: 'set', key, value: record },
    { op: 'set', key: deploymentIdKey(deployment.id), value: { key } },
  ]);
  return { accepted: 1, duplicate: false };
}

/** Stores or updates an incident; a push identical to the stored one is a duplicate. */
export async function recordIncident(
  kv: KeyValueStore,
  incident: IncidentPush,
  receivedAt: Date,
): Promise<{ accepted: number; duplicate: boolean }> {
  const stored = await kv.get<StoredIncident>(incidentKey(incident.id));
  if (stored !== undefined) {
    const previous = Object.fromEntries(
      Object.entries(stored).filter(([name]) => name !== 'receivedAt' && name !== 'schemaVersion'),
    );
    if (JSON.stringify(sorted(previous)) === JSON.stringify(sorted(incident))) {
      return { accepted: 0, duplicate: true };
    }
  }
  const record: StoredIncident = {
    ...incident,
    schemaVersion: PUSH_LOG_SCHEMA_VERSION,
    receivedAt: receivedAt.toISOString(),
  };
  await kv.set(incidentKey(incident.id), record);
  return { accepted: 1, duplicate: false };
}

const sorted = (value: object): [string, unknown][] =>
  Object.entries(value).sort(([a], [b]) => a.localeCompare(b));

/** Months (`YYYY-MM`, UTC) from the one holding `from` to the one holding `to`. */
function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor.getTime() <= to.getTime()) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** Pushed deployments that finished in [from, to), oldest first. */
export async function listDeployments(
  kv: KeyValueStore,
  range: { from: Date; to: Date },
): Promise<StoredDeployment[]> {
  const found: StoredDeployment[] = [];
  for (const month of monthsBetween(range.from, range.to)) {
    for (const entry of await listAll<StoredDeployment>(kv, `deploy:${month}`)) {
      if (!readable(entry.value)) continue;
      const at = Date.parse(entry.value.finishedAt);
      if (at >= range.from.getTime() && at < range.to.getTime()) found.push(entry.value);
    }
  }
  return found.sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt));
}

/** Every pushed incident (they are few; an incident tool pushes each one and its updates). */
export async function listPushedIncidents(kv: KeyValueStore): Promise<StoredIncident[]> {
  const entries = await listAll<StoredIncident>(kv, 'incident:');
  return entries
    .map((e) => e.value)
    .filter(readable)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/**
 * The production deployments of a project, as the DORA metrics count them: those that shipped one
 * of its issues, or deployed one of its services — whatever their outcome, since a failed or
 * rolled-back deployment is a change failure (src/domain/metrics/change-failure-rate.ts). The
 * environment is matched without regard to case or surrounding spaces ("Production" from one
 * tool, "production" from another are the same environment).
 */
export function projectDeployments(
  deployments: readonly StoredDeployment[],
  project: { key: string; services: readonly string[]; environment?: string },
): DeploymentRecord[] {
  const environment = normalized(project.environment ?? 'production');
  return deployments
    .filter(
      (d) =>
        normalized(d.environment) === environment &&
        (project.services.includes(d.service) ||
          d.issueKeys.some((k) => k.startsWith(`${project.key}-`))),
    )
    .map((d) => ({
      id: d.id,
      service: d.service,
      status: d.status,
      deployedAt: d.finishedAt,
      issueKeys: d.issueKeys,
    }));
}

const normalized = (environment: string): string => environment.trim().toLowerCase();

/**
 * A project's pushed incidents — those of its services, or caused by one of its deployments — as
 * the incident metrics read them.
 */
export function projectIncidents(
  incidents: readonly StoredIncident[],
  services: readonly string[],
  deploymentIds: readonly string[] = [],
): IncidentRecord[] {
  const ids = new Set(deploymentIds);
  return incidents
    .filter(
      (i) =>
        services.includes(i.service) || (i.deploymentId !== undefined && ids.has(i.deploymentId)),
    )
    .map((i) => ({
      key: i.id,
      title: i.title,
      service: i.service,
      deploymentId: i.deploymentId ?? null,
      startedAt: i.startedAt,
      detectedAt: i.detectedAt ?? null,
      resolvedAt: i.resolvedAt ?? null,
    }));
}

/**
 * The deployments among `ids` (the project's, in the period) recorded while the project's gate
 * was FROZEN, newest first, each with what let it through (freeze-release.ts), for the Delivery page.
 */
export function freezeReleasesIn(
  deployments: readonly StoredDeployment[],
  ids: ReadonlySet<string>,
  projectKey: string,
): FreezeReleaseView[] {
  return deployments
    .filter((d) => ids.has(d.id))
    .flatMap((d) => {
      const freeze = d.freezes?.find((f) => f.projectKey === projectKey);
      if (freeze === undefined) return [];
      return [
        {
          allowedBy: freeze.allowedBy,
          override: freeze.override,
          items: freeze.items,
          frozenBy: freeze.frozenBy,
          ...(freeze.note === undefined ? {} : { note: freeze.note }),
          deployment: releasedDeployment(d),
        },
      ];
    })
    .sort((a, b) => Date.parse(b.deployment.finishedAt) - Date.parse(a.deployment.finishedAt));
}

/** The parts of a pushed deployment a release during a freeze names (Delivery page, audit log). */
export function releasedDeployment(d: DeploymentPush): ReleasedDeployment {
  return {
    id: d.id,
    service: d.service,
    environment: d.environment,
    status: d.status,
    finishedAt: d.finishedAt,
    issueKeys: d.issueKeys,
  };
}
