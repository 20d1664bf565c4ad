/**
 * Which postmortems an issue is an action of, for the Definition of Done check "postmortem action
 * linked" (src/domain/dod/auto-check.ts `postmortemLinked`), under the project's postmortem
 * convention — the same one the opener creates postmortems by and the closure rate counts
 * (src/domain/postmortem). The issue's own links name each linked issue's type (IssueLink's
 * LinkedIssue.fields holds summary, status, priority, issuetype — no labels; platform.v3.json
 * `Fields`), so with a label in the convention the candidates are checked with one search, and only
 * when the issue has a link of the convention's type to an issue of its type (most have none).
 */
import type { DodIssue } from '../../domain/dod';
import {
  describePostmortem,
  isActionLink,
  isPostmortem,
  type PostmortemConvention,
} from '../../domain/postmortem';
import type { JiraPort } from '../../ports/jira';
import { jqlString } from '../metrics/postmortem-history';

export const postmortemRule = (convention: PostmortemConvention): string =>
  `"${convention.actionLinkType}" link to a postmortem (${describePostmortem(convention)})`;

export async function linkedPostmortems(
  jira: JiraPort,
  issue: DodIssue,
  convention: PostmortemConvention,
): Promise<NonNullable<DodIssue['postmortems']>> {
  const rule = postmortemRule(convention);
  const candidates = [
    ...new Set(
      issue.links
        .filter(
          (link) =>
            isActionLink(link.type, convention) &&
            link.issueType !== undefined &&
            isPostmortem({ issueType: link.issueType, labels: [] }, { ...convention, label: null }),
        )
        .map((link) => link.issueKey),
    ),
  ].sort();
  if (candidates.length === 0 || convention.label === null) return { rule, keys: candidates };
  const labelled = await jira.searchAll(
    `key in (${candidates.join(', ')}) AND labels = ${jqlString(convention.label)}`,
    { fields: ['issuetype', 'labels'] },
  );
  const keys = labelled
    .filter((found) =>
      isPostmortem(
        { issueType: found.fields.issuetype?.name ?? '', labels: found.fields.labels ?? [] },
        convention,
      ),
    )
    .map((found) => found.key)
    .filter((key) => candidates.includes(key))
    .sort();
  return { rule, keys };
}
