/**
 * One figure, one definition (issue 17), over generated projects: every sprint figure the sprint
 * planner and the project page both show is equal — capacity, buffer, committed work, work added
 * after the start (amount and count), work removed after the start and re-estimates (the scope
 * change), each category's committed work and share of capacity, velocity, and the last closed
 * sprint's committed work at its start estimates and strict predictability — whatever the
 * histories: items added and removed mid-sprint, carried over at a close, done before or after the
 * close or reopened, estimates edited before and after starts, in any of the policy's three bases.
 * Both sides run their real use cases (readSprintSnapshot + evaluateSprintPlan; recomputeSnapshot)
 * against the same generated Jira.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSprintPlan, type CapacityBasis } from '../../src/domain/capacity';
import { inBasisUnit } from '../../src/domain/capacity/amounts';
import { capacitySharesOf } from '../../src/app/metrics/capacity-shares';
import { recomputeSnapshot } from '../../src/app/metrics/recompute-snapshot';
import { readSprintSnapshot } from '../../src/app/planner/sprint-snapshot';
import { DEFAULT_PROJECT_CONFIG } from '../../src/app/project/project-config';
import { PROJECT_CONFIG_KIND } from '../../src/app/project/project-config-repository';
import { memoryStore } from '../../src/app/testing/memory-document-store';
import { memoryKv } from '../../src/app/testing/memory-key-value-store';
import { buildJira, POINTS_FIELD, projectArb, type GeneratedProject } from './fake-jira-history';

const policyArb = fc.record({
  basis: fc.constantFrom<CapacityBasis>('storyPoints', 'issueCount', 'originalEstimate'),
  sprints: fc.integer({ min: 1, max: 4 }),
});

async function bothScreens(
  project: GeneratedProject,
  policy: { basis: CapacityBasis; sprints: number },
) {
  const { jira, now, activeSprintId } = buildJira(project);
  const { store } = memoryStore();
  const config = {
    ...DEFAULT_PROJECT_CONFIG,
    board: { boardId: 1, estimationFieldId: POINTS_FIELD },
    capacity: {
      ...DEFAULT_PROJECT_CONFIG.capacity,
      basis: policy.basis,
      capacity: { kind: 'velocity' as const, sprints: policy.sprints, availability: 1 },
    },
  };
  await store.put(PROJECT_CONFIG_KIND, 'GEN', config, 0, { accountId: 'test', at: now });
  const clock = { now: () => now };
  // No deployments or incidents were pushed: the push logs list nothing.
  const kv = { ...memoryKv(), list: () => Promise.resolve({ entries: [] }) };
  const planner = await readSprintSnapshot(
    { jira, store, kv, clock },
    { projectKey: 'GEN', boardId: 1, sprintId: activeSprintId },
    { withBacklog: false },
  );
  const evaluation = evaluateSprintPlan(planner.planInput);
  const { scopeChange: plannerScope, lastClosed } = planner;
  const snapshot = await recomputeSnapshot({ jira, documents: store, kv, clock }, 'GEN');
  const row = snapshot.sprints.find((s) => s.sprintId === String(activeSprintId))!;
  const shares = capacitySharesOf(snapshot.sprints).find((s) => s.sprintId === row.sprintId)!;
  return { evaluation, snapshot, row, shares, plannerScope, lastClosed, basis: policy.basis };
}

describe('the planner and the project page on generated projects', () => {
  it('show every sprint figure they both show as the same number', async () => {
    await fc.assert(
      fc.asyncProperty(projectArb, policyArb, async (project, policy) => {
        const { evaluation, snapshot, row, shares, plannerScope, lastClosed, basis } =
          await bothScreens(project, policy);
        const shown = (amount: number) => inBasisUnit(amount, basis);
        const capacity = evaluation.capacity.amount;
        expect(row.capacity).toBe(capacity === null ? null : shown(capacity));
        if (capacity !== null && capacity > 0)
          expect(row.interrupts.bufferPoints).toBe(shown(evaluation.buffer.reserved));
        expect(row.planned).toBe(shown(evaluation.used));
        expect(row.interrupts.value).toBe(shown(evaluation.buffer.used));
        expect(row.interrupts.count).toBe(evaluation.buffer.unplannedKeys.length);
        expect(row.scopeChange.added).toBe(shown(evaluation.buffer.used));
        // Removed work and re-estimates: the planner shows the page's scope change, field by field.
        expect(plannerScope).toEqual(row.scopeChange);
        // committed (start estimates) − removed (start estimates) + re-estimated = planned (now).
        if (row.scopeChange.removed !== null && row.scopeChange.reestimated !== null)
          expect(
            Math.round(
              (row.committed - row.scopeChange.removed + row.scopeChange.reestimated) * 100,
            ) / 100,
          ).toBe(Math.round(row.planned * 100) / 100);
        // The last closed sprint: the planner's line is the Delivery row's figures. Its amounts are
        // in the basis (seconds for hours) and written in the unit; without a predictability the
        // line says why and shows no amounts, like the row.
        const closedRow = snapshot.sprints.filter((s) => s.state === 'closed').at(-1);
        if (closedRow === undefined) expect(lastClosed).toBeNull();
        else {
          const pred = closedRow.predictability;
          expect(lastClosed).toMatchObject({
            name: closedRow.name,
            predictability: pred.value,
            meetsBaseline: pred.meetsBaseline,
            reason: pred.reason,
          });
          expect(shown(lastClosed!.committed)).toBe(closedRow.committed);
          if (pred.value !== null)
            expect([
              shown(lastClosed!.committedCompleted),
              shown(lastClosed!.addedCompleted),
            ]).toEqual([pred.committedCompleted, pred.addedCompleted]);
        }
        for (const allocation of evaluation.byType) {
          const planned = row.balance.planned.find((s) => s.type === allocation.type);
          expect(planned?.points ?? 0, allocation.type).toBe(shown(allocation.planned));
          if (shares.reason === null) {
            const share = shares.byType.find((s) => s.type === allocation.type)!.share;
            expect(Math.round(share * 10_000) / 100, allocation.type).toBe(allocation.share ?? 0);
          }
        }
        // With the policy's window of 3 the planner's capacity is the page's velocity.
        if (policy.sprints === 3 && capacity !== null)
          expect(snapshot.velocity.value).toBe(shown(capacity));
      }),
      { numRuns: 150, seed: 17 },
    );
  }, 120_000);
});
