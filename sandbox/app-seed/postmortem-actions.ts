/**
 * The demo's postmortem follow-up, as an SRE would do it in Jira after Ballast opened the
 * postmortem of the checkout incident: file the actions and link each to the postmortem with
 * "Relates" — the default postmortem convention (src/domain/postmortem/convention.ts) — through
 * Jira's REST API as that person (POST /rest/api/3/issue, POST /rest/api/3/issueLink;
 * ../shared/jira-openapi/platform.v3.json). The Incidents page then counts them in its closure rate.
 */
const SRE_ACCOUNT_ID = 'acc-lena-sre';

export const DEMO_ACTIONS = [
  'Alert on the checkout error rate before the budget burns',
  'Add a rollback step for the payment provider client',
  'Load-test checkout at the afternoon peak',
];

interface Found {
  issues: { key: string; fields: { summary?: string } }[];
}

async function asSre(jiraUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${jiraUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-sandbox-account-id': SRE_ACCOUNT_ID },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: Jira answered ${response.status}`);
  const text = await response.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** Files DEMO_ACTIONS and links them to each postmortem Ballast opened; returns the postmortems' keys. */
export async function linkDemoActions(jiraUrl: string, projectKey: string): Promise<string[]> {
  const jql = `project = ${projectKey} AND issuetype = "Task" AND labels = "postmortem" AND labels = "slo"`;
  const found = (await asSre(jiraUrl, 'POST', '/rest/api/3/search/jql', {
    jql,
    fields: ['summary'],
    maxResults: 50,
  })) as Found;
  const keys = found.issues.map((issue) => issue.key);
  for (const postmortem of keys) {
    for (const summary of DEMO_ACTIONS) {
      const created = (await asSre(jiraUrl, 'POST', '/rest/api/3/issue', {
        fields: {
          project: { key: projectKey },
          issuetype: { name: 'Task' },
          summary,
          labels: ['sre'],
        },
      })) as { key: string };
      await asSre(jiraUrl, 'POST', '/rest/api/3/issueLink', {
        type: { name: 'Relates' },
        inwardIssue: { key: postmortem },
        outwardIssue: { key: created.key },
      });
    }
  }
  return keys;
}
