/**
 * Saved states of older versions, brought to the current one so a sandbox keeps its data.
 *
 * 1 → 2: version 1 had one list of global transitions for every project and no validator
 * configuration (every app validator ran on every transition). Version 2 gives each project a
 * workflow: company-managed projects get the software workflow with Ballast's validators where its
 * README says to add them (seed/ballast-validators.ts), team-managed ones the all-global workflow.
 * Issue statuses are unchanged: both workflows use the same four statuses.
 */
import { installBallastValidators } from '../seed/ballast-validators';
import {
  DEFAULT_WORKFLOWS,
  SOFTWARE_WORKFLOW_ID,
  TEAM_MANAGED_WORKFLOW_ID,
} from './default-workflows';
import type { JiraState, ProjectRecord } from './types';

type Saved = { version?: unknown } & Record<string, unknown>;

function fromVersion1(saved: Saved): Saved {
  // Version 1's global transitions are replaced by the workflows.
  const rest = { ...saved };
  delete rest.transitions;
  const projects = (rest.projects as Omit<ProjectRecord, 'workflowId'>[] | undefined) ?? [];
  const state = {
    ...rest,
    version: 2,
    workflows: structuredClone([...DEFAULT_WORKFLOWS]),
    projects: projects.map((p) => ({
      ...p,
      workflowId: p.simplified ? TEAM_MANAGED_WORKFLOW_ID : SOFTWARE_WORKFLOW_ID,
    })),
  } as unknown as JiraState;
  installBallastValidators(state);
  return state as unknown as Saved;
}

export function migrateState(saved: Saved): Saved {
  return saved.version === 1 ? fromVersion1(saved) : saved;
}
