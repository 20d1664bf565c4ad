/**
 * The demo's retrospective actions (issue #23): the team agreed in its retrospectives to follow up
 * the first incidents' actions, and labelled them `retro-action` — Ballast's default retro-action
 * label — through Jira's REST API as the SRE would (PUT /rest/api/3/issue/{key} with an `update`
 * of `labels`; ../shared/jira-openapi/platform.v3.json). They are issues the Jira seed already
 * filed in past sprints, so the sprint review shows each one open, then done, sprint over sprint.
 */
const SRE_ACCOUNT_ID = 'acc-lena-sre';
export const RETRO_ACTION_LABEL = 'retro-action';
/** How many of the incidents' follow-ups the retrospectives took up. */
const TAKEN_UP = 4;

interface Found {
  issues: { key: string; fields: { summary?: string } }[];
}

async function asSre(jiraUrl: string, method: string, path: string, body: unknown) {
  const response = await fetch(`${jiraUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-sandbox-account-id': SRE_ACCOUNT_ID },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: Jira answered ${response.status}`);
  const text = await response.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** Labels the oldest incident follow-ups as retro actions; returns their keys. */
export async function labelDemoRetroActions(
  jiraUrl: string,
  projectKey: string,
): Promise<string[]> {
  const found = (await asSre(jiraUrl, 'POST', '/rest/api/3/search/jql', {
    jql: `project = ${projectKey} AND issuetype = "Task" AND labels = "sre" ORDER BY created ASC`,
    fields: ['summary'],
    maxResults: 50,
  })) as Found;
  const keys = found.issues
    .filter((issue) => issue.fields.summary?.startsWith('Postmortem action:'))
    .slice(0, TAKEN_UP)
    .map((issue) => issue.key);
  for (const key of keys) {
    await asSre(jiraUrl, 'PUT', `/rest/api/3/issue/${key}`, {
      update: { labels: [{ add: RETRO_ACTION_LABEL }] },
    });
  }
  return keys;
}
