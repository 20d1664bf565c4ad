/**
 * The push API's signing secret (one per site, in Forge's secret storage). Rotating keeps the
 * previous secret valid for a grace period, so connectors can be updated without losing pushes.
 */
import type { PushSettingsView, RotatedSecretView } from '../../contract/slo';
import type { JiraPort } from '../../ports/jira';
import type { SecretStore } from '../../ports/key-value-store';
import { AppError } from '../errors';

export const PUSH_SECRET_KEY = 'push-signing-secret';
/** A day: time to roll the new secret out to every cron job and pipeline. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3_600_000;

/** Records written before versions were introduced have none and read as version 1. */
export const PUSH_SECRET_SCHEMA_VERSION = 1;

interface SecretRecord {
  readonly schemaVersion?: typeof PUSH_SECRET_SCHEMA_VERSION;
  readonly current: { readonly secret: string; readonly createdAt: string };
  readonly previous?: { readonly secret: string; readonly validUntil: string };
}

/**
 * The stored secret if this version of Ballast can read it: version 1 (or the unversioned legacy
 * shape) with a current secret. Anything else reads as no secret — pushes are refused (401) and an
 * administrator rotates — rather than a crash on every push.
 */
export async function readSecretRecord(secrets: SecretStore): Promise<SecretRecord | undefined> {
  const record = await secrets.getSecret<SecretRecord>(PUSH_SECRET_KEY);
  if (record === undefined || record === null || typeof record !== 'object') return undefined;
  if ((record.schemaVersion ?? 1) !== PUSH_SECRET_SCHEMA_VERSION) return undefined;
  if (typeof record.current?.secret !== 'string' || record.current.secret === '') return undefined;
  return record;
}

export interface PushUrls {
  readonly sli: string | null;
  readonly deployments: string | null;
  readonly incidents: string | null;
  /** The release gate (`ballast gate check`): read-only, signed with the same secret. */
  readonly gateCheck: string | null;
}

export interface PushSettingsDeps {
  readonly jira: JiraPort;
  readonly secrets: SecretStore;
  readonly urls: () => Promise<PushUrls>;
}

/** The secrets a signature may be made with now (current first). */
export async function validPushSecrets(secrets: SecretStore, now: Date): Promise<string[]> {
  const record = await readSecretRecord(secrets);
  if (record === undefined) return [];
  const valid = [record.current.secret];
  if (record.previous !== undefined && Date.parse(record.previous.validUntil) > now.getTime()) {
    valid.push(record.previous.secret);
  }
  return valid;
}

function view(record: SecretRecord | undefined, urls: PushUrls, canEdit: boolean, now: Date) {
  const previousValid =
    record?.previous !== undefined && Date.parse(record.previous.validUntil) > now.getTime();
  return {
    urls,
    secretRotatedAt: record?.current.createdAt ?? null,
    previousSecretValidUntil: previousValid ? record.previous.validUntil : null,
    canEdit,
  };
}

export async function getPushSettings(
  deps: PushSettingsDeps,
  projectKey: string,
  now: Date,
): Promise<PushSettingsView> {
  const granted = await deps.jira.myPermissions({ projectKey }, ['BROWSE_PROJECTS', 'ADMINISTER']);
  if (!granted.BROWSE_PROJECTS) {
    throw new AppError('NOT_FOUND', `Project ${projectKey} does not exist or you cannot see it.`);
  }
  const record = await readSecretRecord(deps.secrets);
  return view(record, await deps.urls(), granted.ADMINISTER === true, now);
}

/** Makes `fresh` the secret; the old one stays valid for PREVIOUS_SECRET_GRACE_MS. */
export async function rotatePushSecret(
  deps: PushSettingsDeps,
  input: { projectKey: string; fresh: string; now: Date },
): Promise<RotatedSecretView> {
  // One secret signs every project's pushes, so rotating it is a Jira administrator's call (global
  // ADMINISTER), not one project admin's: it breaks every connector until they are updated.
  const granted = await deps.jira.myPermissions({ projectKey: input.projectKey }, ['ADMINISTER']);
  if (!granted.ADMINISTER) {
    throw new AppError(
      'FORBIDDEN',
      "Only Jira administrators can rotate the push API's secret: every project's connectors sign with it. Ask your Jira administrator.",
    );
  }
  const old = await readSecretRecord(deps.secrets);
  const record: SecretRecord = {
    schemaVersion: PUSH_SECRET_SCHEMA_VERSION,
    current: { secret: input.fresh, createdAt: input.now.toISOString() },
    ...(old === undefined
      ? {}
      : {
          previous: {
            secret: old.current.secret,
            validUntil: new Date(input.now.getTime() + PREVIOUS_SECRET_GRACE_MS).toISOString(),
          },
        }),
  };
  await deps.secrets.setSecret(PUSH_SECRET_KEY, record);
  return { ...view(record, await deps.urls(), true, input.now), secret: input.fresh };
}
