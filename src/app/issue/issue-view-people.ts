/**
 * The issue panel's people by name: the account ids a view carries (who chose the category, who
 * ticked each DoD item, who recorded the freeze override) looked up in one bulk call as the person
 * asking (src/app/people/display-names.ts); a failed look-up leaves the names out, never the view.
 */
import type { IssueView } from '../../contract/issue-panel';
import type { JiraPort } from '../../ports/jira';
import { displayNames } from '../people/display-names';

type WithoutPeople = Omit<IssueView, 'people'>;

export function accountIdsIn(view: WithoutPeople): string[] {
  return [
    ...(view.workType.setBy === undefined ? [] : [view.workType.setBy]),
    ...view.dod.items.flatMap((item) => ('by' in item && item.by ? [item.by] : [])),
    ...(view.gate?.override ? [view.gate.override.accountId] : []),
  ];
}

export async function withPeople(jira: JiraPort, view: WithoutPeople): Promise<IssueView> {
  return { ...view, people: await displayNames(jira, accountIdsIn(view)) };
}
