/**
 * The issue panel's resolvers end to end: the app's real src/index.ts run by the sandbox Forge host,
 * the real @forge/api and @forge/kvs, against the Jira emulator with the seeded SHOP project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForgeHost } from '../../sandbox/forge/host';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import type { IssueView } from '../../src/contract/issue-panel';
import type { Envelope } from '../../src/contract/envelope';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let host: ForgeHost;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira, host } = sandbox);
});
afterAll(() => sandbox.close());

/** An issue of the seed by type name, with no Ballast property and no labels. */
function untaggedIssue(typeName: string): string {
  const type = jira.state.issueTypes.find((t) => t.name === typeName);
  const issue = jira.state.issues.find(
    (i) =>
      i.issueTypeId === type?.id && i.labels.length === 0 && !i.properties.ballast && !i.parentId,
  );
  if (!issue) throw new Error(`the seed has no untagged ${typeName}`);
  return issue.key;
}

async function call(
  key: string,
  payload: unknown,
  accountId = MEMBER_ACCOUNT_ID,
  issueKey?: string,
) {
  const target = issueKey ?? (payload as { issueKey: string }).issueKey;
  return (await host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: key,
    payload,
    accountId,
    extension: { type: 'jira:issuePanel', project: { key: 'SHOP' }, issue: { key: target } },
  })) as Envelope<IssueView>;
}

function data(envelope: Envelope<IssueView>): IssueView {
  if (!envelope.ok)
    throw new Error(`resolver failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

describe('issue panel resolvers', () => {
  it('classify an untagged Bug as reliability by the default rule, and show its DoD', async () => {
    const issueKey = untaggedIssue('Bug');
    const view = data(await call('issue/get', { issueKey }));
    expect(view.workType).toMatchObject({ type: 'reliability', source: 'rule' });
    expect(view.workType.reason).toMatch(/^Rule #\d+ ".+" \(reliability\): issue type is "Bug"\.$/);
    expect(view.dod.template?.id).toBeDefined();
    expect(view.dod.items.length).toBe(view.dod.total);
    expect(view.problems).toEqual([]);
  });

  it('set a type by hand, store it on the issue for JQL, and say who set it', async () => {
    const issueKey = untaggedIssue('Story');
    const view = data(await call('issue/setWorkType', { issueKey, workType: 'toil' }));
    expect(view.workType).toMatchObject({
      type: 'toil',
      source: 'manual',
      setBy: MEMBER_ACCOUNT_ID,
    });
    const stored = jira.state.issues.find((i) => i.key === issueKey)?.properties.ballast as Record<
      string,
      unknown
    >;
    expect(stored).toMatchObject({
      version: 1,
      workType: 'toil',
      workTypeSource: { kind: 'manual', by: MEMBER_ACCOUNT_ID },
      dodComplete: 0,
      dodOpenRequired: view.dod.openRequired.length,
    });
    const found = await fetch(`${jira.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-account-id': MEMBER_ACCOUNT_ID },
      body: JSON.stringify({
        jql: `project = SHOP AND ballastCategory = toil AND key = ${issueKey}`,
        fields: ['summary'],
      }),
    }).then((r) => r.json() as Promise<{ issues: { key: string }[] }>);
    expect(found.issues.map((i) => i.key)).toEqual([issueKey]);
  });

  it('clear the manual choice so the rules decide again', async () => {
    const issueKey = untaggedIssue('Story');
    data(await call('issue/setWorkType', { issueKey, workType: 'debt' }));
    const view = data(await call('issue/setWorkType', { issueKey, workType: null }));
    expect(view.workType).toMatchObject({ type: 'feature', source: 'rule' });
  });

  it('tick a manual DoD item, recording who; the progress counts it', async () => {
    const issueKey = untaggedIssue('Bug');
    const before = data(await call('issue/get', { issueKey }));
    const item = before.dod.items.find((i) => i.kind === 'manual' && i.state === 'open')!;
    const after = data(await call('issue/tickDodItem', { issueKey, itemId: item.id, done: true }));
    expect(after.dod.items.find((i) => i.id === item.id)).toMatchObject({
      state: 'done',
      by: MEMBER_ACCOUNT_ID,
    });
    expect(after.dod.done).toBe(before.dod.done + 1);
    const again = data(await call('issue/get', { issueKey }));
    expect(again.dod.items.find((i) => i.id === item.id)?.state).toBe('done');
  });

  it.each([
    [
      'an item that is not in the template',
      { itemId: 'no-such-item', done: true },
      'BAD_REQUEST',
      'itemId',
    ],
    ['a done flag that is not a boolean', { itemId: 'x', done: 'yes' }, 'BAD_REQUEST', 'done'],
  ])('refuse %s, naming the field', async (_name, change, code, field) => {
    const issueKey = untaggedIssue('Bug');
    const envelope = await call('issue/tickDodItem', { issueKey, ...change });
    expect(envelope).toMatchObject({ ok: false, error: { code, field } });
  });

  it('refuse an unknown work type, naming the field and leaving the issue as it was', async () => {
    const issueKey = untaggedIssue('Task');
    const before = jira.state.issues.find((i) => i.key === issueKey)?.properties.ballast;
    const envelope = await call('issue/setWorkType', { issueKey, workType: 'chores' });
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'workType' },
    });
    expect(jira.state.issues.find((i) => i.key === issueKey)?.properties.ballast).toEqual(before);
  });

  it('read the frame’s own issue when the payload names none, so the panel can ask before it has the Forge context', async () => {
    const named = data(await call('issue/get', { issueKey: 'SHOP-1' }));
    const own = data(await call('issue/get', {}, MEMBER_ACCOUNT_ID, 'SHOP-1'));
    expect(own.issueKey).toBe('SHOP-1');
    expect(own).toEqual(named);
  });

  it('refuse a payload naming another issue than the panel is on', async () => {
    const envelope = await call('issue/get', { issueKey: 'SHOP-2' }, MEMBER_ACCOUNT_ID, 'SHOP-1');
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'issueKey' } });
  });

  it('tell a user who cannot browse the project that the issue is not found, without data', async () => {
    const envelope = await call(
      'issue/get',
      { issueKey: untaggedIssue('Bug') },
      OUTSIDER_ACCOUNT_ID,
    );
    expect(envelope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(envelope)).not.toContain('summary');
  });
});
