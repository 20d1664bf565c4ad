/**
 * The workflows every emulated site starts with, over the four statuses of catalog.ts.
 *
 * In Jira a transition exists from the statuses it lists to one target, and only in that
 * direction: moving back needs a transition of its own, and a "global" transition (from any
 * status) is a choice the admin makes per target status
 * (https://support.atlassian.com/jira-cloud-administration/docs/create-workflow-transitions/).
 *
 * - `software-workflow` (company-managed SHOP): the team workflow "To do → In progress → In
 *   review → Done" of Atlassian's transition guide, with "Complete work" from In review to Done
 *   (https://support.atlassian.com/jira-software-cloud/docs/create-edit-and-delete-transitions-in-team-managed-projects/),
 *   and one transition back from each status so work can return a step.
 * - `team-managed-workflow`: every status reachable from any other, as team-managed projects start
 *   (their transitions are from "Any status" unless the admin narrows them, same page).
 *
 * No app validators here: an admin adds those per transition (the seed does, as Ballast's README
 * asks; seed/ballast-validators.ts).
 */
import type { WorkflowRecord } from './types';

const TODO = '10000';
const IN_PROGRESS = '3';
const IN_REVIEW = '10001';
const DONE = '10002';

export const SOFTWARE_WORKFLOW_ID = 'software-workflow';
export const TEAM_MANAGED_WORKFLOW_ID = 'team-managed-workflow';

const directed = (id: string, name: string, from: string, to: string) => ({
  id,
  name,
  fromStatusIds: [from],
  toStatusId: to,
  validators: [] as string[],
});

const global = (id: string, name: string, to: string) => ({
  id,
  name,
  fromStatusIds: [] as string[],
  toStatusId: to,
  validators: [] as string[],
});

export const DEFAULT_WORKFLOWS: readonly WorkflowRecord[] = [
  {
    id: SOFTWARE_WORKFLOW_ID,
    name: 'Software workflow',
    transitions: [
      directed('11', 'Start progress', TODO, IN_PROGRESS),
      directed('21', 'Request review', IN_PROGRESS, IN_REVIEW),
      directed('31', 'Complete work', IN_REVIEW, DONE),
      directed('41', 'Stop progress', IN_PROGRESS, TODO),
      directed('51', 'Request changes', IN_REVIEW, IN_PROGRESS),
      directed('61', 'Reopen', DONE, TODO),
    ],
  },
  {
    id: TEAM_MANAGED_WORKFLOW_ID,
    name: 'Team-managed workflow',
    transitions: [
      global('11', 'To Do', TODO),
      global('21', 'In Progress', IN_PROGRESS),
      global('31', 'In Review', IN_REVIEW),
      global('41', 'Done', DONE),
    ],
  },
];
