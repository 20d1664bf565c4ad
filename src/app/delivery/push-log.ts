/**
 * Deployments and incidents pushed by CI/CD and incident tools (src/contract/push-api.ts), kept in
 * the key-value store for the delivery metrics (PRODUCT.md §5, DORA). Deployments are immutable
 * facts, stored once per id under a time-ordered key so a month is one prefix query; incidents
 * change (they get resolved), so the latest push of an id replaces the earlier one.
 */
import { requirePlausibleDeployment, requirePlausibleIncident } from '../push/plausible-push';
import type { DeploymentPush, IncidentPush } from '../../contract/push-api';
import type { ReleasedDeployment } from '../../contract/planner';
import type { FreezeReleaseView } from '../../contract/project-page';
import type { ProjectFreezeRelease } from './freeze-release';
import type { DeploymentRecord, IncidentRecord } from '../../domain/metrics/records';
import { listAll, type KeyValueStore } from '../../ports/key-value-store';
import { claimPush, contentDigest, releasePushClaim, type PushMarker } from '../push/push-claim';

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

/**
 * Whether this deployment's id is stored already: `same` for the same deployment (a retried push),
 * `other` for other content under the id (recordDeployment refuses it), `none` when not stored or
 * only claimed by a push still storing (recordDeployment's claim decides then). Lets a caller skip
 * work a retry must not repeat (the freeze audit entry) without deciding the answer itself.
 */
export async function storedDeployment(
  kv: KeyValueStore,
  deployment: DeploymentPush,
): Promise<'none' | 'same' | 'other'> {
  const marker = await kv.get<PushMarker>(deploymentIdKey(deployment.id));
  if (marker === undefined || marker.state === 'storing') return 'none';
  const digest = marker.digest ?? (await legacyDeploymentDigest(kv, marker));
  return digest === undefined || digest === deploymentDigest(deployment) ? 'same' : 'other';
}

/** Markers from before digests point at the stored record: its content is the comparison. */
async function legacyDeploymentDigest(
  kv: KeyValueStore,
  marker: unknown,
): Promise<string | undefined> {
  const recordKey = (marker as { key?: unknown }).key;
  if (typeof recordKey !== 'string') return undefined;
  const stored = await kv.get<StoredDeployment>(recordKey);
  return stored === undefined ? undefined : deploymentDigest(pushedPart<DeploymentPush>(stored));
}

/**
 * Stores a deployment unless its id was seen; all or nothing (one transaction). Pushes of one id
 * claim it first (app/push/push-claim.ts): one stores, identical copies are duplicates, and other
 * content under a stored id is refused with CONFLICT — a deployment is an immutable fact.
 */
export async function recordDeployment(
  kv: KeyValueStore,
  deployment: DeploymentPush,
  receivedAt: Date,
  freezes: readonly ProjectFreezeRelease[] = [],
): Promise<{ accepted: number; duplicate: boolean }> {
  requirePlausibleDeployment(deployment, receivedAt);
  const idKey = deploymentIdKey(deployment.id);
  const digest = deploymentDigest(deployment);
  const claim = await claimPush(kv, {
    key: idKey,
    digest,
    what: `deployment "${deployment.id}"`,
    field: 'id',
    legacyDigest: (marker) => legacyDeploymentDigest(kv, marker),
  });
  if (claim === null) return { accepted: 0, duplicate: true };
  const key = deploymentKey(deployment.finishedAt, deployment.id);
  const record: StoredDeployment = {
    ...deployment,
    schemaVersion: PUSH_LOG_SCHEMA_VERSION,
    receivedAt: receivedAt.toISOString(),
    ...(freezes.length === 0 ? {} : { freezes }),
  };
  const marker: DeploymentIdMarker = { key, digest, state: 'stored' };
  try {
    await kv.transact([
      { op: 'set', key, value: record },
      { op: 'set', key: idKey, value: marker },
    ]);
  } catch (error: unknown) {
    await releasePushClaim(kv, idKey, claim);
    throw error;
  }
  return { accepted: 1, duplicate: false };
}

/** `deploy-id:<id>`: where the deployment is stored and its content digest (none before). */
interface DeploymentIdMarker extends PushMarker {
  readonly key: string;
}

/** A stored record without what Ballast added to it (`receivedAt`, `schemaVersion`): what was pushed. */
function pushedPart<T extends object>(stored: T): T {
  return Object.fromEntries(
    Object.entries(stored).filter(([name]) => name !== 'receivedAt' && name !== 'schemaVersion'),
  ) as T;
}

/**
 * What makes two pushes of one deployment id the same deployment: where it went, what it shipped and
 * how it ended — not its times. The CLI stamps `finishedAt` with the moment it runs unless told
 * otherwise, and a retried CI step reuses the job's id (src/cli/README.md, "idempotent by id"), so a
 * retry differs only in time and must stay a duplicate; another status or service under the id is a
 * different deployment and is refused.
 */
const deploymentDigest = (d: DeploymentPush): string =>
  contentDigest({
    id: d.id,
    service: d.service,
    environment: d.environment,
    status: d.status,
    issueKeys: [...d.issueKeys].sort(),
  });

/**
 * Stores or updates an incident; a push identical to the stored one is a duplicate. Incidents change
 * (they get resolved), so the latest push of an id replaces the earlier one. The replacement is one
 * atomic write that returns what it replaced (`returnValue: 'PREVIOUS'`,
 * developer.atlassian.com/platform/forge/rest/v2/api-group-forge-kvs/): of identical pushes at
 * once, only the one that replaced other content is "accepted", the others saw their own content
 * and are told "duplicate".
 */
export async function recordIncident(
  kv: KeyValueStore,
  incident: IncidentPush,
  receivedAt: Date,
): Promise<{ accepted: number; duplicate: boolean }> {
  requirePlausibleIncident(incident, receivedAt);
  const key = incidentKey(incident.id);
  const same = (stored: StoredIncident | undefined): boolean =>
    stored !== undefined &&
    JSON.stringify(sorted(pushedPart<IncidentPush>(stored))) === JSON.stringify(sorted(incident));
  if (same(await kv.get<StoredIncident>(key))) return { accepted: 0, duplicate: true };
  const record: StoredIncident = {
    ...incident,
    schemaVersion: PUSH_LOG_SCHEMA_VERSION,
    receivedAt: receivedAt.toISOString(),
  };
  const replaced = await kv.setReturningPrevious<StoredIncident>(key, record);
  return same(replaced) ? { accepted: 0, duplicate: true } : { accepted: 1, duplicate: false };
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
