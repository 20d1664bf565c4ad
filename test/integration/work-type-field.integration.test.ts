/**
 * The read-only "Ballast category" Jira field end to end: the issue trigger copies a changed work type into
 * the field (as the app, the only writer Jira accepts), and the field's value function answers
 * from the Ballast property for the issues Jira asks about, in order — in both search modes: Jira
 * calls the value function right after a change, before its search index may have seen it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID, WORK_TYPE_FIELD, type JiraEmulator } from '../../sandbox/jira';
import { SEARCH_MODES, startAppSandbox, type AppSandbox } from '../support/app-sandbox';

let sandbox: AppSandbox;
let jira: JiraEmulator;

describe.each(SEARCH_MODES)('the Ballast category field with %s search', (searchConsistency) => {
  beforeAll(async () => {
    sandbox = await startAppSandbox({ connectJira: true, searchConsistency });
    ({ jira } = sandbox);
  });
  afterAll(() => sandbox.close());

  const headers = { 'content-type': 'application/json', 'x-sandbox-account-id': MEMBER_ACCOUNT_ID };

  function untaggedTask(skip: number) {
    const task = jira.state.issueTypes.find((t) => t.name === 'Task')!;
    return jira.state.issues.filter(
      (i) =>
        i.issueTypeId === task.id && i.labels.length === 0 && !i.properties.ballast && !i.parentId,
    )[skip]!;
  }

  it('follows the type the rules give an issue, written by the trigger', async () => {
    const issue = untaggedTask(0);
    const response = await fetch(`${jira.url}/rest/api/3/issue/${issue.key}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ update: { labels: [{ add: 'toil' }] } }),
    });
    expect(response.status).toBe(204);
    await sandbox.host.idle();
    expect(issue.custom[WORK_TYPE_FIELD.id]).toBe('toil');
    // Jira keeps the change in the issue's history, made by the app.
    const fieldChanges = issue.changelog
      .flatMap((c) => c.items)
      .filter((item) => item.fieldId === WORK_TYPE_FIELD.id);
    expect(fieldChanges.at(-1)).toMatchObject({ toString: 'toil' });
  });

  it('answers the value function with a type written a moment ago', async () => {
    const issue = untaggedTask(1);
    await fetch(`${jira.url}/rest/api/3/issue/${issue.key}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ update: { labels: [{ add: 'toil' }] } }),
    });
    await sandbox.host.idle();
    expect((issue.properties.ballast as { workType: string }).workType).toBe('toil');
    const values = await sandbox.host.invoke('ballast-work-type', {
      field: { id: WORK_TYPE_FIELD.id, key: WORK_TYPE_FIELD.key, name: 'Ballast category' },
      issues: [{ id: Number(issue.id), value: null }],
    });
    expect(values).toEqual(['toil']);
  });

  it('answers the value function in the order asked, unclassified when nothing is stored', async () => {
    const tagged = jira.state.issues.find((i) => i.properties.ballast !== undefined)!;
    const bare = untaggedTask(1);
    const values = await sandbox.host.invoke('ballast-work-type', {
      field: { id: WORK_TYPE_FIELD.id, key: WORK_TYPE_FIELD.key, name: 'Ballast category' },
      issues: [
        { id: Number(bare.id), value: null },
        { id: Number(tagged.id), value: null },
        { id: 999_999, value: null },
      ],
    });
    expect(values).toEqual([
      'unclassified',
      (tagged.properties.ballast as { workType: string }).workType,
      null,
    ]);
  });
});
