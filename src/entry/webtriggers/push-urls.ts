/** The push API's web-trigger URLs of this installation, for the settings page and connectors. */
import { webTrigger } from '@forge/api';
import type { PushUrls } from '../../app/push/push-secret';

export const PUSH_TRIGGER_KEYS = {
  sli: 'ballast-sli-push',
  deployments: 'ballast-deployment-push',
  incidents: 'ballast-incident-push',
  gateCheck: 'ballast-gate-check',
} as const;

async function urlOf(key: string): Promise<string | null> {
  try {
    return await webTrigger.getUrl(key);
  } catch (error: unknown) {
    // A module missing from the installed version (an older deploy) has no URL; say so, not fail.
    console.error(`Ballast: no web-trigger URL for ${key}`, error);
    return null;
  }
}

export async function pushUrls(): Promise<PushUrls> {
  const [sli, deployments, incidents, gateCheck] = await Promise.all([
    urlOf(PUSH_TRIGGER_KEYS.sli),
    urlOf(PUSH_TRIGGER_KEYS.deployments),
    urlOf(PUSH_TRIGGER_KEYS.incidents),
    urlOf(PUSH_TRIGGER_KEYS.gateCheck),
  ]);
  return { sli, deployments, incidents, gateCheck };
}
