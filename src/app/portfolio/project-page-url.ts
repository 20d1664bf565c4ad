/**
 * Where a project's Ballast page is. Jira builds a project page's URL as
 * `/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}`
 * (developer.atlassian.com/platform/forge/manifest-reference/modules/jira-project-page/), and a
 * Forge module's `localId` names the app and environment
 * (`ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}`). Without them (a context
 * that does not carry the ARI) the link goes to the project itself, `/jira/{type}/projects/{key}`.
 */
export interface AppEnvironment {
  readonly appId: string;
  readonly envId: string;
}

const EXTENSION_ARI = /^ari:cloud:ecosystem::extension\/([0-9a-f-]+)\/([0-9a-z-]+)\/static\//i;

export function appEnvironmentOf(localId: unknown): AppEnvironment | null {
  if (typeof localId !== 'string') return null;
  const match = EXTENSION_ARI.exec(localId);
  return match?.[1] && match[2] ? { appId: match[1], envId: match[2] } : null;
}

export function projectPageUrl(
  project: { key: string; projectTypeKey?: string | undefined },
  app: AppEnvironment | null,
): string {
  const base = `/jira/${encodeURIComponent(project.projectTypeKey ?? 'software')}/projects/${encodeURIComponent(project.key)}`;
  return app === null
    ? base
    : `${base}/apps/${encodeURIComponent(app.appId)}/${encodeURIComponent(app.envId)}`;
}
