/**
 * When this installation of Ballast was installed, from Forge's `avi:forge:installed:app` life
 * cycle event (developer.atlassian.com/platform/forge/events-reference/life-cycle/: payload `id`,
 * the installation's id, and `app`). Forge keeps an uninstalled app's hosted storage for 28 days but
 * gives it to a new installation only when the developer files a recovery request with the
 * customer's consent (developer.atlassian.com/platform/forge/storage-reference/, "Data recovery for
 * apps with hosted storage"); data older than the installation is then that earlier one's, and the
 * settings page says so.
 */
import type { KeyValueStore } from '../../ports/key-value-store';

/** `installation:<installation id>`: one record per installation event received. */
export const INSTALLATION_PREFIX = 'installation:';

/**
 * The id as a storage key: an installation id is an ARI (`ari:cloud:ecosystem::installation/<uuid>`),
 * and `/` is not allowed in Forge KVS keys (`[A-Za-z0-9:._\s\-#]`, at most 500 characters;
 * developer.atlassian.com/platform/forge/limits-kvs-ce/).
 */
const keyOf = (installationId: string): string =>
  `${INSTALLATION_PREFIX}${installationId.replace(/[^A-Za-z0-9:._#-]/g, '_').slice(0, 400)}`;

export interface InstallationRecord {
  readonly schemaVersion: 1;
  readonly installationId: string;
  readonly installedAt: string;
}

export async function recordInstallation(
  kv: KeyValueStore,
  installationId: string,
  at: Date,
): Promise<void> {
  const record: InstallationRecord = {
    schemaVersion: 1,
    installationId,
    installedAt: at.toISOString(),
  };
  // The first event wins: a redelivered event must not move the installation's time.
  await kv.setIfAbsent(keyOf(installationId), record);
}

/** The latest installation's time, or null when no installation event was ever received. */
export async function latestInstallation(kv: KeyValueStore): Promise<string | null> {
  let latest: string | null = null;
  let cursor: string | undefined;
  do {
    const page = await kv.list<InstallationRecord>(INSTALLATION_PREFIX, {
      limit: 20,
      ...(cursor ? { cursor } : {}),
    });
    for (const { value } of page.entries)
      if (value.schemaVersion === 1 && (latest === null || value.installedAt > latest))
        latest = value.installedAt;
    cursor = page.cursor;
  } while (cursor !== undefined);
  return latest;
}
