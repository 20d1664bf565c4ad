/**
 * Renders each shell page for a user: reads Jira as them, picks the app's modules from the
 * manifest (read fresh, so new modules appear), and wraps the body in the layout.
 */
import { loadBacklog } from '../backlog-data';
import { jiraAs } from '../jira-client';
import { modulesOfType, type AppManifest } from '../manifest';
import type { ShellTheme } from '../theme';
import type { ShellUser } from '../users';
import type { SandboxLicence } from '../../forge/host/licence';
import type { AppRecordReader } from '../sprint-report';
import { backlogBody } from './backlog';
import { commentsSection, loadComments } from './comments';
import { backlogOverlay, type BacklogState } from './backlog-overlay';
import { issueBody, loadIssue } from './issue';
import { layout, type Section } from './layout';
import { messageBody, modulePageBody, siteModulesBody } from './module-page';
import { loadTransitions } from './status-control';
import { workflowBody } from './workflow';
import { notificationsBody } from './notifications';
import type { QueuedEmail } from '../../jira/routes/notify';
import type { ReceivedWebhook } from '../webhook-receiver';
import { userByAccountId } from '../users';
import { isJiraAdmin, readWorkflow } from '../workflow-editor';

export type ShellPage =
  | { kind: 'backlog'; projectKey: string }
  | { kind: 'ballast'; projectKey: string }
  | { kind: 'settings'; projectKey: string }
  | { kind: 'notifications'; projectKey: string }
  | { kind: 'workflow'; projectKey: string; savedTransitionId?: string }
  | { kind: 'issue'; issueKey: string }
  /** A `jira:globalPage` module (Jira: /jira/apps/{appId}/{envId}; here by module key). */
  | { kind: 'global'; moduleKey: string }
  /** The sandbox's one dashboard, with the app's `jira:dashboardGadget` modules on it. */
  | { kind: 'dashboard' };

export interface RenderInput {
  page: ShellPage;
  user: ShellUser;
  theme: ShellTheme;
  path: string;
  jiraUrl: string;
  manifest: AppManifest;
  /** The issue page only: Jira's refusal of a transition posted without JavaScript. */
  transitionError?: string;
  /** The backlog only: the sprint dialog or notice to show (from the query or a refused post). */
  backlogState?: BacklogState | undefined;
  /** The app's stored values, for the notice after a sprint action (none: the notice says so). */
  readAppRecord?: AppRecordReader;
  /** "Now" for the Start dialog's default start date; the wall clock by default. */
  nowMs?: number;
  /** The app's licence on the site, for the top bar's Licence control. */
  licence?: SandboxLicence;
  /** The Notifications page: Jira's mail queue and the webhook receiver's messages. */
  notifications?: { mail: readonly QueuedEmail[]; webhooks: readonly ReceivedWebhook[] };
}

export async function renderPage(input: RenderInput): Promise<string> {
  const { page, user, manifest } = input;
  if (page.kind === 'global' || page.kind === 'dashboard') return renderSitePage(input, page);
  const jira = jiraAs(input.jiraUrl, user.accountId);
  const projectKey = page.kind === 'issue' ? page.issueKey.replace(/-\d+$/, '') : page.projectKey;
  const project = await jira.get<{ key: string; name: string }>(
    `/rest/api/3/project/${encodeURIComponent(projectKey)}`,
  );
  const projectPages = modulesOfType(manifest, 'jira:projectPage');
  const frame = (section: Section, title: string, body: Parameters<typeof layout>[0]['body']) =>
    layout({
      title,
      user,
      theme: input.theme,
      projectKey: project.key,
      projectName: project.name,
      section,
      path: input.path,
      projectPageLabel: projectPages[0]?.title ?? 'Ballast',
      body,
      ...(input.licence === undefined ? {} : { licence: input.licence }),
    });

  switch (page.kind) {
    case 'backlog': {
      const data = await loadBacklog(jira, project.key);
      const overlay = await backlogOverlay(
        {
          jira,
          data,
          projectKey: project.key,
          readApp: input.readAppRecord ?? (() => undefined),
          nowMs: input.nowMs ?? Date.now(),
        },
        input.backlogState,
      );
      const body = backlogBody(
        data,
        project.key,
        modulesOfType(manifest, 'jira:sprintAction'),
        modulesOfType(manifest, 'jira:backlogAction'),
        overlay,
      );
      return frame('backlog', 'Backlog', body);
    }
    case 'issue': {
      const [issue, transitions, comments] = await Promise.all([
        loadIssue(jira, page.issueKey),
        loadTransitions(jira, page.issueKey),
        loadComments(jira, page.issueKey),
      ]);
      const body = issueBody(
        issue,
        project.key,
        modulesOfType(manifest, 'jira:issuePanel'),
        modulesOfType(manifest, 'jira:issueContext'),
        {
          transitions,
          transitionError: input.transitionError,
          comments: commentsSection(comments),
        },
      );
      return frame('issue', issue.key, body);
    }
    case 'ballast':
      return frame(
        'ballast',
        'Ballast',
        modulePageBody('Ballast', project.key, projectPages, 'Ballast project page'),
      );
    case 'workflow': {
      const [view, canEdit] = await Promise.all([
        readWorkflow(input.jiraUrl, project.key),
        isJiraAdmin(jira),
      ]);
      const body = workflowBody({
        view,
        validators: manifest.workflowValidators,
        canEdit,
        userName: user.displayName,
        savedTransitionId: page.savedTransitionId,
      });
      return frame('workflow', 'Workflow', body);
    }
    case 'notifications':
      return frame(
        'notifications',
        'Notifications',
        notificationsBody({
          projectKey: project.key,
          mail: input.notifications?.mail ?? [],
          webhooks: input.notifications?.webhooks ?? [],
          names: (id) => userByAccountId(id)?.displayName ?? id,
        }),
      );
    case 'settings': {
      // Jira shows project settings to project administrators only.
      const permissions = await jira.get<{
        permissions: Record<string, { havePermission: boolean }>;
      }>(
        `/rest/api/3/mypermissions?projectKey=${encodeURIComponent(project.key)}&permissions=ADMINISTER_PROJECTS`,
      );
      const body = permissions.permissions.ADMINISTER_PROJECTS?.havePermission
        ? modulePageBody(
            'Project settings',
            project.key,
            modulesOfType(manifest, 'jira:projectSettingsPage'),
            'Ballast project settings',
          )
        : messageBody(
            'Project settings',
            `${user.displayName} is not an administrator of ${project.key}: only project administrators can open its settings.`,
          );
      return frame('settings', 'Project settings', body);
    }
  }
}

/** Pages of no project: a global page, or the dashboard with the app's gadgets. */
function renderSitePage(
  input: RenderInput,
  page: { kind: 'global'; moduleKey: string } | { kind: 'dashboard' },
): string {
  const frame = (title: string, body: Parameters<typeof layout>[0]['body']) =>
    layout({
      title,
      user: input.user,
      theme: input.theme,
      section: page.kind,
      path: input.path,
      projectPageLabel: 'Ballast',
      body,
    });
  if (page.kind === 'dashboard') {
    return frame(
      'Dashboard',
      siteModulesBody(
        'Dashboard',
        modulesOfType(input.manifest, 'jira:dashboardGadget'),
        'Ballast dashboard gadget',
        'gadget',
      ),
    );
  }
  const module = modulesOfType(input.manifest, 'jira:globalPage').filter(
    (m) => m.key === page.moduleKey,
  );
  return frame(
    module[0]?.title ?? 'App',
    siteModulesBody(module[0]?.title ?? 'App', module, `Global page ${page.moduleKey}`, 'wide'),
  );
}

/** The shell page each module lives on, for the bridge's router (navigate to a module). */
export function moduleRoutes(
  manifest: AppManifest,
  projectKey: string | undefined,
): Record<string, string> {
  const routes: Record<string, string> = {};
  for (const m of manifest.modules) {
    if (m.type === 'jira:globalPage') routes[m.key] = `/jira/apps/${m.key}`;
    if (projectKey === undefined) continue;
    if (m.type === 'jira:projectPage') routes[m.key] = `/projects/${projectKey}/ballast`;
    if (m.type === 'jira:projectSettingsPage') routes[m.key] = `/projects/${projectKey}/settings`;
  }
  return routes;
}
