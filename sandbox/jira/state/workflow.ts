/**
 * A project's workflow as Jira applies it: which transitions an issue has from its status, and
 * which app validators an admin added to each.
 *
 * - Only the transitions that lead from the status exist for it; a global one leads from
 *   every status but its own target
 *   (https://support.atlassian.com/jira-cloud-administration/docs/create-workflow-transitions/).
 * - Validators belong to a transition, added by an admin in the workflow editor, and run only on
 *   that transition
 *   (https://support.atlassian.com/jira-cloud-administration/docs/configure-advanced-issue-workflows/;
 *   Forge calls a function-based validator for the transitions it was added to,
 *   https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-workflow-validator/).
 */
import type { JiraStore } from './store';
import type { ProjectRecord, TransitionRecord, WorkflowRecord } from './types';

/** A Forge module key (manifest.yml's `key` pattern). */
const MODULE_KEY = /^[a-zA-Z0-9_-]+$/;

export function workflowOf(store: JiraStore, project: ProjectRecord): WorkflowRecord {
  const workflow = store.state.workflows.find((w) => w.id === project.workflowId);
  if (workflow === undefined)
    throw new Error(
      `Project ${project.key} names workflow ${project.workflowId}, which is missing.`,
    );
  return workflow;
}

export const isGlobal = (transition: TransitionRecord): boolean =>
  transition.fromStatusIds.length === 0;

/** The transitions an issue in `statusId` can take, in the workflow's order. */
export function transitionsFrom(workflow: WorkflowRecord, statusId: string): TransitionRecord[] {
  return workflow.transitions.filter((t) =>
    isGlobal(t) ? t.toStatusId !== statusId : t.fromStatusIds.includes(statusId),
  );
}

/** Whether one step from `from` to `to` is a transition of the workflow. */
export const hasStep = (workflow: WorkflowRecord, from: string, to: string): boolean =>
  transitionsFrom(workflow, from).some((t) => t.toStatusId === to);

export class WorkflowEditError extends Error {}

/** Replaces the validators on one transition (the admin's add and remove in the editor). */
export function setTransitionValidators(
  workflow: WorkflowRecord,
  transitionId: string,
  moduleKeys: readonly string[],
): TransitionRecord {
  const transition = workflow.transitions.find((t) => t.id === transitionId);
  if (transition === undefined)
    throw new WorkflowEditError(`Workflow ${workflow.name} has no transition ${transitionId}.`);
  const bad = moduleKeys.find((k) => !MODULE_KEY.test(k));
  if (bad !== undefined) throw new WorkflowEditError(`"${bad}" is not a module key.`);
  if (new Set(moduleKeys).size !== moduleKeys.length)
    throw new WorkflowEditError('A validator can be added to a transition once.');
  transition.validators = [...moduleKeys];
  return transition;
}
