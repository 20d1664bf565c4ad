/**
 * A time-boxed override of the error-budget freeze, end to end on the sandbox: a project admin
 * records one with a reason and a duration, and from then on the gate validator lets feature work
 * start, the planner's banner and the issue panel say so; ending it restores the freeze. Members
 * read the overrides but cannot record or end them, and bad input stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import { GATE_OVERRIDES_KIND } from '../../src/app/gate/gate-override-store';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { freezeCheckout } from '../support/checkout-outage';
import { ACTIVE_SPRINT, dataOf, plannerCaller, storyToStart } from './planner-support';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let call: ReturnType<typeof plannerCaller>;
let closeListener: () => Promise<void>;

async function mayStart(skip = 0): Promise<boolean> {
  const { key, from, to } = storyToStart(jira, skip);
  const answer = await sandbox.host.runValidator('ballast-gate-validator', {
    issueKey: key,
    fromStatusId: from,
    toStatusId: to,
  });
  return answer.result === true;
}

/** The stored override documents, as the KVS holds them. */
const storedOverrides = () =>
  sandbox.host.kvs.store
    .entries({ kind: 'entity', entityName: 'ballast-document' })
    .filter((e) => e.key.startsWith(`${GATE_OVERRIDES_KIND}:`));

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira } = sandbox);
  call = plannerCaller(sandbox.host);
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  await freezeCheckout(sandbox, listener.url);
}, 60_000);
afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe('overriding the error-budget freeze', () => {
  it('starts with no override: the project is FROZEN and feature work is refused', async () => {
    const view = dataOf(await call('gate/overrides', {}, MEMBER_ACCOUNT_ID));
    expect(view).toMatchObject({
      projectKey: 'SHOP',
      gateState: 'FROZEN',
      active: null,
      history: [],
      canRecord: false,
      maxHours: 168,
    });
    expect(dataOf(await call('gate/overrides', {}, ADMIN_ACCOUNT_ID)).canRecord).toBe(true);
    expect(await mayStart()).toBe(false);
  });

  it('refuses a member, and bad reasons or durations, storing nothing', async () => {
    const before = storedOverrides();
    const member = await call(
      'gate/recordOverride',
      { reason: 'launch', hours: 4 },
      MEMBER_ACCOUNT_ID,
    );
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const [payload, field] of [
      [{ reason: '   ', hours: 4 }, 'reason'],
      [{ reason: 'x'.repeat(501), hours: 4 }, 'reason'],
      [{ reason: 'launch', hours: 0 }, 'hours'],
      [{ reason: 'launch', hours: 169 }, 'hours'],
      [{ reason: 'launch', hours: 2.5 }, 'hours'],
      [{ reason: 'launch' }, 'hours'],
    ] as const) {
      const answer = await call('gate/recordOverride', payload, ADMIN_ACCOUNT_ID);
      expect(answer, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', field },
      });
    }
    expect(storedOverrides()).toEqual(before);
    expect(dataOf(await call('gate/overrides', {}, MEMBER_ACCOUNT_ID)).history).toEqual([]);
  });

  it('lets feature work start for the recorded time once an admin records an override', async () => {
    const view = dataOf(
      await call(
        'gate/recordOverride',
        { reason: '  Black Friday launch agreed with the CTO  ', hours: 4 },
        ADMIN_ACCOUNT_ID,
      ),
    );
    expect(view.active).not.toBeNull();
    const active = view.active!;
    expect(active).toMatchObject({
      accountId: ADMIN_ACCOUNT_ID,
      reason: 'Black Friday launch agreed with the CTO',
      endedAt: null,
      inForce: true,
    });
    expect(Date.parse(active.until) - Date.parse(active.at)).toBe(4 * 3_600_000);
    expect(view.history).toEqual([active]);
    expect(view.gateState).toBe('FROZEN');

    expect(await mayStart()).toBe(true);
    const planner = dataOf(
      await call('planner/evaluate', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID),
    );
    expect(planner.gate.state).toBe('FROZEN');
    expect(planner.gate.override).toEqual({
      accountId: ADMIN_ACCOUNT_ID,
      until: active.until,
      reason: 'Black Friday launch agreed with the CTO',
      counts: true,
    });
  });

  it('restores the freeze when an admin ends the override early, keeping the record', async () => {
    const { active } = dataOf(await call('gate/overrides', {}, MEMBER_ACCOUNT_ID));
    const refused = await call('gate/endOverride', { id: active!.id }, MEMBER_ACCOUNT_ID);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const view = dataOf(await call('gate/endOverride', { id: active!.id }, ADMIN_ACCOUNT_ID));
    expect(view.active).toBeNull();
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({
      id: active!.id,
      endedBy: ADMIN_ACCOUNT_ID,
      inForce: false,
    });
    expect(await mayStart()).toBe(false);
    const planner = dataOf(
      await call('planner/evaluate', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID),
    );
    expect(planner.gate.override).toBeNull();

    const again = await call('gate/endOverride', { id: active!.id }, ADMIN_ACCOUNT_ID);
    expect(again).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'id' } });
    const unknown = await call('gate/endOverride', { id: 'nope' }, ADMIN_ACCOUNT_ID);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps both of two overrides recorded at the same moment', async () => {
    const [a, b] = await Promise.all([
      call('gate/recordOverride', { reason: 'first tab', hours: 1 }, ADMIN_ACCOUNT_ID),
      call('gate/recordOverride', { reason: 'second tab', hours: 2 }, ADMIN_ACCOUNT_ID),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const { history, active } = dataOf(await call('gate/overrides', {}, MEMBER_ACCOUNT_ID));
    expect(history.map((h) => h.reason).sort()).toEqual(
      ['Black Friday launch agreed with the CTO', 'first tab', 'second tab'].sort(),
    );
    expect(active?.inForce).toBe(true);
  });
});
