import { describe, expect, it } from 'vitest';
import { DEFAULT_POSTMORTEM_CONVENTION } from '../../domain/postmortem';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { postmortemJql, readPostmortemHistory } from './postmortem-history';

type Link = { type: string; to: string; direction?: 'inward' | 'outward' };

const issue = (
  key: string,
  project: string,
  more: { type?: string; labels?: string[]; links?: Link[]; duedate?: string } = {},
): JiraIssue => ({
  id: key,
  key,
  fields: {
    summary: `summary of ${key}`,
    created: '2026-11-01T10:00:00.000+0000',
    resolutiondate: null,
    duedate: more.duedate ?? null,
    project: { key: project },
    issuetype: { name: more.type ?? 'Task' },
    labels: more.labels ?? ['postmortem'],
    issuelinks: (more.links ?? []).map((link) => ({
      type: { name: link.type, inward: 'relates to', outward: 'relates to' },
      ...(link.direction === 'inward'
        ? { inwardIssue: { key: link.to } }
        : { outwardIssue: { key: link.to } }),
    })),
  },
});

/** A Jira answering the postmortem search and then the action search with these issues. */
function jiraAnswering(postmortems: JiraIssue[], actions: JiraIssue[]) {
  const searches: { jql: string; fields: readonly string[] }[] = [];
  const jira = {
    searchAll: (jql: string, options: { fields: readonly string[] }) => {
      searches.push({ jql, fields: options.fields });
      return Promise.resolve(searches.length === 1 ? postmortems : actions);
    },
  } as unknown as JiraPort;
  return { jira, searches };
}

describe('postmortems and their actions, by the project’s convention', () => {
  it('searches the convention’s issue type and label, with JQL strings quoted', () => {
    expect(postmortemJql('SHOP', DEFAULT_POSTMORTEM_CONVENTION)).toBe(
      'project = SHOP AND issuetype = "Task" AND labels = "postmortem" ORDER BY created DESC',
    );
    expect(
      postmortemJql('SHOP', {
        ...DEFAULT_POSTMORTEM_CONVENTION,
        issueType: 'Post "PIR"',
        label: null,
      }),
    ).toBe('project = SHOP AND issuetype = "Post \\"PIR\\"" ORDER BY created DESC');
  });

  it('counts the issues linked by the convention’s link type in either direction, once each, in the project only', async () => {
    const { jira, searches } = jiraAnswering(
      [
        issue('SHOP-1', 'SHOP', {
          links: [
            { type: 'Relates', to: 'SHOP-9' },
            { type: 'relates', to: 'SHOP-8', direction: 'inward' },
            { type: 'Blocks', to: 'SHOP-7' },
            { type: 'Relates', to: 'OPS-7' },
          ],
        }),
        issue('SHOP-2', 'SHOP', {
          links: [
            { type: 'Relates', to: 'SHOP-9' },
            { type: 'Relates', to: 'SHOP-1' },
          ],
        }),
        // Found by the search but not a postmortem under the convention (a stale index, say).
        issue('SHOP-3', 'SHOP', { labels: ['sre'], links: [{ type: 'Relates', to: 'SHOP-6' }] }),
        issue('OPS-1', 'OPS', { links: [{ type: 'Relates', to: 'SHOP-5' }] }),
      ],
      [issue('SHOP-9', 'SHOP', { duedate: '2026-11-10' }), issue('SHOP-8', 'OPS')],
    );
    const history = await readPostmortemHistory(jira, {
      projectKey: 'SHOP',
      convention: DEFAULT_POSTMORTEM_CONVENTION,
    });
    expect(history.postmortems.map((p) => [p.key, p.actionKeys])).toEqual([
      ['SHOP-1', ['SHOP-8', 'SHOP-9']],
      ['SHOP-2', ['SHOP-1', 'SHOP-9']],
    ]);
    // SHOP-1 is a postmortem, not SHOP-2's action; OPS-7, SHOP-7 (Blocks) and what the dropped
    // issues link are never asked for; SHOP-8, answered as an OPS issue, is dropped.
    expect(searches[1]!.jql).toBe('project = SHOP AND key in (SHOP-8, SHOP-9)');
    expect(searches[1]!.fields).toContain('duedate');
    expect(history.actions).toEqual([
      {
        key: 'SHOP-9',
        createdAt: '2026-11-01T10:00:00.000+0000',
        resolvedAt: null,
        dueDate: '2026-11-10',
        postmortemKey: 'SHOP-1',
      },
    ]);
  });

  it('does not count the postmortem’s incident, linked by the same type, as its action', async () => {
    const { jira } = jiraAnswering(
      [
        issue('SHOP-1', 'SHOP', {
          links: [
            { type: 'Relates', to: 'SHOP-40', direction: 'inward' },
            { type: 'Relates', to: 'SHOP-9' },
          ],
        }),
      ],
      [issue('SHOP-9', 'SHOP')],
    );
    const history = await readPostmortemHistory(jira, {
      projectKey: 'SHOP',
      convention: DEFAULT_POSTMORTEM_CONVENTION,
      incidentKeys: new Set(['SHOP-40']),
    });
    expect(history.postmortems[0]!.actionKeys).toEqual(['SHOP-9']);
    expect(history.actions.map((a) => a.key)).toEqual(['SHOP-9']);
  });

  it('reads no actions when no postmortem links any', async () => {
    const { jira, searches } = jiraAnswering([issue('SHOP-1', 'SHOP')], []);
    const history = await readPostmortemHistory(jira, {
      projectKey: 'SHOP',
      convention: DEFAULT_POSTMORTEM_CONVENTION,
    });
    expect(history).toMatchObject({ actions: [] });
    expect(history.postmortems).toHaveLength(1);
    expect(searches).toHaveLength(1);
  });
});
