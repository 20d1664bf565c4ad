/**
 * The sprint planner's evaluation (PRODUCT.md §2): the sprint's items against the project's capacity
 * policy, with capacity from the velocity of closed sprints, and — on request — the rebalance proposal
 * drawn from the ranked backlog. Jira calls: the board configuration, the sprint, its issues (paged),
 * the closed sprints and one search per velocity sprint, and the backlog (paged) for a proposal.
 */
import type {
  ClosedSprintVelocity,
  RebalanceProposal,
  SprintItem,
  SprintPlanEvaluation,
} from '../../domain/capacity';
import { evaluateSprintPlan, proposeRebalance } from '../../domain/capacity';
import type { GateState } from '../../domain/gate/gate-state';
import type { JiraPort } from '../../ports/jira';
import type { DocumentStore } from '../../ports/document-store';
import { BALLAST_PROPERTY_KEY } from '../issue/ballast-property';
import { estimateOf, issueFields } from '../issue/issue-facts';
import { loadProjectConfig } from '../project/project-config-repository';
import { toSprintItem, type BoardFields } from './sprint-items';

export interface PlannerDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
}

export interface SprintEvaluation {
  readonly sprint: { readonly id: number; readonly name: string; readonly state: string };
  readonly gateState: GateState;
  readonly evaluation: SprintPlanEvaluation;
  readonly proposal?: RebalanceProposal;
  readonly notes: readonly string[];
}

async function boardFields(jira: JiraPort, boardId: number): Promise<BoardFields> {
  const config = await jira.getBoardConfiguration(boardId);
  const field = config.estimation?.field?.fieldId ?? null;
  const rankId = config.ranking?.rankCustomFieldId;
  return {
    estimationFieldId: field,
    rankFieldId: rankId === undefined ? null : `customfield_${rankId}`,
  };
}

export async function evaluateSprint(
  deps: PlannerDeps,
  input: { projectKey: string; boardId: number; sprintId: number; withProposal: boolean },
): Promise<SprintEvaluation> {
  const { config } = await loadProjectConfig(deps.store, input.projectKey);
  const policy = config.capacity;
  const board = await boardFields(deps.jira, input.boardId);
  const fields = [
    ...issueFields(board.estimationFieldId),
    ...(board.rankFieldId ? [board.rankFieldId] : []),
  ];
  const toItems = (issues: Awaited<ReturnType<JiraPort['searchAll']>>): SprintItem[] =>
    issues.map((issue, position) =>
      toSprintItem(issue, config.rules, policy.basis, board, position),
    );

  const sprint = await deps.jira.getSprint(input.sprintId);
  const items = toItems(
    await deps.jira.searchAll(`sprint = ${input.sprintId} ORDER BY rank ASC`, {
      fields,
      properties: [BALLAST_PROPERTY_KEY],
    }),
  );
  const notes: string[] = [];
  const velocityHistory: ClosedSprintVelocity[] = [];
  if (policy.capacity.kind === 'velocity') {
    const closed = (await deps.jira.listSprints(input.boardId, ['closed']))
      .filter((s) => s.completeDate)
      .sort((a, b) => (a.completeDate ?? '').localeCompare(b.completeDate ?? ''))
      .slice(-policy.capacity.sprints);
    for (const past of closed) {
      const done = await deps.jira.searchAll(`sprint = ${past.id} AND statusCategory = Done`, {
        fields,
      });
      const completed = done.reduce((sum, issue) => {
        if (policy.basis === 'issueCount') return sum + 1;
        return (
          sum +
          (estimateOf(
            issue,
            policy.basis === 'originalEstimate' ? null : board.estimationFieldId,
          ) ?? 0)
        );
      }, 0);
      velocityHistory.push({
        sprintId: String(past.id),
        closedAt: past.completeDate ?? '',
        completed,
      });
    }
    notes.push(
      'Velocity counts the items of each closed sprint that are done now (Jira keeps no per-sprint completion here).',
    );
  }
  // The error-budget gate joins once SLO status is stored (issue #7); until then it has no data.
  const gateState: GateState = 'NO_DATA';
  const planInput = {
    policy,
    gateState,
    items,
    velocityHistory,
    ...(sprint.state === 'active' && sprint.startDate ? { startedAt: sprint.startDate } : {}),
  };
  const evaluation = evaluateSprintPlan(planInput);
  if (!input.withProposal)
    return {
      sprint: { id: sprint.id, name: sprint.name, state: sprint.state },
      gateState,
      evaluation,
      notes,
    };
  const backlog = toItems(
    await deps.jira.searchAll(
      `project = ${input.projectKey} AND sprint is EMPTY AND statusCategory != Done ORDER BY rank ASC`,
      {
        fields,
        properties: [BALLAST_PROPERTY_KEY],
      },
    ),
  );
  const proposal = proposeRebalance({ ...planInput, backlog });
  return {
    sprint: { id: sprint.id, name: sprint.name, state: sprint.state },
    gateState,
    evaluation,
    proposal,
    notes,
  };
}
