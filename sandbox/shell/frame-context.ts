/**
 * The Forge context of one framed module: who is looking, and the `extension` describing where
 * (issue, project, board, sprint), shaped as `view.getContext()` returns it
 * (developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/view, "getContext") with each
 * module's documented "Extension data" (manifest-reference/modules/jira-issue-panel,
 * jira-issue-context, jira-project-page, jira-project-settings-page): ids as strings, `location` the
 * host page's URL. Built on the server from what the frame is about, read from Jira as the user —
 * never taken from the browser.
 */
import { z } from 'zod';
import type { ForgeContext } from './app-host';
import type { JiraClient } from './jira-client';
import type { UiModule } from './manifest';

/** What a frame is about: the page puts these in the frame's URL; invoke sends them back. */
export const frameTargetSchema = z.object({
  // Absent for the site-wide modules (global page, dashboard gadget), which no project frames.
  projectKey: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/)
    .optional(),
  issueKey: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*-\d+$/)
    .optional(),
  boardId: z.coerce.number().int().positive().optional(),
  sprintId: z.coerce.number().int().positive().optional(),
});
export type FrameTarget = z.infer<typeof frameTargetSchema>;

/** A frame URL naming no valid project/issue/board/sprint: the caller's mistake (400). */
export class FrameTargetError extends Error {
  readonly status = 400;
}

export function targetFromQuery(query: URLSearchParams): FrameTarget {
  const entries = [...query.entries()].filter(([k]) =>
    ['projectKey', 'issueKey', 'boardId', 'sprintId'].includes(k),
  );
  const parsed = frameTargetSchema.safeParse(Object.fromEntries(entries));
  if (!parsed.success)
    throw new FrameTargetError(
      `The frame's URL does not say where it is: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export function targetQuery(target: FrameTarget): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(target)) if (v !== undefined) params.set(k, String(v));
  return params.toString();
}

export interface ContextSite {
  cloudId: string;
  siteUrl: string;
}

/** The shell page that shows a module of this type (the extension's `location`). */
function pagePath(module: UiModule, target: FrameTarget): string {
  if (target.issueKey !== undefined) return `/browse/${target.issueKey}`;
  if (module.type === 'jira:globalPage') return `/jira/apps/${module.key}`;
  if (module.type === 'jira:dashboardGadget') return SANDBOX_DASHBOARD_PATH;
  if (module.type === 'jira:projectPage') return `/projects/${target.projectKey}/ballast`;
  if (module.type === 'jira:projectSettingsPage') return `/projects/${target.projectKey}/settings`;
  return `/projects/${target.projectKey}/backlog`;
}

/** The sandbox's one Jira dashboard, where the app's gadgets are placed. */
export const SANDBOX_DASHBOARD_PATH = '/jira/dashboards/1';
/** The environment id the sandbox's extension ARIs carry (Forge names one per environment). */
export const SANDBOX_ENVIRONMENT_ID = 'sandbox';

/**
 * One extension instance per module and place, as Forge's localId is. The site-wide modules get
 * Forge's ARI form, `ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}`, which the
 * portfolio reads to link to the project page (src/app/portfolio/project-page-url.ts).
 */
export function localIdOf(
  module: Pick<UiModule, 'key'> & { appId?: string | undefined },
  target: FrameTarget,
): string {
  if (target.projectKey === undefined && module.appId !== undefined) {
    const app = module.appId.replace(/^ari:cloud:ecosystem::app\//, '');
    return `ari:cloud:ecosystem::extension/${app}/${SANDBOX_ENVIRONMENT_ID}/static/${module.key}`;
  }
  return `${module.key}/${targetQuery(target)}`;
}

export async function buildContext(
  jira: JiraClient,
  accountId: string,
  module: UiModule,
  target: FrameTarget,
  site: ContextSite,
): Promise<ForgeContext> {
  const extension: Record<string, unknown> = { type: module.type };
  if (target.projectKey !== undefined) {
    const project = await jira.get<{ id: string; key: string; projectTypeKey?: string }>(
      `/rest/api/3/project/${encodeURIComponent(target.projectKey)}`,
    );
    extension.project = {
      id: project.id,
      key: project.key,
      type: project.projectTypeKey ?? 'software',
    };
  }
  // The global page and the gadget carry no project; their other extension data (a gadget's
  // dashboard and configuration) is not modelled: the portfolio reads only `type` (a risk, README).
  if (target.issueKey !== undefined) {
    const issue = await jira.get<{
      id: string;
      key: string;
      fields: { issuetype?: { id: string; name: string } };
    }>(`/rest/api/3/issue/${encodeURIComponent(target.issueKey)}?fields=issuetype`);
    extension.issue = {
      id: issue.id,
      key: issue.key,
      type: issue.fields.issuetype?.name,
      typeId: issue.fields.issuetype?.id,
    };
    // Only the issue panel's extension data lists `isNewToIssue`.
    if (module.type === 'jira:issuePanel') extension.isNewToIssue = false;
  }
  if (target.boardId !== undefined) {
    const board = await jira.get<{ id: number; type: string }>(
      `/rest/agile/1.0/board/${target.boardId}`,
    );
    extension.board = { id: String(board.id), type: board.type };
  }
  if (target.sprintId !== undefined) extension.sprint = { id: String(target.sprintId) };
  extension.location = `${site.siteUrl}${pagePath(module, target)}`;
  return {
    accountId,
    cloudId: site.cloudId,
    siteUrl: site.siteUrl,
    localId: localIdOf(module, target),
    moduleKey: module.key,
    locale: 'en-US',
    timezone: 'UTC',
    extension,
  };
}

/**
 * Jira hands a frame its context from the page that frames it, without reading Jira again for
 * every call. The shell builds it from Jira once (as the user, so their permissions still decide)
 * and keeps it a short while per user, module and place, for `getContext` and each `invoke` — so
 * the Jira faults and latency the knobs inject reach the app's own calls, not the host's
 * bookkeeping. A failed build is not kept: the next call tries again.
 */
export interface ContextCache {
  get(
    jira: JiraClient,
    accountId: string,
    module: UiModule,
    target: FrameTarget,
    site: ContextSite,
  ): Promise<ForgeContext>;
}

export function contextCache(ttlMs = 60_000, now: () => number = Date.now): ContextCache {
  const kept = new Map<string, { at: number; context: Promise<ForgeContext> }>();
  return {
    get(jira, accountId, module, target, site) {
      const key = `${accountId} ${localIdOf(module, target)}`;
      const hit = kept.get(key);
      if (hit !== undefined && now() - hit.at < ttlMs) return hit.context;
      const context = buildContext(jira, accountId, module, target, site);
      kept.set(key, { at: now(), context });
      context.catch(() => {
        if (kept.get(key)?.context === context) kept.delete(key);
      });
      return context;
    },
  };
}
