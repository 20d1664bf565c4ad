/**
 * The postmortem convention must name things the site has (issue #17): an issue type available in
 * the project (GET /rest/api/3/project/{key}, Project.issueTypes) and a link type of the site
 * (GET /rest/api/3/issueLinkType, IssueLinkTypes) — both in ../shared/jira-openapi/platform.v3.json.
 * Otherwise the opener could not create postmortems and the closure rate would count nothing, with
 * no sign why. Checked at settings save as the admin (two Jira calls), before anything is stored.
 */
import { parseProjectConfig, type ProjectConfig } from './project-config';
import type { PostmortemConvention } from '../../domain/postmortem';
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the site lacks for this convention, each naming the field and what exists; empty when none. */
export async function missingForConvention(
  jira: JiraPort,
  projectKey: string,
  convention: PostmortemConvention,
): Promise<string[]> {
  const [issueTypes, linkTypes] = await Promise.all([
    jira.projectIssueTypes(projectKey),
    jira.issueLinkTypes(),
  ]);
  const problems: string[] = [];
  if (!issueTypes.some((name) => same(name, convention.issueType))) {
    problems.push(
      `field "postmortem.issueType": project ${projectKey} has no issue type "${convention.issueType}" (it has: ${issueTypes.join(', ')})`,
    );
  }
  if (!linkTypes.some((t) => same(t.name, convention.actionLinkType))) {
    problems.push(
      `field "postmortem.actionLinkType": the site has no issue link type "${convention.actionLinkType}" (it has: ${linkTypes.map((t) => t.name).join(', ')})`,
    );
  }
  return problems;
}

/** At settings save: BAD_REQUEST naming what is missing; a shape problem is left to the save's validation. */
export async function requirePostmortemConvention(
  jira: JiraPort,
  projectKey: string,
  edited: unknown,
): Promise<void> {
  let config: ProjectConfig;
  try {
    config = parseProjectConfig(edited);
  } catch {
    return; // refused with every problem by saveProjectConfig
  }
  const problems = await missingForConvention(jira, projectKey, config.postmortem);
  if (problems.length === 0) return;
  throw new AppError(
    'BAD_REQUEST',
    `The configuration was not saved: ${problems.join('; ')}. Create it in Jira (README, "Postmortems") or name one that exists.`,
    { field: 'postmortem' },
  );
}
