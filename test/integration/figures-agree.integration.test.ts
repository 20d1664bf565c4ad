/**
 * One figure, one definition (issue 17): on the seeded SHOP project every sprint figure the sprint
 * planner shows is the number the project page shows — capacity, buffer, committed, added after
 * start, shares of capacity per category, velocity, and (through the planner's velocity window)
 * the completed work of each closed sprint 1–8. Exact equality, to the unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type {
  CapacityData,
  DeliveryData,
  OverviewData,
  SnapshotAnswer,
} from '../../src/contract/project-page';
import type { SettingsView } from '../../src/contract/settings';
import type { SprintEvaluation } from '../../src/contract/planner';
import { SEARCH_MODES, startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { dataOf, plannerCaller } from './planner-support';

describe.each(SEARCH_MODES)('with %s search', (searchConsistency) => {
  let sandbox: AppSandbox;
  const page = async <T>(functionKey: string, accountId = MEMBER_ACCOUNT_ID, payload = {}) =>
    dataOf(
      (await sandbox.host.invokeResolver({
        moduleKey: 'ballast-project-page',
        functionKey,
        payload,
        accountId,
        extension: { type: 'jira:projectPage', project: { key: 'SHOP' } },
      })) as Envelope<T>,
    );
  const ready = <T>(answer: SnapshotAnswer<T>): T => {
    if (answer.status !== 'ready') throw new Error('no snapshot yet');
    return answer.data;
  };
  /** The policy's velocity window: how many closed sprints capacity is the mean of. */
  async function useWindow(sprints: number): Promise<void> {
    const view = await page<SettingsView>('settings/get', ADMIN_ACCOUNT_ID);
    await page('settings/save', ADMIN_ACCOUNT_ID, {
      config: {
        ...view.config,
        board: { boardId: 1, estimationFieldId: null },
        capacity: {
          ...view.config.capacity,
          capacity: { kind: 'velocity', sprints, availability: 1 },
        },
      },
      version: view.version,
    });
  }
  const evaluate = async (): Promise<SprintEvaluation> =>
    dataOf(
      await plannerCaller(sandbox.host)(
        'planner/evaluate',
        { boardId: 1, sprintId: 9 },
        MEMBER_ACCOUNT_ID,
      ),
    );

  let planner: SprintEvaluation;
  let overview: OverviewData;
  let capacity: CapacityData;
  let delivery: DeliveryData;
  beforeAll(async () => {
    sandbox = await startAppSandbox({ searchConsistency });
    await useWindow(3);
    planner = await evaluate();
    await page('project/refresh');
    await sandbox.host.idle();
    overview = ready(await page<SnapshotAnswer<OverviewData>>('project/overview'));
    capacity = ready(await page<SnapshotAnswer<CapacityData>>('project/capacity'));
    delivery = ready(await page<SnapshotAnswer<DeliveryData>>('project/delivery'));
  }, 120_000);
  afterAll(() => sandbox.close());

  it('shows SHOP Sprint 9’s capacity, buffer, committed work and additions alike on the planner, Overview and Capacity', () => {
    const { evaluation } = planner;
    const row = capacity.sprints.find((s) => s.sprintId === '9')!;
    expect(overview.activeSprint).toEqual(row);
    expect([evaluation.basis, row.unit, capacity.unit]).toEqual([
      'storyPoints',
      'points',
      'points',
    ]);
    // Capacity = velocity of sprints 6–8 (75 + 78 + 83) / 3; buffer 10% of it.
    expect(evaluation.capacity.amount).toBe(78.666667);
    expect(row.capacity).toBe(evaluation.capacity.amount);
    expect(delivery.velocity.value).toBe(evaluation.capacity.amount);
    expect(evaluation.buffer.reserved).toBe(7.866667);
    expect(row.interrupts.bufferPoints).toBe(evaluation.buffer.reserved);
    expect(row.planned).toBe(evaluation.used);
    // Nothing committed was taken out of sprint 9: committed at start = planned now = 69.
    expect([row.committed, row.planned]).toEqual([69, 69]);
    expect(row.interrupts.value).toBe(evaluation.buffer.used);
    expect(row.interrupts.count).toBe(evaluation.buffer.unplannedKeys.length);
    expect([row.interrupts.value, row.interrupts.count]).toEqual([17, 5]);
    expect(row.scopeChange.added).toBe(evaluation.buffer.used);
    // Removed work and re-estimates: the planner shows the row's scope change, field by field.
    expect(planner.scopeChange).toEqual(row.scopeChange);
    expect(planner.scopeChange).toMatchObject({ removed: 0, removedCount: 0, reestimated: 0 });
  });

  it('after a committed item is re-estimated and another taken out mid-sprint, shows the same committed, removed and re-estimated work on the planner and the page', async () => {
    const { state } = sandbox.jira;
    const sprint9 = state.sprints.find((s) => s.id === 9)!;
    const start = Date.parse(sprint9.startDate!);
    // Committed to sprint 9: put in it before it started; open, estimated, not a sub-task.
    const joinedBefore = (issue: (typeof state.issues)[number]) =>
      issue.changelog.some(
        (entry) =>
          Date.parse(entry.created) < start &&
          entry.items.some((i) => i.fieldId === 'customfield_10020' && /(^|, )9$/.test(i.to ?? '')),
      );
    const committed = state.issues.filter(
      (i) =>
        i.sprintIds.includes(9) &&
        i.parentId === null &&
        i.statusId !== '10002' &&
        typeof i.custom.customfield_10016 === 'number' &&
        joinedBefore(i),
    );
    const [reestimated, removed] = committed;
    const before = {
      reestimated: reestimated!.custom.customfield_10016 as number,
      removed: removed!.custom.customfield_10016 as number,
    };
    const call = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${sandbox.jira.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-sandbox-account-id': ADMIN_ACCOUNT_ID },
        body: JSON.stringify(body),
      });
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
    };
    // Re-estimated by +5 after the start; the other item re-estimated by +2, then taken out.
    await call('PUT', `/rest/agile/1.0/issue/${reestimated!.key}/estimation?boardId=1`, {
      value: String(before.reestimated + 5),
    });
    await call('PUT', `/rest/agile/1.0/issue/${removed!.key}/estimation?boardId=1`, {
      value: String(before.removed + 2),
    });
    await call('POST', '/rest/agile/1.0/backlog/issue', { issues: [removed!.key] });
    // Moves made by hand show in search once Jira has indexed them (sprint-snapshot.ts).
    sandbox.jira.searchIndex.catchUp();

    const after = await evaluate();
    await page('project/refresh');
    await sandbox.host.idle();
    const cap = ready(await page<SnapshotAnswer<CapacityData>>('project/capacity'));
    const over = ready(await page<SnapshotAnswer<OverviewData>>('project/overview'));
    const row = cap.sprints.find((s) => s.sprintId === '9')!;
    expect(over.activeSprint).toEqual(row);
    expect(after.scopeChange).toEqual(row.scopeChange);
    // Committed stays 69 (sizes at the start); the removed item leaves at its start size; the
    // re-estimate shows beside it; planned is the sprint as it stands: 69 − removed + 5.
    expect(row.committed).toBe(69);
    expect(row.scopeChange).toMatchObject({
      removed: before.removed,
      removedCount: 1,
      reestimated: 5,
      added: 17,
      addedCount: 5,
    });
    expect(row.planned).toBe(69 - before.removed + 5);
    expect(after.evaluation.used).toBe(row.planned);
  }, 120_000);

  it('shows the last closed sprint’s strict predictability alike on the planner and the Delivery page', () => {
    const row = delivery.sprints.find((s) => s.sprintId === '8')!;
    expect(planner.lastClosedSprint).toEqual({
      name: row.name,
      committed: row.committed,
      committedCompleted: row.predictability.committedCompleted,
      addedCompleted: row.predictability.addedCompleted,
      predictability: row.predictability.value,
      meetsBaseline: row.predictability.meetsBaseline,
      reason: null,
    });
    // SHOP Sprint 8: 78 of 86 committed points done, 5 added points done beside it.
    expect(planner.lastClosedSprint).toMatchObject({
      committed: 86,
      committedCompleted: 78,
      addedCompleted: 5,
      predictability: 0.907,
    });
  });

  it('gives each category the same committed work and share of capacity on all three', () => {
    const { evaluation } = planner;
    const row = capacity.sprints.find((s) => s.sprintId === '9')!;
    const shares = capacity.capacityShares.find((s) => s.sprintId === '9')!;
    expect(overview.activeSprintShares).toEqual(shares);
    for (const allocation of evaluation.byType) {
      const planned = row.balance.planned.find((split) => split.type === allocation.type)!;
      const share = shares.byType.find((entry) => entry.type === allocation.type)!;
      expect(planned.points, allocation.type).toBe(allocation.planned);
      // The planner writes percent (two decimals), the page a fraction (four): one number.
      expect(Math.round(share.share * 10_000) / 100, allocation.type).toBe(allocation.share);
    }
    const unclassified = row.balance.planned.find((split) => split.type === 'unclassified')!;
    expect(unclassified.points).toBe(evaluation.unclassified.planned);
  });

  it('counts each closed sprint’s completed work as the planner’s velocity does, for windows of 1 to 8 sprints', async () => {
    const closed = capacity.sprints.filter((s) => s.state === 'closed');
    expect(closed.map((s) => s.name)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `SHOP Sprint ${n}`),
    );
    for (let window = 1; window <= 8; window += 1) {
      await useWindow(window);
      const { evaluation } = await evaluate();
      const last = closed.slice(-window);
      const mean = last.reduce((sum, s) => sum + s.completed, 0) / window;
      expect(evaluation.capacity.amount, `window ${window}`).toBe(Math.round(mean * 1e6) / 1e6);
      expect(evaluation.capacity.sprintsUsed, `window ${window}`).toEqual(
        last.map((s) => s.sprintId).reverse(),
      );
    }
  }, 120_000);

  it('in hours of original estimate: an estimate first set after the start is re-estimated work, not commitment, on the planner and the page alike', async () => {
    const view = await page<SettingsView>('settings/get', ADMIN_ACCOUNT_ID);
    await page('settings/save', ADMIN_ACCOUNT_ID, {
      config: {
        ...view.config,
        capacity: { ...view.config.capacity, basis: 'originalEstimate' },
      },
      version: view.version,
    });
    // Two of sprint 9's items get an original estimate now (after the start): 1d 2h and 90m.
    const keys = sandbox.jira.state.issues
      .filter((i) => i.sprintIds.includes(9) && i.parentId === null)
      .slice(0, 2)
      .map((i) => i.key);
    for (const [key, estimate] of [
      [keys[0], '1d 2h'],
      [keys[1], '90'],
    ] as const) {
      const response = await fetch(`${sandbox.jira.url}/rest/api/3/issue/${key}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-sandbox-account-id': ADMIN_ACCOUNT_ID },
        body: JSON.stringify({ fields: { timetracking: { originalEstimate: estimate } } }),
      });
      expect(response.status).toBe(204);
    }
    sandbox.jira.searchIndex.catchUp();
    const after = await evaluate();
    await page('project/refresh');
    await sandbox.host.idle();
    const cap = ready(await page<SnapshotAnswer<CapacityData>>('project/capacity'));
    const row = cap.sprints.find((s) => s.sprintId === '9')!;
    expect([after.evaluation.basis, row.unit]).toEqual(['originalEstimate', 'hours']);
    expect(after.scopeChange).toEqual(row.scopeChange);
    // 10 h + 1.5 h set after the start: nothing committed in hours, 11.5 h re-estimated, and
    // whatever of it is planned (not added after the start) is what the planner plans.
    expect(row.committed).toBe(0);
    expect(row.scopeChange.reestimated! + row.scopeChange.added!).toBe(11.5);
    expect(row.planned).toBe(row.scopeChange.reestimated);
    expect(Math.round((after.evaluation.used / 3600) * 100) / 100).toBe(row.planned);
  }, 120_000);

  it('gives each sprint row the capacity the planner would have given it: the mean of the 3 closed sprints before', () => {
    const rows = capacity.sprints;
    rows.forEach((row, index) => {
      const before = rows
        .slice(0, index)
        .filter((s) => s.state === 'closed')
        .slice(-3);
      const expected =
        before.length === 0
          ? null
          : Math.round((before.reduce((sum, s) => sum + s.completed, 0) / before.length) * 1e6) /
            1e6;
      expect(row.capacity, row.name).toBe(expected);
    });
  });
});
