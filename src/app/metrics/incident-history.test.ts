import { describe, expect, it } from 'vitest';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { readIncidentHistory } from './incident-history';

const issue = (key: string, project: string, links: string[] = []): JiraIssue => ({
  id: key,
  key,
  fields: {
    summary: `summary of ${key}`,
    created: '2026-11-01T10:00:00.000+0000',
    resolutiondate: '2026-11-01T12:00:00.000+0000',
    project: { key: project },
    issuelinks: links.map((to) => ({
      type: { name: 'Postmortem', outward: 'has postmortem action' },
      outwardIssue: { key: to },
    })),
  },
});

/** A Jira answering the incident search and the action search with these issues. */
function jiraAnswering(incidents: JiraIssue[], actions: JiraIssue[]) {
  const searches: { jql: string; fields: readonly string[] }[] = [];
  const jira = {
    searchAll: (jql: string, options: { fields: readonly string[] }) => {
      searches.push({ jql, fields: options.fields });
      return Promise.resolve(searches.length === 1 ? incidents : actions);
    },
  } as unknown as JiraPort;
  return { jira, searches };
}

describe('the incident history keeps to its project', () => {
  it('drops every incident Jira says is in another project', async () => {
    const { jira, searches } = jiraAnswering(
      [issue('SHOP-1', 'SHOP', ['SHOP-9', 'OPS-7', 'SHOP-8']), issue('OPS-1', 'OPS', ['SHOP-7'])],
      [issue('SHOP-9', 'SHOP'), issue('SHOP-8', 'OPS')],
    );
    const history = await readIncidentHistory(jira, {
      projectKey: 'SHOP',
      incidentJql: 'issuetype = Incident',
    });
    expect(history.issues.map((i) => i.key)).toEqual(['SHOP-1']);
    expect(history.incidents.map((i) => i.key)).toEqual(['SHOP-1']);
    // Postmortem actions are read by the postmortem convention (postmortem-history.test.ts).
    expect(searches).toHaveLength(1);
    expect(searches.every((s) => s.fields.includes('project'))).toBe(true);
  });

  it('drops a result without its project field rather than trusting it', async () => {
    const bare = issue('SHOP-2', 'SHOP');
    const fields = { ...bare.fields };
    delete fields.project;
    const { jira } = jiraAnswering([{ ...bare, fields }], []);
    const history = await readIncidentHistory(jira, { projectKey: 'SHOP', incidentJql: 'a = b' });
    expect(history.issues).toEqual([]);
  });
});
