/**
 * The shell's HTTP handler: Jira-like pages, the shell's own assets, the framed modules'
 * resources (with the bridge injected), the bridge's backend routes, and the user switch.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AppHost } from './app-host';
import { bridgeContext, bridgeFetchProduct, bridgeInvoke, BridgeError } from './bridge-routes';
import { FRAME_PREFIX, serveFrameFile } from './frame';
import {
  contextCache,
  FrameTargetError,
  localIdOf,
  SANDBOX_DASHBOARD_PATH,
  targetFromQuery,
  type ContextSite,
} from './frame-context';
import { escapeHtml } from './html';
import { HttpError, readJson, readText, redirect, safeBack, sendHtml, sendJson } from './http-util';
import { JiraCallError, jiraAs } from './jira-client';
import type { AppManifest } from './manifest';
import { moduleRoutes, renderPage, type ShellPage } from './pages/render';
import { backlogStateFromQuery } from './pages/backlog-overlay';
import { parseTransitionRequest, performTransition } from './pages/status-control';
import { appRecordReader, handleSprintAction, SPRINT_ACTION_PATH } from './sprint-routes';
import { contentType, readInside } from './static-files';
import { isTheme, themeCookie, themeFromCookie } from './theme';
import { isSandboxLicence, SANDBOX_LICENCES } from '../forge/host/licence';
import { userByAccountId, userCookie, userFromCookie } from './users';
import { chosenValidators, isJiraAdmin, readWorkflow, saveValidators } from './workflow-editor';
import { sourceFiles, tokenCss, tokenUses } from '../../scripts/ds-tokens.mjs';
import type { QueuedEmail } from '../jira/routes/notify';
import { WEBHOOK_PREFIX, type WebhookReceiver } from './webhook-receiver';

export interface ShellDeps {
  /** Read per request, so modules added to manifest.yml show up without a restart. */
  manifest: () => AppManifest;
  host: AppHost;
  jiraUrl: string;
  site: ContextSite;
  defaultProjectKey: string;
  /** Jira's mail queue and the local webhook receiver, for the Notifications page. */
  notifications?: { mail: () => readonly QueuedEmail[]; receiver: WebhookReceiver };
}

const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));
const KEY = '[A-Z][A-Z0-9_]*';

/**
 * The Atlassian tokens shell.css uses, with @atlaskit/tokens' light and dark values; made on each
 * request (a few milliseconds), as the other assets are read fresh.
 */
const shellTokensCss = (): string => tokenCss(tokenUses(sourceFiles(ASSETS), ASSETS).keys()).css;

function pageFor(path: string, query: URLSearchParams): ShellPage | undefined {
  const workflow = new RegExp(`^/projects/(${KEY})/settings/workflow$`).exec(path);
  if (workflow?.[1] !== undefined) {
    const saved = query.get('saved');
    return {
      kind: 'workflow',
      projectKey: workflow[1],
      ...(saved === null ? {} : { savedTransitionId: saved }),
    };
  }
  const project = new RegExp(`^/projects/(${KEY})/(backlog|ballast|settings|notifications)$`).exec(
    path,
  );
  if (project?.[1] !== undefined && project[2] !== undefined)
    return {
      kind: project[2] as 'backlog' | 'ballast' | 'settings' | 'notifications',
      projectKey: project[1],
    };
  // Jira's project page URL (jira-project-page: /jira/{projectType}/projects/{key}/apps/{appId}/{envId}).
  const projectApp = new RegExp(`^/jira/[a-z_]+/projects/(${KEY})/apps/[^/]+/[^/]+$`).exec(path);
  if (projectApp?.[1] !== undefined) return { kind: 'ballast', projectKey: projectApp[1] };
  const globalPage = /^\/jira\/apps\/([a-zA-Z0-9_-]+)$/.exec(path);
  if (globalPage?.[1] !== undefined) return { kind: 'global', moduleKey: globalPage[1] };
  if (path === SANDBOX_DASHBOARD_PATH) return { kind: 'dashboard' };
  const issue = new RegExp(`^/browse/(${KEY}-\\d+)$`).exec(path);
  if (issue?.[1] !== undefined) return { kind: 'issue', issueKey: issue[1] };
  return undefined;
}

function errorPage(status: number, message: string): string {
  return `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/__shell/assets/ds-tokens.css"><link rel="stylesheet" href="/__shell/assets/shell.css"><main class="content"><h1>${status === 404 ? 'Not found' : 'Something went wrong'}</h1><p class="message" role="alert">${escapeHtml(message)}</p><p><a href="/">Back to the backlog</a></p></main>`;
}

export function createShellHandler(shellDeps: ShellDeps) {
  const deps = { ...shellDeps, contexts: contextCache() };
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://shell.local');
    const path = url.pathname;
    const user = userFromCookie(req.headers.cookie);
    const theme = themeFromCookie(req.headers.cookie);

    // The app's web triggers, at the URLs webTrigger.getUrl() hands out.
    if (path.startsWith('/x1/')) return deps.host.webTriggerHandler(req, res);

    // The local Slack/Teams incoming webhook the sandbox's projects may post their notices to.
    if (path.startsWith(WEBHOOK_PREFIX) && deps.notifications !== undefined)
      return deps.notifications.receiver.handle(req, res, path);

    if (method === 'GET' && path === '/')
      return redirect(res, `/projects/${deps.defaultProjectKey}/backlog`);

    if (method === 'GET' && path === '/__shell/assets/ds-tokens.css') {
      res
        .writeHead(200, { 'content-type': contentType(path), 'cache-control': 'no-cache' })
        .end(shellTokensCss());
      return;
    }

    if (method === 'GET' && path.startsWith('/__shell/assets/')) {
      const name = path.slice('/__shell/assets/'.length);
      const file = await readInside(ASSETS, name);
      if (file === undefined) throw new HttpError(404, `No asset ${name}.`);
      res
        .writeHead(200, { 'content-type': contentType(name), 'cache-control': 'no-cache' })
        .end(file);
      return;
    }

    if (method === 'POST' && path === '/__shell/user') {
      const form = new URLSearchParams(await readText(req));
      const chosen = userByAccountId(form.get('accountId') ?? undefined);
      if (chosen === undefined) throw new HttpError(400, 'Unknown user.');
      return redirect(res, safeBack(form.get('back')), {
        'set-cookie': userCookie(chosen.accountId),
      });
    }

    if (method === 'POST' && path === '/__shell/theme') {
      const form = new URLSearchParams(await readText(req));
      const chosen = form.get('theme');
      if (!isTheme(chosen)) throw new HttpError(400, 'Unknown theme.');
      return redirect(res, safeBack(form.get('back')), { 'set-cookie': themeCookie(chosen) });
    }

    // The app's licence on the site (sandbox/forge/host/licence.ts): the top bar's form, or JSON
    // `{ "licence": "development" | "active" | "inactive" }` for scripts and tests.
    if (path === '/__shell/licence' && method === 'GET')
      return sendJson(res, 200, { licence: deps.host.forge.licence.current() });
    if (path === '/__shell/licence' && (method === 'POST' || method === 'PUT')) {
      const json = (req.headers['content-type'] ?? '').includes('application/json');
      const form = json ? undefined : new URLSearchParams(await readText(req));
      const chosen = json
        ? ((await readJson(req)) as { licence?: unknown } | null)?.licence
        : form?.get('licence');
      if (!isSandboxLicence(chosen))
        throw new HttpError(
          400,
          `Unknown licence ${JSON.stringify(chosen)}: use one of ${SANDBOX_LICENCES.join(', ')}.`,
        );
      deps.host.forge.licence.set(chosen);
      if (json) return sendJson(res, 200, { licence: chosen });
      return redirect(res, safeBack(form?.get('back') ?? null));
    }

    if (method === 'POST' && path === '/__shell/bridge/context')
      return sendJson(res, 200, await bridgeContext(deps, user.accountId, await readJson(req)));

    // Runs one scheduled trigger now (sandbox only: Forge's scheduler chooses when they run), e.g.
    // `ballast-personal-data` after closing an account; the scheduler keeps its own interval.
    const scheduled = /^\/__shell\/scheduled\/([a-z0-9-]+)$/.exec(path);
    if (method === 'POST' && scheduled?.[1] !== undefined) {
      const key = scheduled[1];
      if (
        !deps.host.forge.manifest.modules.some(
          (m) => m.type === 'scheduledTrigger' && m.key === key,
        )
      )
        throw new HttpError(404, `No scheduled trigger ${key}.`);
      await deps.host.forge.runScheduled(key);
      return sendJson(res, 200, { ok: true, ran: key });
    }

    if (method === 'POST' && path === '/__shell/bridge/invoke')
      return sendJson(res, 200, await bridgeInvoke(deps, user.accountId, await readJson(req)));
    if (method === 'POST' && path === '/__shell/bridge/fetch-product')
      return sendJson(
        res,
        200,
        await bridgeFetchProduct(deps, user.accountId, await readJson(req)),
      );

    // The issue page's status control: one transition as the selected user, Jira's answer back.
    const transition = new RegExp(`^/__shell/issue/(${KEY}-\\d+)/transitions$`).exec(path);
    if (method === 'POST' && transition?.[1] !== undefined) {
      const issueKey = transition[1];
      const request = parseTransitionRequest(req.headers['content-type'], await readText(req));
      const jira = jiraAs(deps.jiraUrl, user.accountId);
      const outcome = await performTransition(jira, issueKey, request.transitionId);
      if (!request.form) return sendJson(res, outcome.ok ? 200 : outcome.status, outcome);
      if (outcome.ok) return redirect(res, `/browse/${issueKey}`);
      // Without JavaScript: the issue page again, with Jira's refusal under the control.
      const body = await renderPage({
        page: { kind: 'issue', issueKey },
        user,
        theme,
        path: `/browse/${issueKey}`,
        jiraUrl: deps.jiraUrl,
        manifest: deps.manifest(),
        transitionError: outcome.message,
        licence: deps.host.forge.licence.current(),
      });
      return sendHtml(res, outcome.status, body);
    }

    // The backlog's Start sprint and Complete sprint dialogs, through Jira's Agile API as the user.
    const sprintAction = SPRINT_ACTION_PATH.exec(path);
    if (method === 'POST' && sprintAction?.[1] !== undefined) {
      const action = sprintAction[2] === 'start' ? 'start' : 'complete';
      return handleSprintAction(deps, req, res, { user, theme }, Number(sprintAction[1]), action);
    }

    // Project settings → Workflow: a Jira administrator saves the app's validators on a transition.
    const validators = new RegExp(
      `^/__shell/projects/(${KEY})/workflow/transitions/(\\d+)/validators$`,
    ).exec(path);
    if (method === 'POST' && validators?.[1] !== undefined && validators[2] !== undefined) {
      const [, projectKey, transitionId] = validators;
      const jira = jiraAs(deps.jiraUrl, user.accountId);
      // Jira answers 404 to someone who cannot browse the project.
      await jira.get(`/rest/api/3/project/${encodeURIComponent(projectKey)}`);
      if (!(await isJiraAdmin(jira)))
        throw new HttpError(
          403,
          `${user.displayName} is not a Jira administrator: only Jira administrators change a workflow's validators.`,
        );
      const view = await readWorkflow(deps.jiraUrl, projectKey);
      const current = view.workflow.transitions.find((t) => t.id === transitionId);
      if (current === undefined)
        throw new HttpError(404, `${view.workflow.name} has no transition ${transitionId}.`);
      const keys = deps.manifest().workflowValidators.map((v) => v.key);
      const chosen = chosenValidators(await readText(req), keys, current.validators);
      await saveValidators(deps.jiraUrl, projectKey, transitionId, chosen);
      return redirect(res, `/projects/${projectKey}/settings/workflow?saved=${transitionId}`);
    }

    if (method === 'GET' && path.startsWith(FRAME_PREFIX)) {
      const [moduleKey = '', ...rest] = path.slice(FRAME_PREFIX.length).split('/');
      const manifest = deps.manifest();
      const module = manifest.modules.find((m) => m.key === moduleKey);
      if (module === undefined)
        throw new HttpError(404, `manifest.yml has no module ${moduleKey}.`);
      return serveFrameFile(res, module, rest.join('/'), () => {
        const target = targetFromQuery(url.searchParams);
        return {
          moduleKey,
          target,
          localId: localIdOf(module, target),
          moduleRoutes: moduleRoutes(manifest, target.projectKey),
          colorMode: theme,
        };
      });
    }

    const page = method === 'GET' ? pageFor(path, url.searchParams) : undefined;
    if (page === undefined) throw new HttpError(404, `No sandbox page at ${method} ${path}.`);
    const body = await renderPage({
      page,
      user,
      theme,
      path: `${path}${url.search}`,
      jiraUrl: deps.jiraUrl,
      manifest: deps.manifest(),
      backlogState: page.kind === 'backlog' ? backlogStateFromQuery(url.searchParams) : undefined,
      readAppRecord: appRecordReader(deps.host),
      licence: deps.host.forge.licence.current(),
      ...(deps.notifications === undefined
        ? {}
        : {
            notifications: {
              mail: deps.notifications.mail(),
              webhooks: deps.notifications.receiver.messages,
            },
          }),
    });
    sendHtml(res, 200, body);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      const status =
        error instanceof HttpError ||
        error instanceof BridgeError ||
        error instanceof JiraCallError ||
        error instanceof FrameTargetError
          ? error.status
          : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) console.error('Sandbox shell error', error);
      const wantsJson =
        (req.url ?? '').startsWith('/__shell/bridge/') ||
        ((req.url ?? '').startsWith('/__shell/issue/') &&
          (req.headers.accept ?? '').includes('application/json'));
      if (wantsJson) sendJson(res, status, { message });
      else sendHtml(res, status, errorPage(status, message));
    });
  };
}
