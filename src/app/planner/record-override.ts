/**
 * A Product Owner records an override when the project enforces the split and the plan breaks it (or
 * the gate is FROZEN): who, when, which sprint, what was overridden and why, appended to the
 * project's audit log. Needs Jira's "Manage sprints" permission — the one that lets a person start
 * the sprint the override is about — checked on the server as the person.
 */
import { randomUUID } from 'node:crypto';
import {
  OVERRIDE_REASON_MAX,
  type OverrideEntry,
  type SprintEvaluation,
} from '../../contract/planner';
import { evaluateSprintPlan } from '../../domain/capacity';
import { AppError } from '../errors';
import { requireReason } from '../reason';
import { appendAuditEntry } from './audit-log';
import { evaluateSprint } from './evaluate-sprint';
import { sprintFingerprint } from './fingerprint';
import { readSprintSnapshot, type PlannerDeps, type SprintRef } from './sprint-snapshot';

export async function recordOverride(
  deps: PlannerDeps,
  input: SprintRef & { reason: string; fingerprint: string; accountId: string },
): Promise<{ entry: OverrideEntry; view: SprintEvaluation }> {
  const reason = requireReason(
    input.reason,
    OVERRIDE_REASON_MAX,
    'Say why the plan goes ahead despite the split: the reason is required.',
  );
  const granted = await deps.jira.myPermissions({ projectKey: input.projectKey }, [
    'BROWSE_PROJECTS',
    'MANAGE_SPRINTS_PERMISSION',
  ]);
  if (!granted.BROWSE_PROJECTS)
    throw new AppError(
      'NOT_FOUND',
      `Project ${input.projectKey} does not exist or you cannot see it.`,
    );
  if (!granted.MANAGE_SPRINTS_PERMISSION)
    throw new AppError(
      'FORBIDDEN',
      `Only people who may manage sprints in ${input.projectKey} (the Product Owner) can override the split. Ask them, or a Jira administrator for the "Manage sprints" permission.`,
    );
  const snapshot = await readSprintSnapshot(deps, input, { withBacklog: false });
  const enforcement = snapshot.config.capacity.enforcement;
  if (enforcement !== 'enforce')
    throw new AppError(
      'BAD_REQUEST',
      `${input.projectKey} does not enforce the split (enforcement: ${enforcement}), so there is nothing to override.`,
    );
  const fingerprint = sprintFingerprint(snapshot.planInput.items);
  if (fingerprint !== input.fingerprint)
    throw new AppError(
      'CONFLICT',
      `${snapshot.sprint.name} changed since you looked at it, so the override was not recorded. Review the plan and record it again.`,
    );
  const evaluation = evaluateSprintPlan(snapshot.planInput);
  // Recorded under the measured state (an override covers the plan only while it holds,
  // override-coverage.ts); a freeze already lifted by an admin's override holds nothing.
  const gateState = snapshot.gate.state;
  const freezeHolds = snapshot.planInput.gateState === 'FROZEN';
  if (evaluation.verdict.status !== 'nonCompliant' && !freezeHolds)
    throw new AppError(
      'BAD_REQUEST',
      `${snapshot.sprint.name} keeps the split and the gate does not forbid it: there is nothing to override.`,
    );
  const at = deps.clock.now();
  const entry: OverrideEntry = {
    id: randomUUID(),
    accountId: input.accountId,
    at: at.toISOString(),
    projectKey: input.projectKey,
    sprint: { id: snapshot.sprint.id, name: snapshot.sprint.name },
    overridden: {
      gateState,
      headline: evaluation.verdict.headline,
      violations: evaluation.violations.map((v) => v.message),
      fingerprint,
    },
    reason,
  };
  await appendAuditEntry(deps.store, entry, { accountId: input.accountId, at });
  return { entry, view: await evaluateSprint(deps, { ...input, withProposal: true }) };
}
