/**
 * The error-budget gate validator's decision (PRODUCT.md §4): while the project's gate is FROZEN,
 * moving feature work into an in-progress status is refused — unless the item is exempt by the
 * project's exemption rules (`capacity.exemption`, the same the planner and the issue panel use) or
 * an override is in force — with the reason and the way out. Two Jira calls: the issue
 * (with its Ballast property) and its transitions (the target status's category); the gate itself
 * comes from Ballast's storage.
 */
import { checkWorkStart, type WorkDecision } from '../../domain/gate';
import type { KeyValueStore } from '../../ports/key-value-store';
import { loadIssueSnapshot, type IssueDeps } from '../issue/issue-snapshot';
import { loadProjectGate } from '../slo/project-gate-status';

export interface FeatureStartDeps extends IssueDeps {
  readonly kv: KeyValueStore;
}

export interface FeatureStartCheck {
  readonly allowed: boolean;
  /** Shown by Jira to the person whose transition was refused. */
  readonly message?: string;
  readonly decision?: WorkDecision;
}

export async function checkFeatureStart(
  deps: FeatureStartDeps,
  input: { projectKey: string; issueKey: string; toStatusId: string; now: Date },
): Promise<FeatureStartCheck> {
  const [snapshot, transitions] = await Promise.all([
    loadIssueSnapshot(deps, input.projectKey, input.issueKey, 'stored'),
    deps.jira.getTransitions(input.issueKey),
  ]);
  const target = transitions.find((t) => t.to?.id === input.toStatusId)?.to?.statusCategory?.key;
  const current = snapshot.issue.fields.status?.statusCategory?.key;
  // Only starting work is gated: into an in-progress status from anything else.
  if (target !== 'indeterminate' || current === 'indeterminate') return { allowed: true };
  const { gate, statement } = await loadProjectGate(
    deps,
    input.projectKey,
    snapshot.config.sloIds,
    input.now,
  );
  const fields = snapshot.issue.fields;
  const decision = checkWorkStart(
    {
      key: input.issueKey,
      workType: snapshot.classification.type,
      ...(fields.priority?.name ? { priority: fields.priority.name } : {}),
      labels: fields.labels ?? [],
    },
    gate,
    snapshot.config.capacity.exemption,
  );
  if (decision.allowed) return { allowed: true, decision };
  return {
    allowed: false,
    decision,
    // The gate's statement (the policy's rule with today's figures) says what ends the freeze,
    // in the same words as the planner, the panel and the project page.
    message: `Ballast: ${input.issueKey} cannot start — feature work is frozen. ${statement.sentences.join(' ')} To go on: ${decision.wayOut ?? 'ask your SRE lead'}.`,
  };
}
