/**
 * The rebalance proposal as the planner shows it: each move and each item it may not move out, with
 * the summary, status and assignee the snapshot read from Jira beside the engine's size and reason.
 */
import type { HeldView, MoveView, PlannerIssueView, ProposalView } from '../../contract/planner';
import type { RebalanceProposal } from '../../domain/capacity';
import type { IssueDetails } from './sprint-items';

function issueView(
  item: { key: string; type: PlannerIssueView['type']; amount: number },
  details: ReadonlyMap<string, IssueDetails>,
): PlannerIssueView {
  const known = details.get(item.key);
  return {
    key: item.key,
    summary: known?.summary ?? '',
    status: known?.status ?? null,
    assignee: known?.assignee ?? null,
    type: item.type,
    amount: item.amount,
  };
}

export function proposalView(
  computed: RebalanceProposal,
  details: ReadonlyMap<string, IssueDetails>,
  fingerprint: string,
): ProposalView {
  const moves: MoveView[] = computed.moves.map((move) => ({
    ...issueView(move, details),
    direction: move.direction,
    reason: move.reason,
  }));
  const held: HeldView[] = computed.held.map((item) => ({
    ...issueView(item, details),
    reason: item.reason,
  }));
  return {
    moves,
    held,
    after: computed.after,
    compliant: computed.compliant,
    reasons: computed.reasons,
    fingerprint,
  };
}
