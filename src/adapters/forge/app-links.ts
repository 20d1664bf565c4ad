/**
 * Links into the app as Jira serves it: the project page is at
 * `/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}`
 * (developer.atlassian.com/platform/forge/manifest-reference/modules/jira-project-page/), with this
 * app's id and environment from the Forge runtime (`getAppContext`, @forge/api).
 */
import { getAppContext } from '@forge/api';

export function projectPageUrl(siteUrl: string, projectKey: string): string {
  const { appAri, environmentAri } = getAppContext();
  return `${siteUrl.replace(/\/+$/, '')}/jira/software/projects/${encodeURIComponent(projectKey)}/apps/${appAri.appId}/${environmentAri.environmentId}`;
}

/**
 * Origins a webhook may be saved for besides Slack's and Teams' own, from the Forge environment
 * variable `BALLAST_WEBHOOK_ORIGINS` (comma-separated; `forge variables set`,
 * developer.atlassian.com/platform/forge/environments-and-versions/). The sandbox sets it to its
 * local receiver; a production site normally leaves it unset.
 */
export function extraWebhookOrigins(): string[] {
  return (process.env.BALLAST_WEBHOOK_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
}
