/**
 * The sprint planner's evaluation end to end on the seeded SHOP board: the active sprint against the
 * default policy, with capacity from the velocity of the last three closed sprints, and a rebalance
 * proposal drawn from the backlog.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import { createJiraEmulator, MEMBER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import * as app from '../../src/index';
import type { Envelope } from '../../src/contract/envelope';
import type { SprintEvaluation } from '../../src/app/planner/evaluate-sprint';

const anchor = new Date('2026-11-20T12:00:00Z');
let jira: JiraEmulator;
let host: ForgeHost;
let dir: string;

beforeAll(async () => {
  jira = await createJiraEmulator({ seed: { anchor }, now: () => anchor });
  dir = mkdtempSync(join(tmpdir(), 'ballast-planner-'));
  host = createForgeHost({
    manifestPath: 'manifest.yml',
    appModule: app,
    jiraUrl: jira.url,
    stateDir: dir,
  });
});
afterAll(async () => {
  await host.close();
  await jira.close();
  rmSync(dir, { recursive: true, force: true });
});

async function evaluate(payload: unknown): Promise<Envelope<SprintEvaluation>> {
  return (await host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: 'planner/evaluate',
    payload,
    accountId: MEMBER_ACCOUNT_ID,
    extension: { type: 'jira:sprintAction', project: { key: 'SHOP' } },
  })) as Envelope<SprintEvaluation>;
}

describe('planner/evaluate', () => {
  it('evaluates the active sprint with capacity from the velocity of three closed sprints', async () => {
    const active = jira.state.sprints.find((s) => s.state === 'active')!;
    const envelope = await evaluate({ boardId: 1, sprintId: active.id, withProposal: true });
    if (!envelope.ok) throw new Error(envelope.error.message);
    const { evaluation, proposal, gateState } = envelope.data;
    expect(gateState).toBe('NO_DATA');
    const inSprint = jira.state.issues.filter((i) => i.sprintIds.at(-1) === active.id);
    const points = inSprint.reduce(
      (sum, i) =>
        sum + (typeof i.custom.customfield_10016 === 'number' ? i.custom.customfield_10016 : 0),
      0,
    );
    expect(evaluation.used).toBe(points);
    expect(evaluation.capacity.amount).toBeGreaterThan(0);
    expect(evaluation.capacity.sprintsUsed).toHaveLength(3);
    expect(proposal).toBeDefined();
    expect(proposal!.moves.every((m) => m.reason.length > 0)).toBe(true);
  });

  it('refuses a payload without a sprint id, naming the field', async () => {
    expect(await evaluate({ boardId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'sprintId' },
    });
  });
});
