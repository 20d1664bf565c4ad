/**
 * What a Jira admin does after installing Ballast, following its README ("Definition of Done
 * enforcement", "Error-budget gate enforcement"): in each company-managed workflow, add
 * _Ballast Definition of Done_ to every transition into a Done-category status and
 * _Ballast error-budget gate_ to every transition into In Progress. In the software workflow that
 * is DoD on "Complete work" and the gate on "Start progress" and "Request changes" (the gate lets
 * the latter through itself: the work had already started). Team-managed workflows get none, as
 * Jira has no validators there
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-workflow-validator/).
 */
import { SOFTWARE_WORKFLOW_ID } from '../state/default-workflows';
import type { JiraState } from '../state/types';

/** manifest.yml's `jira:workflowValidator` keys. */
export const DOD_VALIDATOR_KEY = 'ballast-dod-validator';
export const GATE_VALIDATOR_KEY = 'ballast-gate-validator';

const IN_PROGRESS_STATUS = '3';

export function installBallastValidators(state: JiraState): void {
  const company = new Set(state.projects.filter((p) => !p.simplified).map((p) => p.workflowId));
  company.add(SOFTWARE_WORKFLOW_ID);
  const done = new Set(state.statuses.filter((s) => s.category === 'done').map((s) => s.id));
  for (const workflow of state.workflows.filter((w) => company.has(w.id))) {
    for (const transition of workflow.transitions) {
      const keys = new Set(transition.validators);
      if (done.has(transition.toStatusId)) keys.add(DOD_VALIDATOR_KEY);
      if (transition.toStatusId === IN_PROGRESS_STATUS) keys.add(GATE_VALIDATOR_KEY);
      transition.validators = [...keys];
    }
  }
}
