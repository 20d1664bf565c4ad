/**
 * The workflow editor's part the sandbox needs, as admin routes (Jira admins add and remove app
 * validators in the editor UI, not through the REST API the app calls):
 *   GET /__sandbox/workflows/{projectKey}
 *       the project's workflow: each transition with its from/to statuses and validator keys
 *   PUT /__sandbox/workflows/{projectKey}/transitions/{transitionId}/validators
 *       { validators: [moduleKey, …] } replaces that transition's validators (persisted in the state)
 * Like every /__sandbox/ route they take no identity: the shell's Workflow page lets only Jira
 * administrators change them, as Jira does.
 */
import { z } from 'zod';
import type { JiraStore } from '../state/store';
import type { TransitionRecord } from '../state/types';
import { setTransitionValidators, WorkflowEditError, workflowOf } from '../state/workflow';
import type { RouteResult } from './router';

const PATH = /^\/__sandbox\/workflows\/([A-Z][A-Z0-9_]*)(?:\/transitions\/([^/]+)\/validators)?$/;
const validatorsBody = z.object({ validators: z.array(z.string()) });

const error = (status: number, message: string): RouteResult => ({
  status,
  body: { errorMessages: [message], errors: {} },
});

function transitionView(store: JiraStore, transition: TransitionRecord) {
  const named = (id: string) => {
    const found = store.status(id);
    return { id, name: found?.name ?? id, category: found?.category ?? 'new' };
  };
  return {
    id: transition.id,
    name: transition.name,
    from: transition.fromStatusIds.map(named),
    to: named(transition.toStatusId),
    validators: [...transition.validators],
  };
}

export function workflowAdminRoute(
  method: string,
  path: string,
  body: unknown,
  store: JiraStore,
): RouteResult | undefined {
  const match = PATH.exec(path);
  if (match === null) return undefined;
  const [, projectKey = '', transitionId] = match;
  const project = store.project(projectKey);
  if (project === undefined) return error(404, `No project ${projectKey}.`);
  const workflow = workflowOf(store, project);
  if (transitionId === undefined && method === 'GET') {
    return {
      status: 200,
      body: {
        project: { key: project.key, companyManaged: !project.simplified },
        workflow: {
          id: workflow.id,
          name: workflow.name,
          transitions: workflow.transitions.map((t) => transitionView(store, t)),
        },
      },
    };
  }
  if (transitionId !== undefined && method === 'PUT') {
    const parsed = validatorsBody.safeParse(body);
    if (!parsed.success) return error(400, 'The body must be { "validators": [moduleKey, …] }.');
    try {
      const changed = setTransitionValidators(workflow, transitionId, parsed.data.validators);
      return { status: 200, body: transitionView(store, changed) };
    } catch (problem) {
      if (problem instanceof WorkflowEditError) return error(400, problem.message);
      throw problem;
    }
  }
  return error(405, `${method} is not allowed on ${path}.`);
}
