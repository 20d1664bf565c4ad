/**
 * A deployment recorded while a project's gate is FROZEN is marked so (issue #22, PRODUCT.md §7:
 * "Releases made during a freeze are marked on the Delivery page and in the audit log"), with what
 * let it through — the release gate's own decision (src/app/gate/release-check.ts) on the items it
 * carries, at the moment it is recorded. Only deployments recorded soon after they finished are
 * judged: the gate of now says nothing about a backfilled deployment of last month.
 */
import type { FreezeRelease } from '../../contract/planner';
import type { DeploymentPush } from '../../contract/push-api';
import { projectReleases, type ProjectRelease, type ReleaseCheckDeps } from '../gate/release-check';
import { deploymentProjects } from '../gate/release-targets';

/**
 * A pipeline records its deployment when it ends (`ballast deploy record`, README); one finished
 * more than this before it was recorded is a backfill, and is not judged against today's gate.
 */
export const JUDGED_WITHIN_MS = 60 * 60_000;

export interface ProjectFreezeRelease extends FreezeRelease {
  readonly projectKey: string;
}

function freezeOf(result: ProjectRelease, note?: string): ProjectFreezeRelease {
  const { view } = result;
  return {
    projectKey: view.projectKey,
    allowedBy: view.rule === 'override' ? 'override' : view.rule === 'all-exempt' ? 'exempt' : null,
    override:
      view.override === null || result.overrideBy === null
        ? null
        : {
            accountId: result.overrideBy,
            reason: view.override.reason,
            until: view.override.until,
          },
    items: view.items.map((i) => ({
      key: i.key,
      allowed: i.allowed,
      rule: i.rule,
      message: i.message,
    })),
    frozenBy: [...new Set(view.frozenBy.map((f) => f.slo))],
    ...(note === undefined ? {} : { note }),
  };
}

/** The FROZEN projects of a deployment just pushed, each with what let the release through. */
export async function freezeReleasesOf(
  deps: ReleaseCheckDeps,
  deployment: DeploymentPush,
  receivedAt: Date,
): Promise<ProjectFreezeRelease[]> {
  if (receivedAt.getTime() - Date.parse(deployment.finishedAt) > JUDGED_WITHIN_MS) return [];
  const targets = await deploymentProjects(deps.store, deployment);
  if (targets.length === 0) return [];
  // The gates first (storage only): the items are read from Jira only for a FROZEN project.
  const gates = await projectReleases(deps, targets, [], receivedAt);
  const frozen = gates.filter((r) => r.view.state === 'FROZEN');
  if (frozen.length === 0) return [];
  const projects = frozen.map((r) => r.view.projectKey);
  try {
    const judged = await projectReleases(deps, projects, deployment.issueKeys, receivedAt);
    return judged.filter((r) => r.view.state === 'FROZEN').map((r) => freezeOf(r));
  } catch (error: unknown) {
    // Jira unavailable: the gate itself is Ballast's own data, so the freeze is still marked.
    console.error('Ballast: the items of a deployment could not be judged', error);
    return frozen.map((r) =>
      freezeOf(r, 'Its items could not be read from Jira when it was recorded.'),
    );
  }
}
