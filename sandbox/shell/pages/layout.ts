/**
 * The Jira-like chrome around every page: top bar with the user switcher, the project sidebar
 * (Backlog, the Ballast project page, Project settings and its Workflow), and the flag area frames
 * report into.
 */
import { html, type SafeHtml } from '../html';
import { THEME_LABELS, THEMES, type ShellTheme } from '../theme';
import { SHELL_USERS, type ShellUser } from '../users';
import { SANDBOX_LICENCES, type SandboxLicence } from '../../forge/host/licence';

export type Section =
  | 'backlog'
  | 'ballast'
  | 'settings'
  | 'workflow'
  | 'issue'
  | 'notifications'
  | 'global'
  | 'dashboard';

export interface LayoutInput {
  title: string;
  user: ShellUser;
  /** Absent on pages of no project (global pages, dashboards): no project sidebar then. */
  projectKey?: string;
  projectName?: string;
  section: Section;
  /** Light, dark, or the browser's preference (the top bar's switcher). */
  theme: ShellTheme;
  /** Current path, so switching user or theme comes back to the same page. */
  path: string;
  /** Sidebar label of the app's project page (the module's title, when there is one). */
  projectPageLabel: string;
  body: SafeHtml;
  /** The app's licence on the site (the top bar's Licence control); development by default. */
  licence?: SandboxLicence;
}

const initials = (name: string) =>
  name
    .split(' ')
    .map((p) => p[0] ?? '')
    .join('')
    .slice(0, 2);

function userSwitcher(user: ShellUser, path: string): SafeHtml {
  return html`<form class="user-switcher" method="post" action="/__shell/user">
    <input type="hidden" name="back" value="${path}" />
    <span class="avatar" aria-hidden="true">${initials(user.displayName)}</span>
    <label
      ><span class="visually-hidden">Acting as</span>
      <select name="accountId" data-autosubmit aria-label="Switch user">
        ${SHELL_USERS.map(
          (u) =>
            html`<option
              value="${u.accountId}"
              ${u.accountId === user.accountId ? html`selected` : ''}
            >
              ${u.displayName} (${u.role})
            </option>`,
        )}
      </select></label
    >
    <noscript><button type="submit">Switch</button></noscript>
  </form>`;
}

function themeSwitcher(theme: ShellTheme, path: string): SafeHtml {
  return html`<form class="theme-switcher" method="post" action="/__shell/theme">
    <input type="hidden" name="back" value="${path}" />
    <label for="shell-theme">Theme</label>
    <select id="shell-theme" name="theme" data-autosubmit>
      ${THEMES.map(
        (t) =>
          html`<option value="${t}" ${t === theme ? html`selected` : ''}>
            ${THEME_LABELS[t]}
          </option>`,
      )}
    </select>
    <noscript><button type="submit">Apply</button></noscript>
  </form>`;
}

const LICENCE_LABELS: Record<SandboxLicence, string> = {
  development: 'None (development)',
  active: 'Active (paid)',
  inactive: 'Inactive (lapsed)',
};

/**
 * What Atlassian's billing decides on a real site: the app's licence. Switching it applies to the
 * next invocation and the next frame load (sandbox/forge/host/licence.ts).
 */
function licenceSwitcher(licence: SandboxLicence, path: string): SafeHtml {
  return html`<form class="theme-switcher licence-switcher" method="post" action="/__shell/licence">
    <input type="hidden" name="back" value="${path}" />
    <label for="shell-licence">Licence</label>
    <select id="shell-licence" name="licence" data-autosubmit>
      ${SANDBOX_LICENCES.map(
        (l) =>
          html`<option value="${l}" ${l === licence ? html`selected` : ''}>
            ${LICENCE_LABELS[l]}
          </option>`,
      )}
    </select>
    <noscript><button type="submit">Apply</button></noscript>
  </form>`;
}

function sidebar(input: LayoutInput & { projectKey: string; projectName: string }): SafeHtml {
  const base = `/projects/${encodeURIComponent(input.projectKey)}`;
  const link = (section: Section, href: string, label: string) =>
    html`<li>
      <a href="${href}" ${section === input.section ? html`aria-current="page"` : ''}>${label}</a>
    </li>`;
  return html`<nav class="sidebar" aria-label="Project">
    <div class="project">
      <span class="project-avatar" aria-hidden="true">${input.projectKey.slice(0, 1)}</span>
      <div>
        <strong>${input.projectName}</strong>
        <small>Software project</small>
      </div>
    </div>
    <p class="sidebar-heading">Planning</p>
    <ul>
      ${link('backlog', `${base}/backlog`, 'Backlog')}
      ${link('ballast', `${base}/ballast`, input.projectPageLabel)}
    </ul>
    <p class="sidebar-heading">Settings</p>
    <ul>
      ${link('settings', `${base}/settings`, 'Project settings')}
      ${link('workflow', `${base}/settings/workflow`, 'Workflow')}
    </ul>
    <p class="sidebar-heading">Sandbox</p>
    <ul>
      ${link('notifications', `${base}/notifications`, 'Notifications')}
    </ul>
  </nav>`;
}

export function layout(input: LayoutInput): string {
  return html`<!doctype html>
    <html lang="en" ${input.theme === 'auto' ? '' : html`data-color-mode="${input.theme}"`}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} - Jira (Ballast sandbox)</title>
        <link rel="stylesheet" href="/__shell/assets/ds-tokens.css" />
        <link rel="stylesheet" href="/__shell/assets/shell.css" />
        <script src="/__shell/assets/shell.js" defer></script>
      </head>
      <body>
        <header class="topbar">
          <a class="product" href="/"
            ><span class="logo" aria-hidden="true">◆</span> Jira <small>Ballast sandbox</small></a
          >
          <nav class="topbar-nav" aria-label="Jira">
            <a href="/jira/dashboards/1">Dashboards</a>
            <a href="/jira/apps/ballast-portfolio">Apps: Ballast portfolio</a>
          </nav>
          <span class="topbar-note">Local emulator: no Atlassian account involved</span>
          ${licenceSwitcher(input.licence ?? 'development', input.path)}
          ${themeSwitcher(input.theme, input.path)} ${userSwitcher(input.user, input.path)}
        </header>
        <div class="page">
          ${
            input.projectKey !== undefined && input.projectName !== undefined
              ? sidebar({ ...input, projectKey: input.projectKey, projectName: input.projectName })
              : ''
          }
          <main class="content">${input.body}</main>
        </div>
        <div class="flags" role="region" aria-label="Flags" aria-live="polite"></div>
      </body>
    </html>`.value;
}

/** An honest placeholder for a Ballast module that manifest.yml does not declare yet. */
export const notBuilt = (what: string): SafeHtml =>
  html`<div class="not-built" role="note">
    <strong>${what}</strong>
    <p>This Ballast module is not built yet.</p>
  </div>`;

export function frameElement(src: string, title: string, moduleKey: string): SafeHtml {
  return html`<iframe
    class="forge-frame"
    src="${src}"
    title="${title}"
    data-module-key="${moduleKey}"
    loading="eager"
  ></iframe>`;
}
