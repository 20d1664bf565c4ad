/**
 * The Delivery subpage: its section of the stored snapshot, and the names of the people it names —
 * the authors of the overrides that let releases through a freeze. The snapshot keeps account ids
 * only (names are personal data Ballast does not store, app/privacy/stored-people.ts), so the names
 * are looked up in Jira as the page is served.
 */
import type { DeliveryData, SnapshotAnswer } from '../../contract/project-page';
import { displayNames } from '../people/display-names';
import { deliveryOf } from './sections';
import { serveSection, type ServeDeps } from './serve-project-page';

export async function serveDelivery(
  deps: ServeDeps,
  projectKey: string,
): Promise<SnapshotAnswer<DeliveryData>> {
  const answer = await serveSection(deps, projectKey, deliveryOf);
  if (answer.status !== 'ready') return answer;
  const ids = (answer.data.delivery.freezeReleases ?? []).flatMap((r) =>
    r.override === null ? [] : [r.override.accountId],
  );
  return { ...answer, data: { ...answer.data, people: await displayNames(deps.jira, ids) } };
}
