/**
 * The shell's side of Jira's workflow editor, for the app's validators only: read a project's
 * workflow and replace the validators on one transition, through the emulator's admin routes
 * (sandbox/jira/http/workflow-admin.ts). Who may change them is decided here, as Jira decides it:
 * editing a company-managed workflow's rules needs the "Administer Jira" global permission
 * (https://support.atlassian.com/jira-cloud-administration/docs/configure-advanced-issue-workflows/:
 * "As a Jira administrator, you can control … validators"), asked of Jira as the person.
 */
import { z } from 'zod';
import { HttpError } from './http-util';
import type { JiraClient } from './jira-client';

const statusRef = z.object({ id: z.string(), name: z.string(), category: z.string() });
const workflowView = z.object({
  project: z.object({ key: z.string(), companyManaged: z.boolean() }),
  workflow: z.object({
    id: z.string(),
    name: z.string(),
    transitions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        from: z.array(statusRef),
        to: statusRef,
        validators: z.array(z.string()),
      }),
    ),
  }),
});

export type WorkflowView = z.infer<typeof workflowView>;
export type TransitionView = WorkflowView['workflow']['transitions'][number];

const adminPath = (projectKey: string) => `/__sandbox/workflows/${encodeURIComponent(projectKey)}`;

async function answer(response: Response): Promise<unknown> {
  const body = (await response.json().catch(() => undefined)) as
    { errorMessages?: string[] } | undefined;
  if (!response.ok)
    throw new HttpError(
      response.status,
      body?.errorMessages?.join(' ') ?? `The workflow editor answered ${response.status}.`,
    );
  return body;
}

export async function readWorkflow(jiraUrl: string, projectKey: string): Promise<WorkflowView> {
  return workflowView.parse(await answer(await fetch(`${jiraUrl}${adminPath(projectKey)}`)));
}

export async function saveValidators(
  jiraUrl: string,
  projectKey: string,
  transitionId: string,
  validators: readonly string[],
): Promise<void> {
  await answer(
    await fetch(
      `${jiraUrl}${adminPath(projectKey)}/transitions/${encodeURIComponent(transitionId)}/validators`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ validators }),
      },
    ),
  );
}

/** Whether Jira gives the person "Administer Jira" (GET /rest/api/3/mypermissions as them). */
export async function isJiraAdmin(jira: JiraClient): Promise<boolean> {
  const answer = await jira.get<{ permissions: Record<string, { havePermission: boolean }> }>(
    '/rest/api/3/mypermissions?permissions=ADMINISTER',
  );
  return answer.permissions.ADMINISTER?.havePermission === true;
}

/**
 * The validators to keep on a transition after the form: the app's ones that were ticked (in the
 * manifest's order), and every other app's that were there (this page cannot show those).
 */
export function chosenValidators(
  formText: string,
  appKeys: readonly string[],
  current: readonly string[],
): string[] {
  const ticked = new URLSearchParams(formText).getAll('validator');
  const unknown = ticked.find((k) => !appKeys.includes(k));
  if (unknown !== undefined)
    throw new HttpError(400, `"${unknown}" is not a workflow validator of this app.`);
  return [
    ...current.filter((k) => !appKeys.includes(k)),
    ...appKeys.filter((k) => ticked.includes(k)),
  ];
}
