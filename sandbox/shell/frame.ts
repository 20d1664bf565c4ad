/**
 * Serves a module's built Custom UI under `/__frame/<moduleKey>/`, as Forge hosts each resource
 * at a path of its own. Into index.html goes, before any other script, the frame's Forge context
 * and the host side of the bridge (assets/bridge.js), so the unmodified @forge/bridge finds
 * `window.__bridge`.
 */
import type { ServerResponse } from 'node:http';
import type { FrameTarget } from './frame-context';
import { escapeHtml, scriptJson } from './html';
import type { UiModule } from './manifest';
import type { ShellTheme } from './theme';
import { contentType, readInside } from './static-files';

export const FRAME_PREFIX = '/__frame/';

export interface FrameBoot {
  moduleKey: string;
  target: FrameTarget;
  /**
   * The frame's localId (for getFrameId). The context itself is asked for by `getContext`
   * (bridge.js, `/__shell/bridge/context`), so the page is served at once — as a Forge resource
   * comes from its CDN, not after Jira reads — and the app paints its loading state from the start.
   */
  localId: string;
  /** Shell page of each module, for router.navigate({ target: 'module', moduleKey }). */
  moduleRoutes: Record<string, string>;
  /** The shell's theme, which `view.theme.enable()` applies to the frame (bridge.js). */
  colorMode: ShellTheme;
}

export function injectBridge(indexHtml: string, boot: FrameBoot): string {
  const tags =
    `<script>window.__sandboxFrame = ${scriptJson(boot).value};</script>` +
    `<script src="/__shell/assets/bridge.js"></script>`;
  // Before the first script (the bundle's module script), so @forge/bridge finds window.__bridge.
  const firstScript = indexHtml.search(/<script\b/i);
  const at = firstScript >= 0 ? firstScript : indexHtml.search(/<\/head>/i);
  if (at < 0) return tags + indexHtml;
  return indexHtml.slice(0, at) + tags + indexHtml.slice(at);
}

export function notBuiltPage(module: UiModule): string {
  return `<!doctype html><meta charset="utf-8"><p style="font:14px system-ui;color:#626f86">The UI of ${escapeHtml(
    module.key,
  )} is not built (${escapeHtml(module.resourceDir ?? 'no resource')}): run <code>npm run build:ui</code>.</p>`;
}

/** Answers one file of the module's resource; index.html gets the bridge. */
export async function serveFrameFile(
  res: ServerResponse,
  module: UiModule,
  relativePath: string,
  boot: () => FrameBoot,
): Promise<void> {
  const path = relativePath === '' ? 'index.html' : relativePath;
  const file =
    module.resourceDir === undefined ? undefined : await readInside(module.resourceDir, path);
  if (path === 'index.html') {
    const body =
      file === undefined ? notBuiltPage(module) : injectBridge(file.toString('utf8'), boot());
    res
      .writeHead(file === undefined ? 404 : 200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      })
      .end(body);
    return;
  }
  if (file === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': contentType(path) }).end(file);
}
