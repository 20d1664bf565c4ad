/**
 * The error-budget gate end to end: SLI data that spends the budget freezes the project (pushed,
 * compacted and rolled up by the real handlers); then starting a feature in the Jira emulator is
 * refused by the app's gate validator with the reason and the way out, while reliability work and
 * exempt items still start. The validator runs only on the transitions the admin added it to (the
 * seed: "Start progress" and "Request changes", the transitions into In Progress).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATE_VALIDATOR_KEY, MEMBER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import { transition, walkTo } from '../support/workflow-walk';
import type { Envelope } from '../../src/contract/envelope';
import type { SloListView } from '../../src/contract/slo';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { freezeCheckout } from '../support/checkout-outage';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let closeListener: () => Promise<void>;

async function call<T>(key: string, accountId: string, payload: unknown = {}): Promise<T> {
  const envelope = (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: key,
    payload,
    accountId,
    extension: { project: { key: 'SHOP' } },
  })) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

const asMember = { 'content-type': 'application/json', 'x-sandbox-account-id': MEMBER_ACCOUNT_ID };

/** Open, untagged, unlabelled, parentless issues of a type, in a To Do-category status. */
function toDo(typeName: string): string[] {
  const type = jira.state.issueTypes.find((t) => t.name === typeName)!;
  const fresh = new Set(jira.state.statuses.filter((s) => s.category === 'new').map((s) => s.id));
  return jira.state.issues
    .filter(
      (i) =>
        i.issueTypeId === type.id &&
        fresh.has(i.statusId) &&
        !i.properties.ballast &&
        !i.parentId &&
        i.labels.length === 0,
    )
    .map((i) => i.key);
}

async function start(issueKey: string): Promise<Response> {
  const list = (await fetch(`${jira.url}/rest/api/3/issue/${issueKey}/transitions`, {
    headers: asMember,
  }).then((r) => r.json())) as {
    transitions: { id: string; to: { statusCategory: { key: string } } }[];
  };
  const target = list.transitions.find((t) => t.to.statusCategory.key === 'indeterminate')!;
  return fetch(`${jira.url}/rest/api/3/issue/${issueKey}/transitions`, {
    method: 'POST',
    headers: asMember,
    body: JSON.stringify({ transition: { id: target.id } }),
  });
}

beforeAll(async () => {
  sandbox = await startAppSandbox({ connectJira: true });
  ({ jira } = sandbox);
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  await freezeCheckout(sandbox, listener.url);
});
afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe('the error-budget gate validator', () => {
  it('sees the project frozen by the rolled-up SLO', async () => {
    const list = await call<SloListView>('slo/list', MEMBER_ACCOUNT_ID);
    expect(list.slos.find((s) => s.name === 'checkout-availability')?.state).toBe('FROZEN');
    // The other SLOs have no data: NO_DATA, not HEALTHY.
    expect(list.slos.find((s) => s.name === 'search-latency')?.state).toBe('NO_DATA');
  });

  it('refuses starting a feature, saying why and what unblocks it, and leaves the status', async () => {
    const key = toDo('Story')[0]!;
    const before = jira.state.issues.find((i) => i.key === key)!.statusId;
    const response = await start(key);
    expect(response.status).toBe(400);
    const { errorMessages } = (await response.json()) as { errorMessages: string[] };
    const text = errorMessages.join(' ');
    expect(text).toContain(`Ballast: ${key} cannot start — feature work is frozen`);
    expect(text).toContain('checkout-availability');
    // The policy's exit rule, as every gate message states it (gate-words.ts).
    expect(text).toContain(
      'Planning unfreezes when the budget is back at or above 5% for 24 hours — now',
    );
    expect(text).toContain('label it security');
    expect(jira.state.issues.find((i) => i.key === key)!.statusId).toBe(before);
  });

  it('decides with at most two Jira calls', async () => {
    const key = toDo('Story')[2]!;
    const issue = jira.state.issues.find((i) => i.key === key)!;
    const inProgress = jira.state.statuses.find((s) => s.category === 'indeterminate')!;
    jira.stats.reset();
    const answer = await sandbox.host.runValidator('ballast-gate-validator', {
      issueKey: key,
      fromStatusId: issue.statusId,
      toStatusId: inProgress.id,
    });
    expect(answer.result).toBe(false);
    expect(jira.stats.snapshot().total).toBeLessThanOrEqual(2);
  });

  it('lets reliability work start while frozen', async () => {
    const bug = toDo('Bug')[0]!;
    expect((await start(bug)).status).toBe(204);
  });

  it('lets an exempt feature (label security) start while frozen', async () => {
    const key = toDo('Story')[1]!;
    jira.state.issues.find((i) => i.key === key)!.labels.push('security');
    expect((await start(key)).status).toBe(204);
  });

  it('does not run on a transition it was removed from: the feature starts while frozen', async () => {
    const key = toDo('Story')[3]!;
    await setValidators('11', []);
    try {
      expect((await start(key)).status).toBe(204);
    } finally {
      await setValidators('11', [GATE_VALIDATOR_KEY]);
    }
    // Added back, it refuses the next feature again.
    expect((await start(toDo('Story')[3]!)).status).toBe(400);
  });

  it('lets a started feature go back from review while frozen: "Request changes" carries the gate, but starts nothing', async () => {
    const key = toDo('Story')[4]!;
    await setValidators('11', []);
    try {
      expect((await walkTo(jira, key, 'In Progress', asMember))?.status).toBe(204);
    } finally {
      await setValidators('11', [GATE_VALIDATOR_KEY]);
    }
    // "Request changes" carries the gate; moving back from review is not starting work.
    expect((await transition(jira, key, '21', asMember)).status).toBe(204);
    expect((await transition(jira, key, '51', asMember)).status).toBe(204);
  });
});

/** The admin's edit in the workflow editor: the validators on one transition of SHOP's workflow. */
async function setValidators(transitionId: string, validators: string[]): Promise<void> {
  const response = await fetch(
    `${jira.url}/__sandbox/workflows/SHOP/transitions/${transitionId}/validators`,
    { method: 'PUT', body: JSON.stringify({ validators }) },
  );
  expect(response.status).toBe(200);
}
