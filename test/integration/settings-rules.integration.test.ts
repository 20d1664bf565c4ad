/**
 * "Test against an issue key" on the settings page (`settings/testRules`) end to end: the app's real
 * handlers on the sandbox host against the seeded SHOP project. Any member may test; the issue is read
 * as them; edited (unsaved) rules are validated as a save would validate them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForgeHost } from '../../sandbox/forge/host';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { TestRulesView } from '../../src/contract/settings';
import { DEFAULT_RULES } from '../../src/domain/work';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let host: ForgeHost;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira, host } = sandbox);
});
afterAll(() => sandbox.close());

/** An issue of the seed by type name, with no labels, no parent and no Ballast property. */
function plainIssue(typeName: string): string {
  const type = jira.state.issueTypes.find((t) => t.name === typeName);
  const issue = jira.state.issues.find(
    (i) =>
      i.issueTypeId === type?.id && i.labels.length === 0 && !i.properties.ballast && !i.parentId,
  );
  if (!issue) throw new Error(`the seed has no plain ${typeName}`);
  return issue.key;
}

async function testRules(payload: unknown, accountId = MEMBER_ACCOUNT_ID) {
  return (await host.invokeResolver({
    moduleKey: 'ballast-project-settings',
    functionKey: 'settings/testRules',
    payload,
    accountId,
    extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP' } },
  })) as Envelope<TestRulesView>;
}

function data(envelope: Envelope<TestRulesView>): TestRulesView {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

describe('settings/testRules', () => {
  it('tells a member which saved rule tags a Bug, and why', async () => {
    const bug = plainIssue('Bug');
    const view = data(await testRules({ issueKey: bug.toLowerCase() }));
    expect(view).toMatchObject({
      issueKey: bug,
      type: 'reliability',
      source: 'rule',
      rule: { id: DEFAULT_RULES[0]?.id, position: 1 },
      manualType: null,
    });
    expect(view.facts.issueType).toBe('Bug');
    expect(view.reason).toContain('"Bug"');
  });

  it('tests unsaved rules: the first matching edited rule wins', async () => {
    const bug = plainIssue('Bug');
    const rules = [
      { id: 'bugs-are-toil', type: 'toil', when: { field: 'issueType', anyOf: ['bug'] } },
      ...DEFAULT_RULES,
    ];
    const view = data(await testRules({ issueKey: bug, rules }));
    expect(view).toMatchObject({
      type: 'toil',
      rule: { id: 'bugs-are-toil', position: 1 },
    });
    expect(view.rule?.matched).toContain('Bug');
  });

  it('says unclassified when no edited rule matches', async () => {
    const story = plainIssue('Story');
    const rules = [
      { id: 'only-bugs', type: 'reliability', when: { field: 'issueType', anyOf: ['Bug'] } },
    ];
    const view = data(await testRules({ issueKey: story, rules }));
    expect(view).toMatchObject({ type: 'unclassified', source: 'none', rule: null });
  });

  it('answers NOT_FOUND for an issue that does not exist', async () => {
    const envelope = await testRules({ issueKey: 'SHOP-999999' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers NOT_FOUND to someone who cannot see the project', async () => {
    const envelope = await testRules({ issueKey: plainIssue('Bug') }, OUTSIDER_ACCOUNT_ID);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses bad rules with the rule and field named', async () => {
    const rules = [{ id: 'broken', type: 'feature', when: { field: 'issueType', anyOf: [] } }];
    const envelope = await testRules({ issueKey: plainIssue('Bug'), rules });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('BAD_REQUEST');
    expect(envelope.error.message).toContain('rule "broken" (#1), field "when.anyOf"');
    expect(envelope.error.field).toBe('rule "broken" (#1), field "when.anyOf"');
  });

  it('refuses something that is not an issue key, naming the field', async () => {
    const envelope = await testRules({ issueKey: 'not a key' });
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'issueKey' },
    });
  });
});
