/**
 * `trigger` on `avi:forge:installed:app` (developer.atlassian.com/platform/forge/events-reference/life-cycle/,
 * "Installation": payload `id` — the installation's id —, `installerAccountId?`, `app`,
 * `environment?`; the shape is pinned in test/fixtures/forge/events/app-installed.json). Records when
 * this installation began, so the settings page can tell data restored from an earlier one
 * (src/app/project/installation-record.ts). The installer's account id is not stored.
 */
import { z } from 'zod';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { recordInstallation } from '../../app/project/installation-record';
import { systemClock } from '../../ports/clock';

const eventSchema = z.looseObject({ id: z.string().min(1) });

export async function onAppInstalled(event: unknown): Promise<void> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    console.error('Ballast install trigger: unexpected event shape', parsed.error.issues[0]);
    return;
  }
  await recordInstallation(new ForgeKeyValueStore(), parsed.data.id, systemClock.now());
}
