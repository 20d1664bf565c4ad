/**
 * The bulk issue refresh end to end: the hourly job classifies and indexes every issue of a known
 * project — items nobody touched since install stop being "unclassified" when a rule tags them — and
 * copies each category into the Ballast category field; a second run within a day writes nothing. In both
 * search modes: with `eventual` search, the pass's search may show an issue as it was before a
 * change made a moment ago, and the refresh must not write values derived from that older copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID, WORK_TYPE_FIELD, type JiraEmulator } from '../../sandbox/jira';
import { SEARCH_MODES, startAppSandbox, type AppSandbox } from '../support/app-sandbox';

let sandbox: AppSandbox;
let jira: JiraEmulator;

describe.each(SEARCH_MODES)('the bulk issue refresh with %s search', (searchConsistency) => {
  beforeAll(async () => {
    sandbox = await startAppSandbox({ searchConsistency });
    ({ jira } = sandbox);
    // Opening the project page makes SHOP a known project.
    await sandbox.host.invokeResolver({
      moduleKey: 'ballast-issue-panel',
      functionKey: 'project/overview',
      payload: {},
      accountId: MEMBER_ACCOUNT_ID,
      extension: { project: { key: 'SHOP' } },
    });
  });
  afterAll(() => sandbox.close());

  const shop = () => {
    const project = jira.state.projects.find((p) => p.key === 'SHOP')!;
    return jira.state.issues.filter((i) => i.projectId === project.id);
  };
  /** Property and field writes counted by the emulator since its stats were reset. */
  const writesSince = () =>
    Object.keys(jira.stats.snapshot().byRoute).filter((route) =>
      /^(PUT|POST) .*(properties|app\/field)/.test(route),
    );
  const typeOf = (i: { properties: Record<string, unknown> }) =>
    (i.properties.ballast as { workType?: string } | undefined)?.workType;

  it('tags every issue the rules can tag and fills the Ballast category field', async () => {
    const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
    const plainStories = shop().filter(
      (i) =>
        i.issueTypeId === story.id && i.labels.length === 0 && i.properties.ballast === undefined,
    );
    expect(plainStories.length).toBeGreaterThan(1);
    // A moment before the run, someone labels one of them toil (no trigger runs in this sandbox).
    const relabelled = plainStories[0]!;
    const response = await fetch(`${jira.url}/rest/api/3/issue/${relabelled.key}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-sandbox-account-id': MEMBER_ACCOUNT_ID },
      body: JSON.stringify({ update: { labels: [{ add: 'toil' }] } }),
    });
    expect(response.status).toBe(204);
    jira.stats.reset();
    await sandbox.host.runScheduled('ballast-issue-refresh');
    expect(writesSince()).not.toEqual([]);
    const issues = shop();
    expect(issues.every((i) => i.properties.ballast !== undefined)).toBe(true);
    // Default rule: a Story with no other match is feature work.
    for (const s of plainStories.slice(1)) expect(typeOf(s), s.key).toBe('feature');
    expect(typeOf(relabelled)).toBe('toil');
    for (const i of issues) expect(i.custom[WORK_TYPE_FIELD.id], i.key).toBe(typeOf(i));
  });

  it('writes nothing on a second run the same day', async () => {
    jira.stats.reset();
    await sandbox.host.runScheduled('ballast-issue-refresh');
    expect(writesSince()).toEqual([]);
  });
});
