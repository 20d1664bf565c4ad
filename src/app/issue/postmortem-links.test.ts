import { describe, expect, it } from 'vitest';
import { anIssue } from '../../domain/dod/testing/generators';
import { DEFAULT_POSTMORTEM_CONVENTION } from '../../domain/postmortem';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { linkedPostmortems } from './postmortem-links';

const found = (key: string, labels: string[], type = 'Task'): JiraIssue => ({
  id: key,
  key,
  fields: { issuetype: { name: type }, labels },
});

function jiraAnswering(issues: JiraIssue[]) {
  const searches: string[] = [];
  const jira = {
    searchAll: (jql: string) => {
      searches.push(jql);
      return Promise.resolve(issues);
    },
  } as unknown as JiraPort;
  return { jira, searches };
}

const RULE = '"Relates" link to a postmortem (Task labelled "postmortem")';

describe('which postmortems an issue is an action of', () => {
  it('asks Jira nothing when no link of the convention’s type reaches an issue of its type', async () => {
    const { jira, searches } = jiraAnswering([]);
    const issue = anIssue({
      links: [
        { type: 'Blocks', direction: 'outward', issueKey: 'SHOP-2', issueType: 'Task' },
        { type: 'Relates', direction: 'inward', issueKey: 'SHOP-3', issueType: 'Story' },
      ],
    });
    expect(await linkedPostmortems(jira, issue, DEFAULT_POSTMORTEM_CONVENTION)).toEqual({
      rule: RULE,
      keys: [],
    });
    expect(searches).toEqual([]);
  });

  it('checks the label of the linked Tasks with one search, keeping those that carry it', async () => {
    const { jira, searches } = jiraAnswering([found('SHOP-4', ['postmortem', 'slo'])]);
    const issue = anIssue({
      links: [
        { type: 'relates', direction: 'inward', issueKey: 'SHOP-4', issueType: 'Task' },
        { type: 'Relates', direction: 'outward', issueKey: 'SHOP-5', issueType: 'task' },
      ],
    });
    expect(await linkedPostmortems(jira, issue, DEFAULT_POSTMORTEM_CONVENTION)).toEqual({
      rule: RULE,
      keys: ['SHOP-4'],
    });
    expect(searches).toEqual(['key in (SHOP-4, SHOP-5) AND labels = "postmortem"']);
  });

  it('needs no search when the convention has no label: the issue type says it', async () => {
    const { jira, searches } = jiraAnswering([]);
    const convention = { ...DEFAULT_POSTMORTEM_CONVENTION, issueType: 'Postmortem', label: null };
    const issue = anIssue({
      links: [
        { type: 'Relates', direction: 'inward', issueKey: 'SHOP-6', issueType: 'Postmortem' },
      ],
    });
    expect(await linkedPostmortems(jira, issue, convention)).toEqual({
      rule: '"Relates" link to a postmortem (Postmortem)',
      keys: ['SHOP-6'],
    });
    expect(searches).toEqual([]);
  });
});
